using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Sandbox;

/// <summary>The catalogue of sandbox lifecycles. The README lists them; keep the two in step.</summary>
public static class SandboxScenarios
{
    private static readonly TrackingLocation Origin = new("Lyon", "Auvergne-Rhône-Alpes", "69007", "FR");
    private static readonly TrackingLocation Hub = new("Paris", "Île-de-France", "93290", "FR");
    private static readonly TrackingLocation Depot = new("Lille", "Hauts-de-France", "59000", "FR");
    private static readonly TrackingLocation Customs = new("Roissy", "Île-de-France", "95700", "FR");
    private static readonly TrackingLocation Locker = new("Lille", "Hauts-de-France", "59800", "FR");

    private static SandboxStep Label() => new(TrackingStatus.InfoReceived, "info_received.label_created", "MP", "Shipping label created, parcel not yet handed over", Origin);
    private static SandboxStep PickedUp() => new(TrackingStatus.InTransit, "in_transit.picked_up", "PU", "Picked up by the carrier", Origin);
    private static SandboxStep AtHub() => new(TrackingStatus.InTransit, "in_transit.arrived_at_facility", "AR", "Arrived at sorting hub", Hub);
    private static SandboxStep AtDepot() => new(TrackingStatus.InTransit, "in_transit.arrived_at_facility", "AD", "Arrived at delivery depot", Depot);
    private static SandboxStep OutForDelivery() => new(TrackingStatus.OutForDelivery, "", "OD", "Out for delivery", Depot);
    private static SandboxStep Delivered() => new(TrackingStatus.Delivered, "delivered.recipient", "DL", "Delivered, handed to recipient", Depot);

    public static readonly IReadOnlyList<SandboxScenario> All =
    [
        new(0, "normal delivery", [Label(), PickedUp(), AtHub(), AtDepot(), OutForDelivery(), Delivered()]),
        new(1, "locker delivery with signature",
        [
            Label(), PickedUp(), AtHub(), AtDepot(),
            new(TrackingStatus.AvailableForPickup, "available_for_pickup.locker", "LK", "Placed in parcel locker 59800-A12, awaiting collection", Locker),
            new(TrackingStatus.Delivered, "delivered.locker", "LC", "Collected from locker, signed by J. MARTIN", Locker),
        ]),
        new(2, "failed attempt, then delivered",
        [
            Label(), PickedUp(), AtHub(), OutForDelivery(),
            new(TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "NH", "Delivery attempted, recipient absent; next attempt tomorrow", Depot, 1),
            OutForDelivery(), Delivered(),
        ]),
        new(3, "customs hold, released, delivered",
        [
            Label(), PickedUp(),
            new(TrackingStatus.InTransit, "in_transit.customs", "CC", "Customs clearance in progress", Customs),
            new(TrackingStatus.Exception, "exception.customs_hold", "CH", "Held by customs: commercial invoice required", Customs, 2),
            new(TrackingStatus.InTransit, "in_transit.customs_released", "CR", "Released by customs", Customs),
            AtDepot(), OutForDelivery(), Delivered(),
        ]),
        new(4, "weather delay, then delivered",
        [
            Label(), PickedUp(), AtHub(),
            new(TrackingStatus.Exception, "exception.delayed_weather", "WX", "Delayed: severe weather in the area", Hub, 1),
            AtDepot(), OutForDelivery(), Delivered(),
        ]),
        new(5, "return to sender",
        [
            Label(), PickedUp(), AtHub(), OutForDelivery(),
            new(TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "BA", "Address incomplete, delivery not possible", Depot),
            new(TrackingStatus.Returning, "returning.undeliverable", "RS", "Returning to sender: undeliverable", Depot),
            new(TrackingStatus.Returned, "returned.to_sender", "RD", "Delivered back to sender", Origin),
        ]),
        new(6, "lost in transit",
        [
            Label(), PickedUp(), AtHub(),
            new(TrackingStatus.Exception, "exception.no_scan", "NS", "No movement recorded, investigation opened", Hub),
            new(TrackingStatus.Lost, "lost.confirmed", "LO", "Parcel declared lost after investigation", Hub),
        ]),
        new(7, "never found by the carrier", []),
        new(8, "label voided", [Label(), new(TrackingStatus.Cancelled, "cancelled.label_voided", "VO", "Shipment cancelled by the sender", Origin)]),
        new(9, "normal delivery, reported oldest-first with duplicates",
            [Label(), PickedUp(), AtHub(), AtDepot(), OutForDelivery(), Delivered()], ScrambleReports: true),
    ];

    public static SandboxScenario ForDigit(int digit) => All[digit];
}
