using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// Reads a <c>getTracking</c> answer into a snapshot. Pure: body in, result out. Amazon's quirks: events come
/// oldest-first (unlike most carriers) and are sorted here anyway; the fields sit inside <c>payload</c>, as v2 documents
/// its GetTrackingResponse (carriers.md l.313-317), but are also read at the top level, as some client libraries hand
/// on the unwrapped GetTrackingResult; the summary of a parcel that went back
/// says <c>Delivered</c> once the return leg is delivered, so the status comes from the newest event and its leg,
/// never from the summary while there are events; <c>alternateLegTrackingId</c> may be the string "null".
/// </summary>
public static partial class AmazonTrackingParser
{
    public const string Source = "amazon";
    public const string NotFoundCode = "NotFound";

    /// <param name="UnknownCodes">Event codes Amazon sent that the map does not know (they keep the previous status).</param>
    public sealed record Parsed(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private sealed record Event(DateTimeOffset At, int Index, string Code, bool Returns, AmazonCode? Mapped, TrackingLocation Location);

    /// <summary>Amazon's public tracking page for the id.</summary>
    public static string TrackingUrl(string trackingId) => "https://track.amazon.com/tracking/" + Uri.EscapeDataString(trackingId);

    public static CarrierResult Parse(AmazonTrackingId id, string body) => Read(id, body).Result;

    public static Parsed Read(AmazonTrackingId id, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ReadRoot(id, document.RootElement, Hash(body));
        }
        catch (JsonException)
        {
            return new(CarrierResult.Failure("amazon: malformed response body (not JSON)"), []);
        }
        catch (AmazonUnexpectedResponseException e)
        {
            return new(CarrierResult.Failure($"amazon: unexpected response ({e.Message})"), []);
        }
    }

