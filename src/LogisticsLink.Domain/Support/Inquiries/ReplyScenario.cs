namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// The situation a reply describes; each has a built-in template whose id is <see cref="ReplyScenarios.TemplateId"/>.
/// </summary>
public enum ReplyScenario
{
    InTransit,
    OutForDelivery,
    Delivered,
    /// <summary>
    /// Every one of the parcels the reply is about (the order's, or the several the buyer named) was delivered: each is
    /// listed with its carrier, tracking number and link, or the buyer told of one parcel reads it as the whole order.
    /// </summary>
    DeliveredAllParcels,
    Delayed,
    Exception,
    /// <summary>The carrier never had news of the parcel in time (EXPIRED): not a problem it reported.</summary>
    Expired,
    AttemptFailed,
    AvailableForPickup,
    /// <summary>The carrier is taking the parcel back to the seller: it will not arrive.</summary>
    Returning,
    /// <summary>
    /// The parcel is back with the seller (delivered back, the return complete): told as done, not as on its way back,
    /// so the buyer chooses a replacement or a refund without waiting for a return that is over.
    /// </summary>
    Returned,
    Lost,
    FbaStatus,
    PreTransitWithinPromise,
    /// <summary>
    /// Not shipped yet and still within the delivery promise, but past the latest ship date (Amazon counts it in the Late
    /// Shipment Rate): the reply apologises for the wait and says the order will ship shortly, never "on schedule".
    /// </summary>
    PreTransitPastShipDate,
    /// <summary>
    /// The marketplace calls the order shipped (the seller confirmed it) and its parcel's label has no carrier scan yet,
    /// before the promised date: the tracking is shared with a note that the first scan is pending, not "being prepared".
    /// </summary>
    ShippedAwaitingFirstScan,
    /// <summary>
    /// The same shipped order and unscanned label after the promised date: late, the tracking is shared with the truth
    /// (labelled, not scanned by the carrier yet), never the label's status in words ("not yet handed to the carrier").
    /// </summary>
    ShippedAwaitingFirstScanLate,
    /// <summary>
    /// The marketplace calls the order shipped but no tracked parcel is linked (an Orders v0 order has no tracking
    /// numbers; a parcel may go by a carrier we do not track): neither "being prepared" nor "not shipped yet".
    /// </summary>
    ShippedWithoutTracking,
    /// <summary>
    /// The marketplace calls the order partly shipped (Amazon <c>PartiallyShipped</c>, Shopify <c>PARTIALLY_FULFILLED</c>,
    /// eBay <c>IN_PROGRESS</c>) and no tracked parcel is linked: part has left, the rest has not.
    /// </summary>
    PartiallyShippedWithoutTracking,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel is on its way: the parcel's news, and the rest of
    /// the order has not shipped yet (no date is given for it: none is known).
    /// </summary>
    PartiallyShippedInTransit,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel was delivered: the delivery is of part of the order,
    /// the rest has not shipped yet. "Delivered" alone would read as the whole order and invite an A-to-z claim.
    /// </summary>
    PartiallyShippedDelivered,
    /// <summary>
    /// The marketplace calls the order partly shipped and several of its parcels (or the several the buyer named) were
    /// all delivered: each is listed, as for <see cref="DeliveredAllParcels"/>, and another part of the order has not
    /// shipped yet. One parcel named would read as the only one delivered.
    /// </summary>
    PartiallyShippedDeliveredParcels,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel is out for delivery: the parcel's news, and the rest
    /// of the order has not shipped yet, or the buyer at the door takes the parcel for the whole order.
    /// </summary>
    PartiallyShippedOutForDelivery,
    /// <summary>
    /// The marketplace calls the order partly shipped and the carrier failed to deliver its parcel: how to rearrange the
    /// delivery, as for any such parcel, and the rest of the order has not shipped yet.
    /// </summary>
    PartiallyShippedAttemptFailed,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel waits at a pickup point: what to bring to collect
    /// it, as for any such parcel, and the rest of the order has not shipped yet (it will not be at the counter).
    /// </summary>
    PartiallyShippedAvailableForPickup,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel is delayed, stalled, held by a carrier exception or
    /// without news from the carrier in time: the parcel is late, its status says how, the carrier is being asked, and
    /// the rest of the order has not shipped yet (the parcel is not the whole order, late).
    /// </summary>
    PartiallyShippedHeldUp,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel will not arrive (lost, returning or returned, as its
    /// status says): a replacement or a refund of what was in that parcel, never of the whole order, and the rest of the
    /// order has not shipped yet.
    /// </summary>
    PartiallyShippedNotArriving,
    /// <summary>
    /// The marketplace calls the order partly shipped and its parcel's label has no carrier scan yet, before the promised
    /// date: as <see cref="ShippedAwaitingFirstScan"/>, and another part of the order has not shipped yet.
    /// </summary>
    PartiallyShippedAwaitingFirstScan,
    /// <summary>
    /// The same after the promised date: as <see cref="ShippedAwaitingFirstScanLate"/> (late, the carrier asked), and
    /// another part of the order has not shipped yet.
    /// </summary>
    PartiallyShippedAwaitingFirstScanLate,
    /// <summary>The marketplace calls the order cancelled and no carrier has scanned a parcel: it will not ship.</summary>
    OrderCancelled,
    /// <summary>
    /// Amazon MCF will never fulfil the order (<c>Unfulfillable</c>, <c>Invalid</c>) and no carrier has scanned a parcel:
    /// it could not be sent, and the seller will come back with a refund or another solution.
    /// </summary>
    OrderUnfulfillable,
    /// <summary>
    /// The marketplace says nothing in the order ships (Shopify <c>FULFILLMENT_NOT_REQUIRED</c>: a digital product, a
    /// service) and no parcel is linked: there is no parcel to track, never "not shipped yet".
    /// </summary>
    OrderNeedsNoShipment,
    NoOrderFound,
    /// <summary>
    /// The message points to several orders (two order ids, parcels of two orders): the buyer is asked which one, never
    /// told that none was found, and no order is named (a quoted number may be another buyer's parcel).
    /// </summary>
    SeveralOrdersFound,
}

public static class ReplyScenarios
{
    /// <summary>The built-in template id of a scenario: <c>fbm_in_transit</c>, <c>fba_status</c>, <c>no_order_found</c>…</summary>
    public static string TemplateId(this ReplyScenario scenario) => scenario switch
    {
        ReplyScenario.InTransit => "fbm_in_transit",
        ReplyScenario.OutForDelivery => "fbm_out_for_delivery",
        ReplyScenario.Delivered => "fbm_delivered",
        ReplyScenario.DeliveredAllParcels => "fbm_delivered_all_parcels",
        ReplyScenario.Delayed => "fbm_delayed",
        ReplyScenario.Exception => "fbm_exception",
        ReplyScenario.Expired => "fbm_expired",
        ReplyScenario.AttemptFailed => "fbm_attempt_failed",
        ReplyScenario.AvailableForPickup => "fbm_available_for_pickup",
        ReplyScenario.Returning => "fbm_returning",
        ReplyScenario.Returned => "fbm_returned",
        ReplyScenario.Lost => "fbm_lost",
        ReplyScenario.FbaStatus => "fba_status",
        ReplyScenario.PreTransitWithinPromise => "pre_transit_within_promise",
        ReplyScenario.PreTransitPastShipDate => "pre_transit_past_ship_date",
        ReplyScenario.ShippedAwaitingFirstScan => "shipped_awaiting_first_scan",
        ReplyScenario.ShippedAwaitingFirstScanLate => "shipped_awaiting_first_scan_late",
        ReplyScenario.ShippedWithoutTracking => "shipped_without_tracking",
        ReplyScenario.PartiallyShippedWithoutTracking => "partially_shipped_without_tracking",
        ReplyScenario.PartiallyShippedInTransit => "partially_shipped_in_transit",
        ReplyScenario.PartiallyShippedDelivered => "partially_shipped_delivered",
        ReplyScenario.PartiallyShippedDeliveredParcels => "partially_shipped_delivered_parcels",
        ReplyScenario.PartiallyShippedOutForDelivery => "partially_shipped_out_for_delivery",
        ReplyScenario.PartiallyShippedAttemptFailed => "partially_shipped_attempt_failed",
        ReplyScenario.PartiallyShippedAvailableForPickup => "partially_shipped_available_for_pickup",
        ReplyScenario.PartiallyShippedHeldUp => "partially_shipped_held_up",
        ReplyScenario.PartiallyShippedNotArriving => "partially_shipped_not_arriving",
        ReplyScenario.PartiallyShippedAwaitingFirstScan => "partially_shipped_awaiting_first_scan",
        ReplyScenario.PartiallyShippedAwaitingFirstScanLate => "partially_shipped_awaiting_first_scan_late",
        ReplyScenario.OrderCancelled => "order_cancelled",
        ReplyScenario.OrderUnfulfillable => "order_unfulfillable",
        ReplyScenario.OrderNeedsNoShipment => "order_needs_no_shipment",
        ReplyScenario.NoOrderFound => "no_order_found",
        ReplyScenario.SeveralOrdersFound => "several_orders_found",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    public static IReadOnlyList<ReplyScenario> All { get; } = Enum.GetValues<ReplyScenario>();
}
