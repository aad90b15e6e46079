using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// Reads a Tracking API v3 answer (<c>expand=DETAIL</c>) into a snapshot. Pure: body in, result out, so every quirk is
/// testable without HTTP. A body it cannot read safely becomes a failed result, never an exception and never a
/// guessed status.
/// </summary>
public static class UspsTrackingParser
{
    /// <summary>Message codes meaning "USPS has nothing on this number yet" (the rest of 150001–150013 are permanent).</summary>
    public static readonly IReadOnlySet<string> NotYetAvailableCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "150001", "150002", "150003", "150009",
    };

    /// <param name="UnknownCodes">Event codes the status map does not know (those events kept the previous status).</param>
    public sealed record Parsed(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private sealed record Scan(JsonElement Json, int Index, DateTimeOffset At);

    public static Parsed Parse(string trackingNumber, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(trackingNumber, document.RootElement, Hash(body));
        }
        catch (JsonException)
        {
            return new(CarrierResult.Failure("usps: malformed response body (not JSON)"), []);
        }
        catch (UspsUnexpectedResponseException e)
        {
            return new(CarrierResult.Failure($"usps: unexpected response ({e.Message})"), []);
        }
    }

    /// <summary>An error answer (any HTTP status): its codes and messages, top-level first; empty when there are none.</summary>
    public static IReadOnlyList<(string Code, string Message)> Errors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Errors(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or UspsUnexpectedResponseException)
        {
            return [];
        }
    }

    /// <summary>True when an error answer says the number is not (yet) in USPS's system.</summary>
    public static bool IsNotYetAvailable(IEnumerable<(string Code, string Message)> errors) =>
        errors.Any(e => NotYetAvailableCodes.Contains(e.Code) ||
            e.Message.Contains("Tracking is not available", StringComparison.OrdinalIgnoreCase) ||
            e.Message.Contains("status update is not yet available", StringComparison.OrdinalIgnoreCase));

    public static CarrierSnapshot NotFound(string trackingNumber, string message, string sha = "") =>
        CarrierSnapshot.NotFound(message.Length > 0 ? $"USPS: {message}" : "USPS does not know this number yet.")
            with { TrackingUrl = UspsDefaults.TrackingUrl(trackingNumber), PayloadSha256 = sha };

    private static Parsed Read(string trackingNumber, JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UspsUnexpectedResponseException($"the body is a {root.ValueKind}");
        }
        var errors = Errors(root);
        if (errors.Count > 0)
        {
            // An error inside a 200: the same meanings as at HTTP 400.
            var first = errors[0];
            return IsNotYetAvailable(errors)
                ? new(CarrierResult.Success(NotFound(trackingNumber, first.Message, sha)), [])
                : new(CarrierResult.Failure($"usps: {first.Code} {first.Message}".TrimEnd(), transient: false), []);
        }

        var unknown = new List<string>();
        var scans = OldestFirst(root.Items("trackingEvents"));
        var events = new List<TrackingEvent>(scans.Count);
        UspsMappedStatus? current = null;
        var returning = false;
        var newestKnown = false;
        JsonElement? deliveredScan = null;
        foreach (var scan in scans)
        {
            var code = scan.Json.Text("eventCode");
            var text = FirstNonEmpty(scan.Json.Text("eventType"), scan.Json.Text("eventName"), scan.Json.Text("event"));
            var mapped = UspsStatusMap.Event(code, text);
            if (mapped is null)
            {
                unknown.Add(code.Length > 0 ? code : text);
            }
            // After USPS turned the parcel back, a delivery is the delivery to the sender.
            if (mapped is { Status: TrackingStatus.Delivered } && returning)
            {
                mapped = new UspsMappedStatus(TrackingStatus.Returned, "returned.to_sender");
            }
            returning |= mapped?.Status == TrackingStatus.Returning;
            newestKnown = mapped is not null;
            var status = mapped ?? current;
            if (status is null)
            {
                // An event we cannot read before any we can: it says nothing we could stand behind.
                continue;
            }
            current = status;
            if (status.Status is TrackingStatus.Delivered)
            {
                deliveredScan = scan.Json;
            }
            var e = new TrackingEvent(scan.At, status.Status, status.Detail, text, code, Location(scan.Json), "poll", default);
            if (!events.Any(x => x.DedupKey == e.DedupKey))
            {
                events.Add(e);
            }
        }
        events.Reverse(); // newest first

        var category = UspsStatusMap.Category(root.Text("statusCategory"));
        if (category is { Status: TrackingStatus.Delivered } && returning)
        {
            category = new UspsMappedStatus(TrackingStatus.Returned, "returned.to_sender");
        }
        // The newest event decides when its code is known; else the category; else the status the events carried.
        var summary = events.Count > 0 && newestKnown ? current : category ?? current;
        if (summary is null)
        {
            if (root.Text("status").Length == 0 && root.Text("statusCategory").Length == 0 && unknown.Count == 0)
            {
                return new(CarrierResult.Success(NotFound(trackingNumber, root.Text("statusSummary"), sha)), []);
            }
            throw new UspsUnexpectedResponseException(
                $"no status this adapter knows (statusCategory '{root.Text("statusCategory")}', codes {string.Join(", ", unknown)})");
        }

        var pod = summary.Status == TrackingStatus.Delivered && deliveredScan is { } d ? UspsProofOfDelivery.Read(d) : null;
        var description = FirstNonEmpty(root.Text("statusSummary"), root.Text("status"), events.Count > 0 ? events[0].Description : "");
        if (pod is not null)
        {
            description = UspsProofOfDelivery.Describe(pod, description);
        }
        var estimate = summary.Status.IsTerminal() || summary.Status == TrackingStatus.Returning
            ? null
            : UspsDeliveryEstimate.Read(root, events.Count > 0 ? events[0].OccurredAt.Offset : null);
        var snapshot = new CarrierSnapshot(
            Status: summary.Status,
            Events: events,
            EstimatedDelivery: estimate?.Estimate,
            StatusDetail: summary.Detail,
            StatusDescription: description,
            TrackingUrl: UspsDefaults.TrackingUrl(trackingNumber),
            PayloadSha256: sha,
            DeliveryWindow: estimate?.Window,
            ProofOfDelivery: pod);
        return new(CarrierResult.Success(snapshot), unknown);
    }

    /// <summary>
    /// Events oldest first. USPS documents reverse chronological order, but nothing relies on it: events are sorted by
    /// instant, and when two share one, the list's own direction decides which came last.
    /// </summary>
    private static List<Scan> OldestFirst(IReadOnlyList<JsonElement> raw)
    {
        var parsed = raw.Select(e => UspsTimestamps.Read(e.Text("eventTimestamp"), e.Text("GMTTimestamp"), e.Text("GMTOffset"),
            e.Text("eventDate"), e.Text("eventTime"))).ToList();
        if (parsed.IndexOf(null) is var missing and >= 0)
        {
            // An event we cannot place in time could be the newest: reading on without it could report a stale status.
            throw new UspsUnexpectedResponseException($"event {raw[missing].Text("eventCode")} has no readable date");
        }
        var instants = CarrierTimes.Resolve(parsed);
        var scans = raw.Select((e, i) => new Scan(e, i, instants[i]!.Value)).ToList();
        var newestFirstList = scans.Count < 2 || scans[0].At >= scans[^1].At;
        return [.. scans.OrderBy(s => s.At).ThenBy(s => newestFirstList ? -s.Index : s.Index)];
    }

    private static TrackingLocation Location(JsonElement e)
    {
        var country = e.Text("eventCountry").ToUpperInvariant();
        var state = e.Text("eventState");
        // Domestic events leave the country empty; a two-letter state is a US state.
        if (country.Length == 0 && state.Length == 2)
        {
            country = "US";
        }
        return new TrackingLocation(e.Text("eventCity"), state, e.Text("eventZIP"), country);
    }

    private static List<(string Code, string Message)> Errors(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.Child("error") is not { } error)
        {
            return [];
        }
        if (error.ValueKind == JsonValueKind.String)
        {
            // The OAuth server's shape: {"error":"invalid_client","error_description":"…"}.
            return [(error.GetString() ?? "", root.Text("error_description"))];
        }
        var list = new List<(string, string)>();
        if (error.Text("code").Length > 0 || error.Text("message").Length > 0)
        {
            list.Add((error.Text("code"), error.Text("message")));
        }
        foreach (var item in error.Items("errors"))
        {
            list.Add((item.Text("code"), FirstNonEmpty(item.Text("detail"), item.Text("title"))));
        }
        return list;
    }

    private static string FirstNonEmpty(params string[] texts) => texts.FirstOrDefault(t => t.Length > 0) ?? "";

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