    /// <summary>The <c>errors[]</c> of an error body as "code message (details)" texts; empty when there are none.</summary>
    public static IReadOnlyList<(string Code, string Text)> Errors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ErrorList(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or AmazonUnexpectedResponseException)
        {
            return [];
        }
    }

    /// <summary>A 404 (or any body) whose error list says NotFound: Amazon does not know this id for this carrier.</summary>
    public static CarrierSnapshot NotFound(AmazonTrackingId id, string body) =>
        CarrierSnapshot.NotFound($"Amazon Shipping does not know tracking id {id.TrackingId} for carrier {id.CarrierId}.")
            with { TrackingUrl = TrackingUrl(id.TrackingId), PayloadSha256 = Hash(body) };

    private static Parsed ReadRoot(AmazonTrackingId id, JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AmazonUnexpectedResponseException($"the body is a {root.ValueKind}");
        }
        var errors = ErrorList(root);
        if (errors.Any(e => e.Code.Equals(NotFoundCode, StringComparison.OrdinalIgnoreCase)))
        {
            return new(CarrierResult.Success(CarrierSnapshot.NotFound(errors[0].Text) with { TrackingUrl = TrackingUrl(id.TrackingId), PayloadSha256 = sha }), []);
        }
        if (errors.Count > 0)
        {
            return new(CarrierResult.Failure($"amazon: {errors[0].Code} {errors[0].Text}".TrimEnd(), transient: false), []);
        }
        JsonElement? payload = root.Prop("payload") ?? root;
        var summary = payload.Prop("summary");
        var forwardCodes = summary.Prop("trackingDetailCodes").Strings("forward");
        var returnCodes = summary.Prop("trackingDetailCodes").Strings("returns");

        var unknown = new List<string>();
        var read = payload.Array("eventHistory").Select((e, i) => ReadEvent(e, i, unknown)).ToList();
        // Amazon lists oldest first; equal instants keep that order.
        var ordered = read.OrderBy(e => e.At).ThenBy(e => e.Index).ToList();
        var events = new List<TrackingEvent>(ordered.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AmazonCode? before = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            var code = e.Mapped ?? before;
            if (code is null)
            {
                continue;
            }
            before = code;
            if (IsNewestOfLeg(ordered, i))
            {
                code = Refine(code, e.Returns ? returnCodes : forwardCodes);
            }
            var description = Words(e.Code) + (e.Returns ? " (return to sender)" : "");
            var normalized = new TrackingEvent(e.At, code.Status, code.Detail, description, e.Code, e.Location, Source, default);
            if (seen.Add(normalized.DedupKey))
            {
                events.Add(normalized);
            }
        }
        events.Reverse();

        AmazonCode current;
        string text;
        if (events.Count > 0)
        {
            current = new AmazonCode(events[0].Status, events[0].StatusDetail);
            text = events[0].Description;
        }
        else if (AmazonStatusMap.Summary(summary.Str("status")) is { } fromSummary)
        {
            current = Refine(fromSummary, forwardCodes);
            text = Words(summary.Str("status"));
        }
        else
        {
            var raw = string.Join(", ", read.Select(r => r.Code).Append(summary.Str("status")).Where(c => c.Length > 0));
            throw new AmazonUnexpectedResponseException(raw.Length == 0 ? "no events and no summary status" : $"no status code this adapter knows ({raw})");
        }

        var open = !current.Status.IsTerminal() && current.Status is not TrackingStatus.Returning;
        var pod = current.Status == TrackingStatus.Delivered ? AmazonDetailCodes.Proof(forwardCodes) : null;
        var trackingId = payload.Str("trackingId") is { Length: > 0 } answered ? answered : id.TrackingId;
        if (payload.Str("alternateLegTrackingId") is { Length: > 0 } alternate)
        {
            text = $"{text} (other leg: {alternate})";
        }
        return new(CarrierResult.Success(new CarrierSnapshot(
            Status: current.Status,
            Events: events,
            EstimatedDelivery: open ? AmazonTimestamps.Parse(payload.Str("promisedDeliveryDate")) : null,
            StatusDetail: current.Detail,
            StatusDescription: text,
            TrackingUrl: TrackingUrl(trackingId),
            PayloadSha256: sha,
            ProofOfDelivery: pod)), unknown);
    }

    private static AmazonCode Refine(AmazonCode code, IReadOnlyList<string> legCodes) =>
        code.Status == TrackingStatus.Delivered
            ? code with { Detail = AmazonDetailCodes.DeliveryDetail(legCodes) }
            : AmazonDetailCodes.Refine(code, legCodes);

    private static bool IsNewestOfLeg(List<Event> ordered, int index) =>
        !ordered.Skip(index + 1).Any(e => e.Returns == ordered[index].Returns);

    private static Event ReadEvent(JsonElement e, int index, List<string> unknown)
    {
        JsonElement? element = e;
        var code = element.Str("eventCode");
        var at = AmazonTimestamps.Parse(element.Str("eventTime"))
            // An event we cannot place in time could be the newest: reading on without it could report a stale status.
            ?? throw new AmazonUnexpectedResponseException($"event {code} has no readable eventTime");
        var type = element.Str("shipmentType");
        var mapped = AmazonStatusMap.Event(code, type);
        if (mapped is null)
        {
            unknown.Add(code);
        }
        var location = element.Prop("location");
        return new Event(at, index, code, type.Equals(AmazonStatusMap.ReturnsLeg, StringComparison.OrdinalIgnoreCase), mapped,
            location is null ? TrackingLocation.Unknown : new TrackingLocation(location.Str("city"), location.Str("stateOrRegion"),
                location.Str("postalCode"), location.Str("countryCode").ToUpperInvariant()));
    }

    private static List<(string Code, string Text)> ErrorList(JsonElement root) =>
        [.. ((JsonElement?)root).Array("errors").Select(e => (JsonElement?)e)
            .Select(e => (e.Str("code"), string.Join(' ', new[] { e.Str("message"), e.Str("details") is { Length: > 0 } d ? $"({d})" : "" }.Where(t => t.Length > 0))))];

    /// <summary>"ArrivedAtCarrierFacility" → "Arrived at carrier facility".</summary>
    internal static string Words(string code)
    {
        if (code.Length == 0)
        {
            return "";
        }
        var spaced = CamelBoundary().Replace(code, " $1").Trim();
        return char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelBoundary();

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
