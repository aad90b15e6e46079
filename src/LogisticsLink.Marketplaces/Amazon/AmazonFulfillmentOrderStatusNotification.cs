using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>One package a FULFILLMENT_ORDER_STATUS notification lists (<c>FulfillmentShipmentPackages[]</c>).</summary>
public sealed record AmazonFulfillmentStatusPackage(int PackageNumber, string CarrierCode, string TrackingNumber);

/// <summary>
/// What a <c>FULFILLMENT_ORDER_STATUS</c> notification says: a Multi-Channel Fulfillment order's status changed.
/// </summary>
/// <param name="SellerFulfillmentOrderId">The MCF order's key, the order id it is stored under.</param>
/// <param name="FulfillmentOrderStatus">As Amazon spells it in the notification (e.g. <c>PROCESSING</c>, <c>COMPLETE</c>).</param>
/// <param name="NotificationId">Amazon's id of this delivery: notifications can arrive more than once.</param>
public sealed record AmazonFulfillmentOrderStatus(
    string SellerFulfillmentOrderId,
    string SellerId,
    string EventType,
    string FulfillmentOrderStatus,
    string ShipmentStatus,
    string AmazonShipmentId,
    IReadOnlyList<AmazonFulfillmentStatusPackage> Packages,
    DateTimeOffset? StatusUpdatedAt,
    string NotificationId);

/// <summary>
/// Reads <c>FULFILLMENT_ORDER_STATUS</c> notifications (schema <c>FulfillmentOrderStatusNotification.json</c>):
/// <c>Payload.FulfillmentOrderStatusNotification{SellerId, EventType, StatusUpdatedDateTime, SellerFulfillmentOrderId,
/// FulfillmentOrderStatus, FulfillmentShipment{FulfillmentShipmentStatus, AmazonShipmentId, EstimatedArrivalDateTime,
/// FulfillmentShipmentPackages[{PackageNumber, CarrierCode, TrackingNumber}]}, FulfillmentReturnItem}</c>, in any
/// envelope <see cref="AmazonNotificationEnvelope"/> accepts (the same ways ORDER_CHANGE arrives). The packages are
/// what changed; the order's tracking is fetched from the Fulfillment Outbound API, which says where each one is.
/// </summary>
public static class AmazonFulfillmentOrderStatusNotification
{
    public const string NotificationType = "FULFILLMENT_ORDER_STATUS";

    private const string Path = "Payload.FulfillmentOrderStatusNotification";

    public static bool TryParse(string body, [NotNullWhen(true)] out AmazonFulfillmentOrderStatus? status, out string error) =>
        AmazonNotificationEnvelope.TryRead(body, NotificationType, Read, out status, out error);

    private static AmazonFulfillmentOrderStatus? Read(JsonElement root, out string error)
    {
        if (root.Child("Payload")?.Child("FulfillmentOrderStatusNotification") is not { ValueKind: JsonValueKind.Object } n)
        {
            error = $"no {Path}";
            return null;
        }
        var orderId = n.Text("SellerFulfillmentOrderId");
        if (orderId.Length == 0)
        {
            error = $"no {Path}.SellerFulfillmentOrderId";
            return null;
        }
        var shipment = n.Child("FulfillmentShipment");
        if (shipment is { } s && s.ValueKind != JsonValueKind.Object)
        {
            error = $"{Path}.FulfillmentShipment is a {s.ValueKind}, expected an object";
            return null;
        }
        var packages = new List<AmazonFulfillmentStatusPackage>();
        var listed = shipment?.Child("FulfillmentShipmentPackages");
        if (listed is { } list && list.ValueKind != JsonValueKind.Array)
        {
            error = $"{Path}.FulfillmentShipment.FulfillmentShipmentPackages is a {list.ValueKind}, expected a list";
            return null;
        }
        var index = 0;
        foreach (var package in listed is { } items ? items.EnumerateArray().ToList() : [])
        {
            var field = $"{Path}.FulfillmentShipment.FulfillmentShipmentPackages[{index++}]";
            if (package.ValueKind != JsonValueKind.Object)
            {
                error = $"{field} is a {package.ValueKind}, expected an object";
                return null;
            }
            if (!int.TryParse(package.Text("PackageNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                error = $"{field}.PackageNumber is not a positive integer";
                return null;
            }
            packages.Add(new AmazonFulfillmentStatusPackage(number, package.Text("CarrierCode"), package.Text("TrackingNumber")));
        }
        error = "";
        return new AmazonFulfillmentOrderStatus(
            orderId,
            n.Text("SellerId"),
            n.Text("EventType"),
            n.Text("FulfillmentOrderStatus"),
            shipment?.Text("FulfillmentShipmentStatus") ?? "",
            shipment?.Text("AmazonShipmentId") ?? "",
            packages,
            n.Instant("StatusUpdatedDateTime"),
            root.Child("NotificationMetadata")?.Text("NotificationId") ?? "");
    }
}
