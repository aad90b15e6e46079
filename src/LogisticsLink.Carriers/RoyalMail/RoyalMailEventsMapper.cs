using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>A Royal Mail <c>/events</c> answer (<c>{ mailPieces: … }</c>) → a normalized snapshot, or a failure.</summary>
public static class RoyalMailEventsMapper
{
    public const string Source = "royalmail";

    /// <param name="UnknownCodes">Event codes the map does not know (those events keep the previous status).</param>
    public sealed record Mapped(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private sealed record Scan(string Code, string Name, string Location, DateTimeOffset At, int Index);

    public static Mapped Map(JsonElement root, string trackingNumber)
    {
        try
        {
            return MapUnchecked(root, trackingNumber);
        }
        catch (Exception e) when (e is RoyalMailShapeException or InvalidOperationException or FormatException)
        {
            // An answer we cannot read fully is reported as such rather than turned into a status we are unsure of.
            return new(CarrierResult.Failure($"royalmail: unexpected answer for {trackingNumber}: {e.Message}"), []);
        }
    }

    private static Mapped MapUnchecked(JsonElement root, string trackingNumber)
    {
        if (root.Prop("mailPieces") is not { ValueKind: JsonValueKind.Object } piece)
        {
            throw new RoyalMailShapeException("the answer has no mailPieces object");
        }
        var payloadSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root.GetRawText())));
        var summary = piece.Prop("summary");
        var scans = OldestFirst(piece, summary);
        var unknown = new List<string>();
        var events = new List<TrackingEvent>(scans.Count);
        var returning = false;
        TrackingStatus? current = null;
        foreach (var scan in scans)
        {
            var known = RoyalMailStatusMap.Map(scan.Code);
            if (known is null)
            {
                unknown.Add(scan.Code);
            }
            var code = RoyalMailIncidents.Refine(known ?? new RoyalMailCode(null, "info.unrecognized_event"), scan.Name);
            // Once Royal Mail turned the item back, a delivery is the delivery to the sender.
            if (code.Status == TrackingStatus.Delivered && returning)
            {
                code = new RoyalMailCode(TrackingStatus.Returned, "returned.to_sender");
            }
            returning |= code.Status == TrackingStatus.Returning;
            var status = code.Status ?? current ?? TrackingStatus.Pending;
            current = status;
            events.Add(new TrackingEvent(scan.At, status, code.Detail, scan.Name, scan.Code,
                scan.Location.Length > 0 ? new TrackingLocation(scan.Location) : TrackingLocation.Unknown, Source, default));
        }
        events.Reverse(); // newest first

        var newest = events.Count > 0 ? events[0] : null;
        var (eta, window) = Eta(piece.Prop("estimatedDelivery"), scans.Count > 0 ? scans[^1].At.Offset : TimeSpan.Zero);
        var barcode = summary.Str("oneDBarcode");
        var snapshot = new CarrierSnapshot(
            newest?.Status,
            events,
            EstimatedDelivery: eta,
            StatusDetail: newest?.StatusDetail ?? "",
            StatusDescription: newest?.Description ?? summary.Str("statusDescription"),
            TrackingUrl: RoyalMailDefaults.TrackingUrl(barcode.Length > 0 ? barcode : trackingNumber),
            PayloadSha256: payloadSha,
            DeliveryWindow: window,
            ProofOfDelivery: newest?.Status is TrackingStatus.Delivered ? ProofOfDelivery(piece, newest.StatusDetail) : null);
        return new(CarrierResult.Success(snapshot), unknown);
    }

    /// <summary>
    /// The events, oldest first, without repeats. Royal Mail lists them newest first; when the list is empty but the
    /// summary names a last event (the summary outlives the history on old items), that event is the history.
    /// </summary>
    private static List<Scan> OldestFirst(JsonElement piece, JsonElement? summary)
    {
        var raw = piece.Objects("events")
            .Select(e => (Code: e.Str("eventCode"), Name: e.Str("eventName"), Location: e.Str("locationName"), Date: e.Str("eventDateTime")))
            .ToList();
        if (raw.Count == 0 && summary.Str("lastEventCode") is { Length: > 0 } lastCode)
        {
            raw.Add((lastCode, summary.Str("lastEventName"), summary.Str("lastEventLocationName"), summary.Str("lastEventDateTime")));
        }
        var parsed = raw.Select(e => RoyalMailTimestamps.Parse(e.Date)).ToList();
        if (parsed.Any(p => p is null))
        {
            throw new RoyalMailShapeException("an event has no readable eventDateTime");
        }
        if (raw.Any(e => e.Code.Length == 0))
        {
            throw new RoyalMailShapeException("an event has no eventCode");
        }
        var instants = CarrierTimes.Resolve(parsed);
        var scans = raw.Select((e, i) => new Scan(e.Code.ToUpperInvariant(), e.Name, e.Location, instants[i]!.Value, i)).ToList();
        var newestFirstList = scans.Count < 2 || scans[0].At >= scans[^1].At;
        return [.. scans
            .DistinctBy(s => (s.Code, s.At))
            .OrderBy(s => s.At)
            .ThenBy(s => newestFirstList ? -s.Index : s.Index)];
    }

    /// <summary>
    /// <c>estimatedDelivery</c>: a date and, when Royal Mail promises one, a window of times with their offset. The
    /// window's end is the estimate. A bare date names a day, not an instant, so it is stored as
    /// <see cref="DateOnlyPromise"/> like every other adapter's: the scans' offset (+01:00 in summer) would put it on
    /// the previous UTC day, and replies and risks would read the wrong date.
    /// </summary>
    private static (DateTimeOffset?, DeliveryWindow?) Eta(JsonElement? estimate, TimeSpan fallbackOffset)
    {
        var dateText = estimate.Str("date");
        if (dateText.Length == 0)
        {
            return (null, null);
        }
        if (!DateOnly.TryParse(dateText.Length >= 10 ? dateText[..10] : dateText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new RoyalMailShapeException($"estimatedDelivery.date '{dateText}' is not a date");
        }
        var start = RoyalMailTimestamps.Combine(day, estimate.Str("startOfEstimatedWindow"), fallbackOffset);
        var end = RoyalMailTimestamps.Combine(day, estimate.Str("endOfEstimatedWindow"), fallbackOffset);
        if (start is { } s && end is { } e && e >= s)
        {
            return (e, new DeliveryWindow(s, e));
        }
        return (end ?? DateOnlyPromise.Of(day), null);
    }

    /// <summary>Who signed (the <c>signature</c> block, whose image sits behind the signature link) and where it was left.</summary>
    private static ProofOfDelivery? ProofOfDelivery(JsonElement piece, string deliveredDetail)
    {
        var signature = piece.Prop("signature");
        var signedBy = signature.Str("recipientName");
        var hasImage = signature.Str("imageId").Length > 0 || piece.Prop("links").Prop("signature") is not null && signature is not null;
        var location = deliveredDetail switch
        {
            "delivered.safeplace" => "Safeplace",
            "delivered.neighbour" => "Neighbour",
            "delivered.collected_from_post_office" => "Post Office",
            "delivered.collected_from_delivery_office" => "Delivery office",
            _ => "",
        };
        var proof = new ProofOfDelivery(signedBy, location, hasImage, HasPhoto: false);
        return proof.IsEmpty ? null : proof;
    }
}
