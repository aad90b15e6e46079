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
/// <c>NotificationMetadata.NotificationId</c>. Accepts the notification as Amazon publishes it (the SQS message body),
/// an EventBridge event carrying it in <c>detail</c>, and an SQS/SNS envelope carrying it as a JSON string in
/// <c>Body</c>/<c>Message</c>. It carries no tracking number: fetch the order to learn more.
/// </summary>
public static class AmazonOrderChangeNotification
{
    public const string NotificationType = "ORDER_CHANGE";

    public static bool TryParse(string body, [NotNullWhen(true)] out AmazonOrderChange? change, out string error)
    {
        change = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return TryRead(document.RootElement, depth: 0, out change, out error);
        }
        catch (JsonException)
        {
            error = "the body is not JSON";
            return false;
        }
        catch (AmazonMalformedException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static bool TryRead(JsonElement root, int depth, [NotNullWhen(true)] out AmazonOrderChange? change, out string error)
    {
        change = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the body is not a JSON object";
            return false;
        }
        if (depth < 2 && root.Child("NotificationType") is null)
        {
            if (root.Child("detail") is { ValueKind: JsonValueKind.Object } detail)
            {
                return TryRead(detail, depth + 1, out change, out error);
            }
            foreach (var name in new[] { "Body", "Message" })
            {
                if (root.Child(name) is { ValueKind: JsonValueKind.String } wrapped)
                {
                    using var inner = JsonDocument.Parse(wrapped.GetString()!);
                    return TryRead(inner.RootElement.Clone(), depth + 1, out change, out error);
                }
            }
        }

        var type = root.Text("NotificationType");
        if (type != NotificationType)
        {
            error = type.Length == 0 ? "no NotificationType" : $"NotificationType is {type}, not {NotificationType}";
            return false;
        }
        var notification = root.Child("Payload")?.Child("OrderChangeNotification");
        if (notification is not { ValueKind: JsonValueKind.Object } n)
        {
            error = "no Payload.OrderChangeNotification";
            return false;
        }
        var orderId = n.Text("AmazonOrderId");
        if (orderId.Length == 0)
        {
            error = "no Payload.OrderChangeNotification.AmazonOrderId";
            return false;
        }
        var summary = n.Child("Summary");
        change = new AmazonOrderChange(
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
        error = "";
        return true;
    }
}
