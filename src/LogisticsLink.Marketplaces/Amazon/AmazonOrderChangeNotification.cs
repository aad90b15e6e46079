using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>What an <c>ORDER_CHANGE</c> notification says: which order of which seller changed, and how.</summary>
/// <param name="FulfillmentChannel">From <c>Summary.FulfillmentType</c> (AFN/MFN); Unspecified when absent.</param>
/// <param name="NotificationId">Amazon's id of this delivery: notifications can arrive more than once, deduplicate on it.</param>
public sealed record AmazonOrderChange(
    string AmazonOrderId,
    string SellerId,
    string MarketplaceId,
    string OrderStatus,
    FulfillmentChannel FulfillmentChannel,
    string ChangeType,
    string ChangeReason,
    string NotificationId,
    DateTimeOffset? EventTime);

/// <summary>
/// Reads <c>ORDER_CHANGE</c> notifications (schema <c>OrderChangeNotification.json</c>): <c>NotificationType</c>,
/// <c>EventTime</c>, <c>Payload.OrderChangeNotification{SellerId, AmazonOrderId, OrderChangeType,
/// OrderChangeTrigger.ChangeReason, Summary{MarketplaceId, OrderStatus, FulfillmentType}}</c>,
/// <c>NotificationMetadata.NotificationId</c>, in any envelope <see cref="AmazonNotificationEnvelope"/> accepts. It
/// carries no tracking number: fetch the order to learn more.
/// </summary>
public static class AmazonOrderChangeNotification
{
    public const string NotificationType = "ORDER_CHANGE";

    public static bool TryParse(string body, [NotNullWhen(true)] out AmazonOrderChange? change, out string error) =>
        AmazonNotificationEnvelope.TryRead(body, NotificationType, Read, out change, out error);

    private static AmazonOrderChange? Read(JsonElement root, out string error)
    {
        var notification = root.Child("Payload")?.Child("OrderChangeNotification");
        if (notification is not { ValueKind: JsonValueKind.Object } n)
        {
            error = "no Payload.OrderChangeNotification";
            return null;
        }
        var orderId = n.Text("AmazonOrderId");
        if (orderId.Length == 0)
        {
            error = "no Payload.OrderChangeNotification.AmazonOrderId";
            return null;
        }
        var summary = n.Child("Summary");
        error = "";
        return new AmazonOrderChange(
            orderId,
            n.Text("SellerId"),
            summary?.Text("MarketplaceId") ?? "",
            summary?.Text("OrderStatus") ?? "",
            summary?.Text("FulfillmentType") switch
            {
                "AFN" => FulfillmentChannel.Amazon,
                "MFN" => FulfillmentChannel.Merchant,
                _ => FulfillmentChannel.Unspecified,
            },
            n.Text("OrderChangeType"),
            n.Child("OrderChangeTrigger")?.Text("ChangeReason") ?? "",
            root.Child("NotificationMetadata")?.Text("NotificationId") ?? "",
            root.Instant("EventTime"));
    }
}
