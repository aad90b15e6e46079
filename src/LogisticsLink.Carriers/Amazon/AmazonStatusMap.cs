using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// Amazon Shipping v2 <c>eventHistory[].eventCode</c> and <c>summary.status</c> → normalized status and detail. Events
/// on the <c>RETURNS</c> leg are the parcel going back: a delivery there is the return to the sender, anything short
/// of that is returning (a loss or a cancellation stays what it is).
/// </summary>
public static class AmazonStatusMap
{
    public const string ReturnsLeg = "RETURNS";

    public static readonly IReadOnlyDictionary<string, AmazonCode> EventCodes = new Dictionary<string, AmazonCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["ReadyForReceive"] = new(TrackingStatus.InfoReceived, "info_received.label_created"),
        ["PickupDone"] = new(TrackingStatus.InTransit, "in_transit.picked_up"),
        ["Departed"] = new(TrackingStatus.InTransit, "in_transit.departed_facility"),
        ["ArrivedAtCarrierFacility"] = new(TrackingStatus.InTransit, "in_transit.arrived_at_facility"),
        ["OutForDelivery"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        ["DeliveryAttempted"] = new(TrackingStatus.AttemptFailed, "attempt_failed.attempted"),
        ["AvailableForPickup"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point"),
        ["Delivered"] = new(TrackingStatus.Delivered, "delivered.recipient"),
        ["Lost"] = new(TrackingStatus.Lost, "lost.confirmed"),
        ["Rejected"] = new(TrackingStatus.Returning, "returning.refused"),
        // Undeliverable is usually followed by a return leg; until then it is a problem, not an outcome.
        ["Undeliverable"] = new(TrackingStatus.Exception, "exception.undeliverable"),
        ["PickupCancelled"] = new(TrackingStatus.Cancelled, "cancelled.pickup_cancelled"),
        ["ReturnInitiated"] = new(TrackingStatus.Returning, "returning.to_sender"),
        ["RecipientRequestedAlternateDeliveryTiming"] = new(TrackingStatus.Exception, "exception.recipient_rescheduled"),
    };

    public static readonly IReadOnlyDictionary<string, AmazonCode> SummaryStatuses = new Dictionary<string, AmazonCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["PreTransit"] = new(TrackingStatus.InfoReceived, "info_received.label_created"),
        ["InTransit"] = new(TrackingStatus.InTransit, "in_transit.on_the_way"),
        ["OutForDelivery"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        ["DeliveryAttempted"] = new(TrackingStatus.AttemptFailed, "attempt_failed.attempted"),
        ["AwaitingCustomerPickup"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point"),
        ["Delivered"] = new(TrackingStatus.Delivered, "delivered.recipient"),
        ["Lost"] = new(TrackingStatus.Lost, "lost.confirmed"),
        ["Rejected"] = new(TrackingStatus.Returning, "returning.refused"),
        ["Undeliverable"] = new(TrackingStatus.Exception, "exception.undeliverable"),
        ["PickupCancelled"] = new(TrackingStatus.Cancelled, "cancelled.pickup_cancelled"),
    };

    /// <summary>An event's meaning on its leg, or null for a code this map does not know.</summary>
    public static AmazonCode? Event(string? eventCode, string? shipmentType)
    {
        if (eventCode is not { Length: > 0 } || !EventCodes.TryGetValue(eventCode.Trim(), out var code))
        {
            return null;
        }
        if (!string.Equals(shipmentType?.Trim(), ReturnsLeg, StringComparison.OrdinalIgnoreCase))
        {
            return code;
        }
        return code.Status switch
        {
            TrackingStatus.Delivered => new(TrackingStatus.Returned, "returned.to_sender"),
            TrackingStatus.Lost or TrackingStatus.Cancelled or TrackingStatus.Returning => code,
            _ => new(TrackingStatus.Returning, "returning.to_sender"),
        };
    }

    /// <summary>The summary's meaning, used only when there are no events (the summary alone cannot tell a return's delivery).</summary>
    public static AmazonCode? Summary(string? status) =>
        status is { Length: > 0 } && SummaryStatuses.TryGetValue(status.Trim(), out var code) ? code : null;
}
