using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD parcel-lifecycle <c>statusInfo.status</c> values → normalized status and detail. The vocabulary is the one seen
/// in real answers (PickedUp, BetweenDepots, Depot, Courier, ReturningFromDelivery, DeliveryFailure, ParcelShop,
/// Delivered); <c>shipmentInfo.status</c> is SHIPMENT, the shipment data DPD holds before the first scan.
/// </summary>
public static class DpdStatusMap
{
    public const string ShipmentDataStatus = "SHIPMENT";

    /// <summary>A trackingresult with shipment data but no reached status: DPD has the order, not yet the parcel.</summary>
    public static readonly DpdCode ShipmentData = new(TrackingStatus.InfoReceived, "info_received.shipment_data");

    public static readonly IReadOnlyDictionary<string, DpdCode> Statuses = new Dictionary<string, DpdCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["PickedUp"] = new(TrackingStatus.InTransit, "in_transit.picked_up"),
        ["BetweenDepots"] = new(TrackingStatus.InTransit, "in_transit.between_depots"),
        ["Depot"] = new(TrackingStatus.InTransit, "in_transit.arrived_at_delivery_depot"),
        ["Courier"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        ["DeliveryFailure"] = new(TrackingStatus.AttemptFailed, "attempt_failed.delivery_failure"),
        // Back at the depot after an attempt that failed: the attempt is the news, a new one follows.
        ["ReturningFromDelivery"] = new(TrackingStatus.AttemptFailed, "attempt_failed.back_at_depot"),
        ["ParcelShop"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.parcel_shop"),
        ["Delivered"] = new(TrackingStatus.Delivered, "delivered.recipient"),
    };

    /// <summary>The meaning of a status code, or null when DPD sent one this map does not know.</summary>
    public static DpdCode? Map(string? status) =>
        status is { Length: > 0 } && Statuses.TryGetValue(status.Trim(), out var code) ? code
        : string.Equals(status?.Trim(), ShipmentDataStatus, StringComparison.OrdinalIgnoreCase) ? ShipmentData
        : null;
}
