using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// Where a parcel waiting for collection is, as the carrier's latest pickup scan tells it: the place (postal code and
/// city) and the scan's own words, which often name the point or the locker ("Placed in parcel locker 59800-A12").
/// Only what the scan says: a part it leaves empty stays unknown, and a parcel no longer waiting has no pickup point.
/// </summary>
public sealed record PickupPoint(string? Place, string? ScanText)
{
    /// <summary>
    /// Longer carrier text is a notice, not the name of a point: quoted whole, it would crowd the reply.
    /// </summary>
    public const int MaxScanTextLength = 160;

    public static PickupPoint None { get; } = new(null, null);

    /// <summary>The pickup point of <paramref name="shipment"/> from its scans; <see cref="None"/> unless it waits at one.</summary>
    public static PickupPoint Of(ShipmentState? shipment, IReadOnlyList<TrackingEvent> events)
    {
        if (shipment?.Status != TrackingStatus.AvailableForPickup)
        {
            return None;
        }
        var scan = events.Where(e => e.Status == TrackingStatus.AvailableForPickup).MaxBy(e => e.EffectiveAt);
        return scan is null ? None : new PickupPoint(PlaceOf(scan.Location), Quotable(scan.Description));
    }

    /// <summary>
    /// The place as the buyer writes an address there: "59800 Lille" in most of Europe, "London SW1A 1AA" in the UK,
    /// "Springfield, IL 62701" in North America.
    /// </summary>
    private static string? PlaceOf(TrackingLocation location)
    {
        var city = location.City.Trim();
        var postal = location.PostalCode.Trim();
        var region = location.Region.Trim();
        var parts = location.CountryCode.Trim().ToUpperInvariant() switch
        {
            "US" or "CA" => [city.Length > 0 && (region.Length > 0 || postal.Length > 0) ? city + "," : city, region, postal],
            "GB" or "IE" => [city, postal],
            _ => new[] { postal, city },
        };
        var place = string.Join(' ', parts.Where(p => p.Length > 0));
        return place.Length == 0 ? null : place;
    }

    /// <summary>
    /// The carrier's words, when the reply may quote them: a phone number, a link or anything else the messaging policy
    /// forbids is the carrier's to send, not ours, so such text is left out rather than make the reply non-compliant.
    /// </summary>
    private static string? Quotable(string description)
    {
        // Quoted inside the reply's own sentence, which ends it.
        var text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return text.Length == 0 || text.Length > MaxScanTextLength || MessagingPolicy.Check(text).Count > 0 ? null : text;
    }
}
