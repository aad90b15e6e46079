using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// Finds a tenant's parcels by number in the form numbers are stored in now (<see cref="Api.TrackingRequests.StoredForm"/>)
/// and in the form earlier versions stored the same parcel in: an Amazon Shipping number of the default business given
/// with its carrier id was kept as <c>AMZN_UK:TBA…</c>, and is the parcel <c>TBA…</c> names. Such rows are found where
/// they are, without a migration.
/// </summary>
public static class ParcelLookup
{
    /// <summary>The tenant's parcel of <paramref name="carrier"/> with the stored-form <paramref name="number"/>; null when none.</summary>
    public static async Task<StoredShipment?> FindParcelAsync(
        this IShipmentStore store, string tenantId, string carrier, string number, CancellationToken cancellationToken)
    {
        if (await store.FindByNumberAsync(tenantId, carrier, number, cancellationToken) is { } found)
        {
            return found;
        }
        return carrier == AmazonDefaults.Code && AmazonTrackingId.FormerDefaultForm(number) is { } former
            ? await store.FindByNumberAsync(tenantId, carrier, former, cancellationToken)
            : null;
    }

    /// <summary>
    /// <see cref="IShipmentStore.ListByNumberAsync"/>, where a number given with the default Amazon business's id
    /// (<c>AMZN_UK:TBA…</c>) finds the parcels of that business whichever form they were stored in, and none of another.
    /// </summary>
    public static async Task<IReadOnlyList<StoredShipment>> ListParcelsByNumberAsync(
        this IShipmentStore store, string tenantId, string number, int max, CancellationToken cancellationToken)
    {
        var canonical = AmazonTrackingId.Canonical(number);
        if (canonical == number)
        {
            return await store.ListByNumberAsync(tenantId, number, max, cancellationToken);
        }
        var sameNumber = await store.ListByNumberAsync(tenantId, canonical, max, cancellationToken);
        return sameNumber.Where(s => AmazonTrackingId.Canonical(s.State.TrackingNumber) == canonical).ToList();
    }
}
