using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>The recommended action, the scenario the reply describes, and the shipment the reply is about.</summary>
public sealed record InquiryDecision(RecommendedAction Action, ReplyScenario Scenario, ShipmentState? Shipment)
{
    /// <summary>The parcels a reply about several lists (<see cref="ReplyScenario.DeliveredAllParcels"/>,
    /// <see cref="ReplyScenario.PartiallyShippedDeliveredParcels"/>), oldest first; else none.</summary>
    public IReadOnlyList<ShipmentState> Parcels { get; init; } = [];
}

/// <summary>
/// Decides what the agent should do about an inquiry from the order and its shipments' live state. Pure.
/// <list type="bullet">
/// <item>nothing matched → ASK_FOR_ORDER_ID</item>
/// <item>fulfilled by Amazon → REDIRECT_TO_AMAZON (Amazon owns FBA logistics questions)</item>
/// <item>lost, returning or returned → OFFER_RESOLUTION (returned: its own reply, the parcel is back, not on its way back)</item>
/// <item>exception, stalled or delayed (merchant-fulfilled), or no news from the carrier in time (expired) → CONTACT_CARRIER</item>
/// <item>out for delivery, a failed attempt or at a pickup point, even late or stalled → SHARE_TRACKING with its own
/// scenario: the buyer has to act</item>
/// <item>a cancelled (voided) label is ignored: an order with only such labels counts as not shipped</item>
/// <item>no carrier scan yet, before the promised date → REASSURE_WITHIN_PROMISE (after it: CONTACT_CARRIER, or
/// OFFER_RESOLUTION when nothing has shipped); past the latest ship date with nothing shipped by it, the reply apologises
/// for the wait instead of saying the order is on schedule</item>
/// <item>no carrier scan yet and the marketplace calls the order cancelled → SHARE_TRACKING (it will not ship); Amazon MCF
/// calls it <c>Unfulfillable</c> or <c>Invalid</c> → OFFER_RESOLUTION (it will not ship, and nobody cancelled it); no parcel
/// and the marketplace says the order needs no shipment (Shopify <c>FULFILLMENT_NOT_REQUIRED</c>) → SHARE_TRACKING (there
/// is nothing to track); shipped
/// with a label the carrier has yet to scan, before the promised date → SHARE_TRACKING (the first scan is pending), after
/// it → CONTACT_CARRIER (late, the tracking shared, the carrier asked whether it has the parcel; partly shipped: its own
/// replies, which say another part has not shipped); shipped
/// with no tracked parcel → REASSURE_WITHIN_PROMISE before the promised date, CONTACT_CARRIER after it (partly shipped:
/// its own reply, part has left and the rest has not)</item>
/// <item>several parcels, every one delivered → SHARE_TRACKING, one reply listing them all (partly shipped: its own
/// reply, which also says another part has not shipped: the delivered parcels are not the whole order)</item>
/// <item>moving or delivered → SHARE_TRACKING (partly shipped: its own reply, this parcel is on its way or delivered and
/// the rest of the order has not shipped; likewise out for delivery, after a failed attempt or at a pickup point)</item>
/// <item>partly shipped and the parcel late (CONTACT_CARRIER) or not arriving (OFFER_RESOLUTION): the same action, and a
/// reply that tells the parcel's trouble as that of part of the order</item>
/// </list>
/// With several shipments, the parcels the buyer named decide (the worst of them); naming only the order, the one in the
/// worst situation decides: a buyer asks about what is missing.
/// </summary>
public static class InquiryDecisions
{
    /// <param name="namedParcelIds">The ids of the parcels the buyer named (by tracking number); none, or none of the
    /// order's live parcels, leaves the decision to the order's worst parcel.</param>
    public static InquiryDecision Decide(
        OrderState? order, IReadOnlyList<ShipmentState> shipments, DateTimeOffset now, IReadOnlyCollection<string>? namedParcelIds = null)
    {
        if (order is null && shipments.Count == 0)
        {
            return new(RecommendedAction.AskForOrderId, ReplyScenario.NoOrderFound, null);
        }
        // A voided label is no parcel: it neither decides for the others nor, alone, makes the order shipped.
        var parcels = shipments.Where(s => s.Status != TrackingStatus.Cancelled).ToList();
        var named = parcels.Where(s => namedParcelIds?.Contains(s.Id) == true).ToList();
        var considered = named.Count > 0 ? named : parcels;
        var worst = considered.OrderByDescending(Severity).ThenBy(s => s.CreatedAt).FirstOrDefault();
        if (order?.FulfillmentChannel == FulfillmentChannel.Amazon)
        {
            return new(RecommendedAction.RedirectToAmazon, ReplyScenario.FbaStatus, worst);
        }
        if (AllDelivered(considered))
        {
            // Told of one parcel, the buyer of two takes it for the whole order and waits for, or claims, the other.
            var scenario = order is not null && MarketplaceOrderStatus.IsPartiallyShipped(order.Status)
                ? ReplyScenario.PartiallyShippedDeliveredParcels
                : ReplyScenario.DeliveredAllParcels;
            return new(RecommendedAction.ShareTracking, scenario, worst)
            {
                Parcels = considered.OrderBy(s => s.CreatedAt).ToList(),
            };
        }
        if (worst is null || worst.Status.IsUnknown() || worst.Status == TrackingStatus.InfoReceived)
        {
            return BeforeTheFirstScan(order, worst, shipments, now);
        }
        return Scenario(worst) switch
        {
            ReplyScenario.Lost or ReplyScenario.Returning or ReplyScenario.Returned => new(RecommendedAction.OfferResolution, OfPartOfTheOrder(order, Scenario(worst)), worst),
            ReplyScenario.Exception or ReplyScenario.Expired or ReplyScenario.Delayed => new(RecommendedAction.ContactCarrier, OfPartOfTheOrder(order, Scenario(worst)), worst),
            var scenario => new(RecommendedAction.ShareTracking, OfPartOfTheOrder(order, scenario), worst),
        };
    }

