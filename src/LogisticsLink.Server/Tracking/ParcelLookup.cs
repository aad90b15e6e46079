using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// Finds a tenant's parcels by number in the form numbers are stored in now (<see cref="Api.TrackingRequests.StoredForm"/>)
/// and in the form earlier versions stored the same parcel in: an Amazon Shipping number of the default business given
/// with its carrier id was kept as <c>AMZN_UK:TBA…</c>, and is the parcel <c>TBA…</c> names. Such rows are found where
/// they are, without a migration. A push may also name an Amazon parcel without the carrier id it is tracked with.
/// Likewise a USPS number an earlier version stored as its scanned barcode (<c>420</c> + ZIP + the number) is the parcel
/// the number names, and a DPD parcel an earlier version stored with its check character is the parcel its 14 digits
/// name; each form of a DPD number finds the parcel under its 14 digits and under the 14 digits and check character.
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
        if (carrier == UspsDefaults.Code)
        {
            return (await store.ListRoutedUspsAsync(tenantId, number, 1, cancellationToken)).FirstOrDefault();
        }
        if (carrier == DpdDefaults.Code)
        {
            return DpdParcelNumbers.WithCheckCharacter(number) is { } withCheck
                ? await store.FindByNumberAsync(tenantId, carrier, withCheck, cancellationToken)
                : null;
        }
        return carrier == AmazonDefaults.Code && AmazonTrackingId.FormerDefaultForm(number) is { } former
            ? await store.FindByNumberAsync(tenantId, carrier, former, cancellationToken)
            : null;
    }

    /// <summary>
    /// The tenant's USPS parcels an earlier version stored under the scanned barcode of <paramref name="number"/>
    /// ("420" + ZIP + the number, kept as given), oldest first; none when <paramref name="number"/> is no IMpb number.
    /// </summary>
    private static async Task<IReadOnlyList<StoredShipment>> ListRoutedUspsAsync(
        this IShipmentStore store, string tenantId, string number, int max, CancellationToken cancellationToken)
    {
        var lengths = UspsRouting.RoutedLengths(number);
        if (lengths.Count == 0)
        {
            return [];
        }
        var routed = await store.ListByNumberEndsAsync(
            tenantId, UspsDefaults.Code, UspsRouting.RoutingPrefix, number, lengths, MaxPushedParcelsPerNumber, cancellationToken);
        return routed.Where(s => UspsRouting.WithoutRouting(s.State.TrackingNumber) == number).Take(max).ToList();
    }

    /// <summary>
    /// The tenant's DPD parcels stored under another form of the DPD number <paramref name="number"/> than itself: the
    /// 14-digit parcel number inside a number given with its check character or as the label's 28-character barcode,
    /// and that parcel number with its check character, as earlier versions stored it. None when a check character does
    /// not verify. Only DPD parcels: the first 14 digits of another carrier's number that happens to verify, or a
    /// 15-digit FedEx Ground number that happens to end in the check character, name no one else's parcel.
    /// </summary>
    private static async Task<IReadOnlyList<StoredShipment>> ListDpdByParcelNumberAsync(
        this IShipmentStore store, string tenantId, string number, int max, CancellationToken cancellationToken)
    {
        var parcelNumber = DpdParcelNumbers.Inside(number) ?? number;
        if (DpdParcelNumbers.WithCheckCharacter(parcelNumber) is not { } withCheck)
        {
            return [];
        }
        var found = new List<StoredShipment>();
        foreach (var form in new[] { parcelNumber, withCheck }.Where(form => form != number))
        {
            found.AddRange(await store.ListByNumberAsync(tenantId, form, max, cancellationToken));
        }
        return found.Where(s => s.State.Carrier == DpdDefaults.Code).ToList();
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
            // A scanned USPS barcode names the parcel stored under the number printed below it, and a printed number
            // the parcel an earlier version stored under the scanned barcode.
            var bare = UspsRouting.WithoutRouting(number);
            var found = (await store.ListByNumberAsync(tenantId, number, max, cancellationToken))
                .Concat(bare == number ? [] : await store.ListByNumberAsync(tenantId, bare, max, cancellationToken))
                .Concat(await store.ListRoutedUspsAsync(tenantId, bare, max, cancellationToken))
                .Concat(await store.ListDpdByParcelNumberAsync(tenantId, number, max, cancellationToken));
            return found.DistinctBy(s => s.State.Id, StringComparer.Ordinal).Take(max).ToList();
        }
        var sameNumber = await store.ListByNumberAsync(tenantId, canonical, max, cancellationToken);
        return sameNumber.Where(s => AmazonTrackingId.Canonical(s.State.TrackingNumber) == canonical).ToList();
    }

    /// <summary>
    /// The tenant's shipment for a pushed carrier and number. Senders know an Amazon Shipping parcel by the number the
    /// buyer sees (<c>TBA…</c>), while a seller outside the UK tracks it with its carrier id (<c>AMZN_US:TBA…</c>): such
    /// a push reaches that parcel when it is the only Amazon one with the number, and none when two carrier ids share it.
    /// </summary>
    public static async Task<StoredShipment?> FindPushedParcelAsync(
        this IShipmentStore store, string tenantId, string carrier, string trackingNumber, CancellationToken cancellationToken)
    {
        if (await store.FindParcelAsync(tenantId, carrier, trackingNumber, cancellationToken) is { } exact)
        {
            return exact;
        }
        if (carrier != AmazonDefaults.Code || trackingNumber.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }
        var sameNumber = await store.ListByNumberAsync(tenantId, trackingNumber, MaxPushedParcelsPerNumber, cancellationToken);
        return sameNumber.Where(s => s.State.Carrier == carrier).Take(2).ToList() is [var only] ? only : null;
    }

    /// <summary>Enough to tell one Amazon parcel from two among the few carriers that could share a number.</summary>
    private const int MaxPushedParcelsPerNumber = 16;
}
