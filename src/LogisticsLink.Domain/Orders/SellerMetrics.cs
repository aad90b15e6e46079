using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// Amazon's seller-fulfilled performance measures, computed from stored orders and shipments (definitions in
/// Seller Central's help: a tracking number is valid once the carrier has physically scanned it (a label created is not a scan); a package is on time when
/// delivered by the promised date; a shipment is late when confirmed after the latest ship date). Only
/// merchant-fulfilled and third-party orders count: Amazon answers for FBA, and a package Amazon ships for an MCF order
/// (<see cref="ShipmentState.ShippedByAmazon"/>) is not one the seller shipped, as NO_VALID_TRACKING judges it. Cancelled or unfulfillable orders and orders that need no
/// shipment (Shopify's <c>FULFILLMENT_NOT_REQUIRED</c>) have nothing to measure.
/// </summary>
public sealed record SellerMetrics(
    DateTimeOffset From, DateTimeOffset To,
    int ShippedPackages, int ValidTrackingPackages,
    int OnTimeEligible, int OnTimeDelivered,
    int ShipDueOrders, int LateShipments,
    IReadOnlyDictionary<RiskKind, int> OpenRisks)
{
    // A rate over nothing is 1 for the good measures and 0 for the bad one: an empty window has no failures.
    public double ValidTrackingRate => Rate(ValidTrackingPackages, ShippedPackages, 1);
    public double OnTimeDeliveryRate => Rate(OnTimeDelivered, OnTimeEligible, 1);
    public double LateShipmentRate => Rate(LateShipments, ShipDueOrders, 0);

    private static double Rate(int part, int whole, double empty) => whole == 0 ? empty : (double)part / whole;

    /// <param name="orders">The orders whose promise or ship-by date may fall in the window, with their parcels.</param>
    /// <param name="ordersWithRisks">
    /// Every order of the tenant that carries a risk, whatever its dates: what needs action now is not a matter of the
    /// window (an open claim on an order pushed without dates, a parcel lost long after its promise).
    /// </param>
    /// <param name="rules">Gives the grace a parcel has for its first scan before it counts against the valid tracking rate.</param>
    public static SellerMetrics Compute(
        IEnumerable<(OrderState Order, IReadOnlyList<ShipmentState> Shipments)> orders, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, IEnumerable<OrderState> ordersWithRisks, RiskRules rules)
    {
        int shipped = 0, valid = 0, eligible = 0, onTime = 0, due = 0, late = 0;
        var open = new Dictionary<RiskKind, int>();
        foreach (var risk in ordersWithRisks.SelectMany(o => o.Risks).Where(r => r.ActionRequired))
        {
            open[risk.Kind] = open.GetValueOrDefault(risk.Kind) + 1;
        }
        foreach (var (order, shipments) in orders)
        {
            if (order.FulfillmentChannel == FulfillmentChannel.Amazon)
            {
                continue;
            }
            // Nothing shipped or will ship: neither a shipment due nor a package.
            if (MarketplaceOrderStatus.WillNotShip(order.Status) || MarketplaceOrderStatus.NeedsNoShipment(order.Status))
            {
                continue;
            }
            if (order.LatestShipDate is { } shipBy && shipBy >= from && shipBy < to)
            {
                // Unshipped counts as late only once its ship-by time has passed, and until then it is neither on time nor
                // late (a ship-by date of today, a window reaching into the future); shipped by the marketplace's word
                // with no parcel we track, it has no ship time to judge and is not late.
                var deadline = DateOnlyPromise.Deadline(shipBy);
                var awaiting = order.ShippedAt is null && MarketplaceOrderStatus.IsAwaitingShipment(order.Status);
                if (!(awaiting && now <= deadline))
                {
                    due++;
                    if (order.ShippedAt is { } shippedAt ? shippedAt > deadline : awaiting)
                    {
                        late++;
                    }
                }
            }
            if (order.LatestDeliveryDate is not { } promise || promise < from || promise >= to)
            {
                continue;
            }
            // A voided label (CANCELLED) never shipped: no package, as in the order's ship time and the evidence. Nor did
            // the seller ship one Amazon ships (an MCF package): its tracking is Amazon's, as NO_VALID_TRACKING judges it.
            foreach (var s in shipments.Where(s => s.Status != TrackingStatus.Cancelled && !s.ShippedByAmazon))
            {
                // Carriers scan a parcel some time after its label: one not scanned yet is judged once the grace after its
                // registration has passed, as NO_VALID_TRACKING judges it, and until then it counts neither way.
                if (s.FirstScanAt is null && now - s.CreatedAt <= rules.ValidTrackingGrace)
                {
                    continue;
                }
                shipped++;
                // Valid tracking, and so on-time eligibility, needs a physical carrier scan: a "label created" event
                // is not one (marketplaces reference §5.4, §5.9).
                if (s.FirstScanAt is null)
                {
                    continue;
                }
                valid++;
                // A parcel still on its way before its promise ends is neither on time nor late yet: judged once it is
                // delivered, the promise has passed, or the carrier gave up on it (lost, returned).
                if (ShipmentRisks.AwaitsDelivery(s) && now <= DateOnlyPromise.Deadline(promise))
                {
                    continue;
                }
                eligible++;
                if (s.Status == TrackingStatus.Delivered && s.DeliveredAt is { } delivered && delivered <= DateOnlyPromise.Deadline(promise))
                {
                    onTime++;
                }
            }
        }
        return new SellerMetrics(from, to, shipped, valid, eligible, onTime, due, late, open);
    }
}