    private static bool AllDelivered(IReadOnlyList<ShipmentState> parcels) =>
        parcels.Count > 1 && parcels.All(s => s.Status == TrackingStatus.Delivered);

    /// <summary>
    /// Partly shipped, a parcel on its way, delivered, waiting on the buyer (at the door, after a failed attempt, at a
    /// pickup point) or in trouble carries only part of the order: its reply says another part has not shipped (not "the
    /// rest": another parcel may have shipped before it), or the buyer who gets one parcel of two reads it as the whole
    /// order, and one whose parcel is lost is offered a refund of items that never left. The parcel's own instructions
    /// stay in the reply; a late parcel (delayed, stalled, an exception, no news) and one that will not arrive (lost,
    /// returning, returned) each share one reply, whose status says which.
    /// </summary>
    private static ReplyScenario OfPartOfTheOrder(OrderState? order, ReplyScenario scenario) =>
        order is null || !MarketplaceOrderStatus.IsPartiallyShipped(order.Status) ? scenario : scenario switch
        {
            ReplyScenario.InTransit => ReplyScenario.PartiallyShippedInTransit,
            ReplyScenario.Delivered => ReplyScenario.PartiallyShippedDelivered,
            ReplyScenario.OutForDelivery => ReplyScenario.PartiallyShippedOutForDelivery,
            ReplyScenario.AttemptFailed => ReplyScenario.PartiallyShippedAttemptFailed,
            ReplyScenario.AvailableForPickup => ReplyScenario.PartiallyShippedAvailableForPickup,
            ReplyScenario.Delayed or ReplyScenario.Exception or ReplyScenario.Expired => ReplyScenario.PartiallyShippedHeldUp,
            ReplyScenario.Lost or ReplyScenario.Returning or ReplyScenario.Returned => ReplyScenario.PartiallyShippedNotArriving,
            _ => scenario,
        };

    /// <summary>
    /// No carrier has scanned a parcel, so the marketplace's word on the order comes first: a cancelled order will not
    /// ship, and one it calls shipped has left even with no tracked parcel (an Orders v0 order has no tracking numbers;
    /// a parcel may go by a carrier we do not track), so neither "being prepared" nor "not shipped yet" is true of it.
    /// </summary>
    private static InquiryDecision BeforeTheFirstScan(OrderState? order, ShipmentState? worst, IReadOnlyList<ShipmentState> shipments, DateTimeOffset now)
    {
        var promised = worst?.PromisedBy ?? order?.LatestDeliveryDate;
        var withinPromise = promised is null || now <= DateOnlyPromise.Deadline(promised.Value);
        if (order is not null && MarketplaceOrderStatus.IsCancelled(order.Status))
        {
            return new(RecommendedAction.ShareTracking, ReplyScenario.OrderCancelled, worst);
        }
        if (order is not null && MarketplaceOrderStatus.IsUnfulfillable(order.Status))
        {
            // Nobody cancelled it, yet it will not ship: the buyer paid and is owed a refund or another way to get it.
            return new(RecommendedAction.OfferResolution, ReplyScenario.OrderUnfulfillable, worst);
        }
        if (worst is null && order is not null && MarketplaceOrderStatus.NeedsNoShipment(order.Status))
        {
            return new(RecommendedAction.ShareTracking, ReplyScenario.OrderNeedsNoShipment, null);
        }
        if (worst is null && order is not null && !MarketplaceOrderStatus.IsAwaitingShipment(order.Status))
        {
            // Late, only the carrier knows where it is; in time, the buyer is reassured and sent the number when found.
            // Partly shipped, the reply says only part has left: the rest is not in the parcel the buyer may have.
            var scenario = MarketplaceOrderStatus.IsPartiallyShipped(order.Status)
                ? ReplyScenario.PartiallyShippedWithoutTracking
                : ReplyScenario.ShippedWithoutTracking;
            return new(withinPromise ? RecommendedAction.ReassureWithinPromise : RecommendedAction.ContactCarrier, scenario, null);
        }
        if (worst is not null && order is not null && !MarketplaceOrderStatus.IsAwaitingShipment(order.Status))
        {
            // The seller confirmed the shipment: the label is the parcel's, waiting only for the carrier's first scan.
            // Late, only the carrier can say whether it has the parcel; the buyer still gets the tracking number.
            // Partly shipped, the reply says another part has not shipped: it is not in this parcel.
            var partly = MarketplaceOrderStatus.IsPartiallyShipped(order.Status);
            return withinPromise
                ? new(RecommendedAction.ShareTracking,
                    partly ? ReplyScenario.PartiallyShippedAwaitingFirstScan : ReplyScenario.ShippedAwaitingFirstScan, worst)
                : new(RecommendedAction.ContactCarrier,
                    partly ? ReplyScenario.PartiallyShippedAwaitingFirstScanLate : ReplyScenario.ShippedAwaitingFirstScanLate, worst);
        }
        if (withinPromise)
        {
            // The delivery promise still holds, but an order that missed its ship-by date is not "on schedule".
            return new(RecommendedAction.ReassureWithinPromise,
                ShipByMissed(order, shipments, now) ? ReplyScenario.PreTransitPastShipDate : ReplyScenario.PreTransitWithinPromise, worst);
        }
        // Late: a parcel the carrier has not scanned is the carrier's to find; an order with no parcel at all is
        // the seller's to ship or cancel, and the buyer may prefer a refund.
        return worst is null
            ? new(RecommendedAction.OfferResolution, ReplyScenario.Delayed, null)
            : new(RecommendedAction.ContactCarrier, ReplyScenario.Delayed, worst);
    }

