using System.Globalization;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// An order's risks: LATE_SHIPMENT (merchant-fulfilled, not cancelled, unfulfillable nor without anything to ship, and not shipped by
/// its latest ship date, by its parcels or by the marketplace's word) and, folded in, every risk of its shipments — so a helpdesk sees one list per order; CLAIM_OPEN while a claim is open on it.
/// </summary>
public static class OrderRisks
{
    public static IReadOnlyList<RiskFlag> Evaluate(
        OrderState order, IReadOnlyList<ShipmentState> shipments, DateTimeOffset now, IReadOnlyList<ClaimRecord>? claims = null)
    {
        var previous = order.Risks;
        var flags = new List<RiskFlag>();
        if (order.FulfillmentChannel != FulfillmentChannel.Amazon && order.LatestShipDate is { } shipBy && !MarketplaceOrderStatus.WillNotShip(order.Status)
            && !MarketplaceOrderStatus.NeedsNoShipment(order.Status))
        {
            // A ship-by date without a time (a 3PL's "ship by the 28th") is missed when that day ends.
            var deadline = DateOnlyPromise.Deadline(shipBy);
            if (order.ShippedAt is null && now > deadline && MarketplaceOrderStatus.IsAwaitingShipment(order.Status))
            {
                flags.Add(RiskFlags.Raise(previous, RiskKind.LateShipment, $"Not shipped by the latest ship date {Day(shipBy)}", deadline, true));
            }
            else if (order.ShippedAt is { } shipped && shipped > deadline)
            {
                // Counted in the late shipment rate; nothing left to do for this order.
                flags.Add(RiskFlags.Raise(previous, RiskKind.LateShipment, $"Shipped {Day(shipped)}, after the latest ship date {Day(shipBy)}", deadline, false));
            }
        }
        foreach (var group in shipments.SelectMany(s => s.Risks).GroupBy(r => r.Kind))
        {
            var first = group.MinBy(r => r.Since)!;
            flags.Add(RiskFlags.Raise(previous, group.Key, first.Reason, first.Since, group.Any(r => r.ActionRequired)));
        }
        if (ClaimRisks.Raise(previous, claims ?? []) is { } claimOpen)
        {
            flags.Add(claimOpen);
        }
        flags.Sort(static (a, b) => a.Kind.CompareTo(b.Kind));
        return flags.Count == 0 ? RiskFlags.None : flags;
    }

    /// <summary>
    /// A date without a time as that day; an instant with its UTC time, so a parcel shipped an hour after a ship-by time
    /// on the same day does not read as "shipped on the 4th, after the 4th".
    /// </summary>
    private static string Day(DateTimeOffset t) =>
        t.UtcDateTime.ToString(DateOnlyPromise.Is(t) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
