using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Orders;

/// <summary>
/// When an order shipped, decided again on every order commit from the parcels linked to it now, never carried over
/// from the stored value: a parcel that left the order (the marketplace no longer lists it, a caller moved it to
/// another order) or whose label was voided stops counting, and an order left with no parcel is not shipped.
/// The order ships with its first parcel (Amazon's late shipment rate counts the order's ship confirmation against its
/// latest ship date; marketplaces reference §5.5), so it is the earliest parcel time.
/// </summary>
public static class OrderShipTime
{
    /// <summary>The earliest <see cref="ParcelShippedAt"/> of the order's live parcels; null when it has none.</summary>
    public static DateTimeOffset? Of(OrderState order, IEnumerable<ShipmentState> shipments)
    {
        var link = new OrderLink(order.Channel, order.OrderId);
        DateTimeOffset? earliest = null;
        foreach (var parcel in shipments)
        {
            // A voided label is no parcel (as in the evidence, EvidenceFacts.Parcels); another order's parcel is not this one's.
            if (parcel.Order != link || parcel.Status == TrackingStatus.Cancelled)
            {
                continue;
            }
            var shipped = ParcelShippedAt(parcel);
            earliest = earliest is { } e && e <= shipped ? e : shipped;
        }
        return earliest;
    }

    /// <summary>
    /// When one parcel shipped: the time its marketplace stated (what the marketplace itself counts as the ship
    /// confirmation); else, for a parcel pushed by a 3PL or an internal system, its registration here, which stands
    /// for the confirmation, unless the carrier physically scanned it earlier: that scan proves it had shipped by then
    /// (a 3PL that pushes its parcels after handing them over). A scan after registration does not make it later: the
    /// confirmation counts, not the handover.
    /// </summary>
    public static DateTimeOffset ParcelShippedAt(ShipmentState parcel) =>
        parcel.StatedShippedAt
        ?? (parcel.FirstScanAt is { } scanned && scanned < parcel.CreatedAt ? scanned : parcel.CreatedAt);
}