    /// <summary>
    /// The order's latest ship date passed and none of its parcels shipped by it: the late-shipment risk's rule (a parcel
    /// counts from its confirmation or registration, <see cref="OrderShipTime"/>), so the reply and the Late Shipment Rate
    /// agree. Called only for an order still awaiting shipment.
    /// </summary>
    private static bool ShipByMissed(OrderState? order, IReadOnlyList<ShipmentState> shipments, DateTimeOffset now)
    {
        if (order?.LatestShipDate is not { } shipBy)
        {
            return false;
        }
        var deadline = DateOnlyPromise.Deadline(shipBy);
        return now > deadline && (OrderShipTime.Of(order, shipments) is not { } shipped || shipped > deadline);
    }

    /// <summary>The reply scenario of one merchant-fulfilled shipment that the carrier knows about.</summary>
    public static ReplyScenario Scenario(ShipmentState shipment) => shipment.Status switch
    {
        TrackingStatus.Lost => ReplyScenario.Lost,
        // No news from the carrier in time is neither a confirmed loss nor a problem the carrier reported: the carrier
        // is asked, and the buyer is told just that.
        TrackingStatus.Expired => ReplyScenario.Expired,
        TrackingStatus.Cancelled => ReplyScenario.PreTransitWithinPromise,
        TrackingStatus.Returning => ReplyScenario.Returning,
        TrackingStatus.Returned => ReplyScenario.Returned,
        TrackingStatus.Exception => ReplyScenario.Exception,
        TrackingStatus.Delivered => ReplyScenario.Delivered,
        _ when Has(shipment, RiskKind.Lost) => ReplyScenario.Lost,
        _ when Has(shipment, RiskKind.Exception) => ReplyScenario.Exception,
        // Late or held long, a parcel at the buyer's door or counter waits on the buyer, not the carrier: its reply says
        // where it is and what to do (a pickup hold that runs out goes back to the sender).
        TrackingStatus.AttemptFailed => ReplyScenario.AttemptFailed,
        TrackingStatus.AvailableForPickup => ReplyScenario.AvailableForPickup,
        TrackingStatus.OutForDelivery => ReplyScenario.OutForDelivery,
        _ when Has(shipment, RiskKind.Stalled) || Has(shipment, RiskKind.Delayed) => ReplyScenario.Delayed,
        TrackingStatus.Pending or TrackingStatus.NotFound or TrackingStatus.InfoReceived => ReplyScenario.PreTransitWithinPromise,
        _ => ReplyScenario.InTransit,
    };

    private static bool Has(ShipmentState shipment, RiskKind kind) => shipment.Risks.Any(r => r.Kind == kind);

    private static int Severity(ShipmentState shipment) => shipment.Status.IsUnknown() || shipment.Status == TrackingStatus.InfoReceived
        ? 1
        : Scenario(shipment) switch
        {
            ReplyScenario.Lost => 9,
            ReplyScenario.Returning or ReplyScenario.Returned => 8,
            ReplyScenario.Exception or ReplyScenario.Expired => 7,
            ReplyScenario.Delayed => 6,
            ReplyScenario.AttemptFailed => 5,
            ReplyScenario.AvailableForPickup => 4,
            ReplyScenario.OutForDelivery => 3,
            ReplyScenario.InTransit => 2,
            _ => 0,
        };
}
