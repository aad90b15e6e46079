using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>One FedEx <c>trackResults[]</c> entry → a normalized snapshot, or a failure for that number.</summary>
public static class FedExTrackResultMapper
{
    public const string NotFoundError = "TRACKING.TRACKINGNUMBER.NOTFOUND";
    public const string Source = "fedex";

    /// <param name="UnknownCodes">Event codes FedEx sent that the map does not know (they keep the previous status).</param>
    public sealed record Mapped(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private sealed record Scan(JsonElement Json, int Index, DateTimeOffset At);

    public static string TrackingUrl(string trackingNumber) =>
        "https://www.fedex.com/fedextrack/?trknbr=" + Uri.EscapeDataString(trackingNumber);

    public static Mapped Map(JsonElement result, string trackingNumber)
    {
        try
        {
            return MapUnchecked(result, trackingNumber);
        }
        catch (Exception e) when (e is FedExShapeException or InvalidOperationException or FormatException)
        {
            // A result we cannot read fully is reported as such rather than turned into a status we are unsure of.
            return new(CarrierResult.Failure($"fedex: unexpected result for {trackingNumber}: {e.Message}"), []);
        }
    }

    private static Mapped MapUnchecked(JsonElement result, string trackingNumber)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            throw new FedExShapeException($"trackResult is {result.ValueKind}");
        }
        var payloadSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.GetRawText())));
        if (result.Prop("error") is { } error)
        {
            var code = ((JsonElement?)error).Str("code");
            var message = ((JsonElement?)error).Str("message");
            return code.Equals(NotFoundError, StringComparison.OrdinalIgnoreCase)
                ? new(CarrierResult.Success(CarrierSnapshot.NotFound(message.Length > 0 ? message : "FedEx does not know this number.")
                    with { TrackingUrl = TrackingUrl(trackingNumber), PayloadSha256 = payloadSha }), [])
                : new(CarrierResult.Failure($"fedex: {code}: {message}", transient: false), []);
        }

        var scans = OldestFirst(result);
        var unknown = new List<string>();
        var events = new List<TrackingEvent>(scans.Count);
        var pod = FedExProofOfDelivery.From(result);
        TrackingStatus? current = null;
        var returning = false;
        foreach (var scan in scans)
        {
            var eventType = scan.Json.Str("eventType").Trim();
            var derived = scan.Json.Str("derivedStatusCode").Trim();
            var known = FedExStatusMap.Event(eventType) ?? FedExStatusMap.Derived(derived);
            if (known is null)
            {
                unknown.Add(eventType.Length > 0 ? eventType : derived);
            }
            var exceptionCode = scan.Json.Str("exceptionCode").Trim();
            var exceptionText = scan.Json.Str("exceptionDescription").Trim();
            var code = FedExIncidents.Refine(known ?? new FedExCode(null, "info.unrecognized_scan"), exceptionText);
            // After FedEx turned the parcel back, a delivery scan is the delivery to the shipper.
            if (code.Status == TrackingStatus.Delivered && returning)
            {
                code = new FedExCode(TrackingStatus.Returned, "returned.to_sender");
            }
            returning |= code.Status == TrackingStatus.Returning;
            // An informational or unknown scan keeps the status the parcel had (nothing before it: we know nothing yet).
            var status = code.Status ?? current ?? TrackingStatus.Pending;
            current = status;

            var description = Describe(scan.Json.Str("eventDescription").Trim(), exceptionText, exceptionCode);
            if (code.Status is TrackingStatus.Delivered or TrackingStatus.Returned && pod?.Describe() is { Length: > 0 } proof)
            {
                description = $"{description} ({proof})";
            }
            events.Add(new TrackingEvent(
                scan.At, status, code.Detail, description, eventType.Length > 0 ? eventType : derived,
                Location(scan.Json.Prop("scanLocation")), Source, default));
        }
        events.Reverse(); // newest first, as every other source of history in LogisticsLink

        var (summaryStatus, summaryDetail, summaryText) = Summary(result, events);
        var snapshot = new CarrierSnapshot(
            summaryStatus,
            events,
            EstimatedDelivery: FedExEta.Of(result, scans.Count > 0 ? scans[^1].At.Offset : TimeSpan.Zero),
            StatusDetail: summaryDetail,
            StatusDescription: summaryText,
            TrackingUrl: TrackingUrl(trackingNumber),
            PayloadSha256: payloadSha,
            DeliveryWindow: FedExEta.Window(result, scans.Count > 0 ? scans[^1].At.Offset : TimeSpan.Zero),
            ProofOfDelivery: current is TrackingStatus.Delivered ? pod?.ToDomain() : null);
        return new(CarrierResult.Success(snapshot), unknown);
    }

    /// <summary>
    /// The parcel's status: that of the newest scan, because FedEx's own summary (latestStatusDetail) may carry only
    /// the derived code, which shows out-for-delivery as IT. Without scans, the summary's code, then its derived code.
    /// A delay FedEx states in the summary (<see cref="FedExRunningLate"/>) then overrides a status that reports no problem.
    /// </summary>
    private static (TrackingStatus?, string, string) Summary(JsonElement result, IReadOnlyList<TrackingEvent> newestFirst)
    {
        var latest = result.Prop("latestStatusDetail");
        var latestText = latest.Str("description") is { Length: > 0 } d ? d : latest.Str("statusByLocale");
        (TrackingStatus? Status, string Detail, string Text) summary;
        if (newestFirst.Count > 0)
        {
            var newest = newestFirst[0];
            summary = (newest.Status, newest.StatusDetail, newest.Description.Length > 0 ? newest.Description : latestText);
        }
        else
        {
            var code = FedExStatusMap.Event(latest.Str("code")) ?? FedExStatusMap.Derived(latest.Str("derivedCode"));
            summary = code?.Status is { } status ? (status, code.Detail, latestText) : (null, "", latestText);
        }
        return FedExRunningLate.Read(latest) is { } late && FedExRunningLate.Overrides(summary.Status)
            ? (late.Status, late.Detail, late.Text)
            : summary;
    }

    private static List<Scan> OldestFirst(JsonElement result)
    {
        var raw = result.Array("scanEvents");
        var parsed = raw.Select(s => FedExTimestamps.Parse(((JsonElement?)s).Str("date"))).ToList();
        if (parsed.Any(p => p is null))
        {
            throw new FedExShapeException("a scan has no readable date");
        }
        var instants = CarrierTimes.Resolve(parsed);
        var scans = raw.Select((s, i) => new Scan(s, i, instants[i]!.Value)).ToList();
        // FedEx lists newest first; when two scans share an instant, the list order decides which came last.
        var newestFirstList = scans.Count < 2 || scans[0].At >= scans[^1].At;
        return [.. scans.OrderBy(s => s.At).ThenBy(s => newestFirstList ? -s.Index : s.Index)];
    }

    private static string Describe(string eventText, string exceptionText, string exceptionCode)
    {
        if (exceptionText.Length == 0 || exceptionText.Equals(eventText, StringComparison.OrdinalIgnoreCase))
        {
            return exceptionCode.Length > 0 ? $"{eventText} (exception {exceptionCode})" : eventText;
        }
        var text = eventText.Length > 0 ? $"{eventText}: {exceptionText}" : exceptionText;
        return exceptionCode.Length > 0 ? $"{text} (exception {exceptionCode})" : text;
    }

    private static TrackingLocation Location(JsonElement? location) => location is null
        ? TrackingLocation.Unknown
        : new TrackingLocation(location.Str("city").Trim(), location.Str("stateOrProvinceCode").Trim(),
            location.Str("postalCode").Trim(), location.Str("countryCode").Trim().ToUpperInvariant());
}
