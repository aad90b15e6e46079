using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// Reads a Shipment Tracking – Unified answer (<c>shipments[]</c>) into a snapshot. Pure: body in, result out, so every
/// quirk is testable without HTTP. A body it cannot read safely becomes a failed result, never an exception and
/// never a guessed status.
/// </summary>
public static class DhlShipmentParser
{
    /// <param name="Candidates">Shipments that carried the number (several when DHL divisions reuse it).</param>
    /// <param name="Service">The division of the shipment read ("parcel-de", "express"…).</param>
    public sealed record Parsed(CarrierResult Result, int Candidates, string Service);

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
            return new(CarrierResult.Failure("dhl: malformed response body (not JSON)"), 0, "");
        }
        catch (DhlUnexpectedResponseException e)
        {
            return new(CarrierResult.Failure($"dhl: unexpected response ({e.Message})"), 0, "");
        }
    }

    /// <summary>An <c>application/problem+json</c> answer's title and detail ("" when the body is not one).</summary>
    public static (string Title, string Detail) Problem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? (root.Text("title"), root.Text("detail")) : ("", "");
        }
        catch (Exception e) when (e is JsonException or DhlUnexpectedResponseException)
        {
            return ("", "");
        }
    }

    public static CarrierSnapshot NotFound(string trackingNumber, string message, string sha = "") =>
        CarrierSnapshot.NotFound(message.Length > 0 ? $"DHL: {message}" : "DHL does not know this number yet.")
            with { TrackingUrl = DhlDefaults.TrackingUrl(trackingNumber), PayloadSha256 = sha };

    private static Parsed Read(string trackingNumber, JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DhlUnexpectedResponseException($"the body is a {root.ValueKind}");
        }
        if (root.Child("shipments") is null && (root.Text("title").Length > 0 || root.Text("detail").Length > 0))
        {
            // A problem document with HTTP 200 would be odd; read it as what it says.
            return root.Text("status") == "404"
                ? new(CarrierResult.Success(NotFound(trackingNumber, root.Text("detail"), sha)), 0, "")
                : new(CarrierResult.Failure($"dhl: {root.Text("title")} {root.Text("detail")}".TrimEnd(), transient: false), 0, "");
        }
        var shipments = root.Items("shipments");
        if (shipments.Count == 0)
        {
            return new(CarrierResult.Success(NotFound(trackingNumber, "", sha)), 0, "");
        }
        var (shipment, candidates) = Choose(trackingNumber, shipments);
        return new(CarrierResult.Success(Snapshot(trackingNumber, shipment, sha)), candidates, shipment.Text("service"));
    }

    /// <summary>
    /// The shipment that is this number. Without a <c>service</c> hint DHL may answer with shipments of several
    /// divisions under the same id; the one with the newest activity is the live one (ids are reused once the old
    /// shipment is done). A lone shipment is ours whatever id it shows (a piece id was asked); among several, only
    /// exact matches are.
    /// </summary>
    private static (JsonElement Shipment, int Candidates) Choose(string trackingNumber, IReadOnlyList<JsonElement> shipments)
    {
        var wanted = Normalize(trackingNumber);
        var matching = shipments.Where(s => Normalize(s.Text("id")) == wanted).ToList();
        if (matching.Count == 0)
        {
            return shipments.Count == 1
                ? (shipments[0], 1)
                : throw new DhlUnexpectedResponseException($"{shipments.Count} shipments, none numbered {trackingNumber}");
        }
        return (matching.OrderByDescending(LatestActivity).First(), matching.Count);
    }

    private static DateTimeOffset LatestActivity(JsonElement shipment)
    {
        var times = shipment.Items("events").Select(e => e.Text("timestamp"))
            .Append(shipment.Child("status") is { } s ? s.Text("timestamp") : "")
            .Select(DhlTimestamps.Parse).Where(p => p is not null).Select(p => p!.Value.With(TimeSpan.Zero));
        return times.DefaultIfEmpty(DateTimeOffset.MinValue).Max();
    }

    private static CarrierSnapshot Snapshot(string trackingNumber, JsonElement shipment, string sha)
    {
        var returnFlag = shipment.Flag("returnFlag") == true;
        var statusJson = shipment.Child("status");
        var statusTime = statusJson is { } st ? DhlTimestamps.Parse(st.Text("timestamp")) : null;
        var scans = OldestFirst(shipment.Items("events"), statusTime?.Offset);

        var events = new List<TrackingEvent>(scans.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DhlMappedStatus? before = null;
        var returning = false;
        foreach (var scan in scans)
        {
            var mapped = Mapped(scan.Json);
            // After DHL turned the parcel back, a delivery is the delivery to the sender.
            if (mapped is { Status: TrackingStatus.Delivered } && returning)
            {
                mapped = Returned;
            }
            returning |= mapped?.Status == TrackingStatus.Returning;
            var status = mapped ?? before;
            if (status is null)
            {
                // "unknown" before anything we can read: no status to stand behind.
                continue;
            }
            before = status;
            var e = new TrackingEvent(scan.At, status.Status, status.Detail, Text(scan.Json),
                DhlStatusMap.RawCode(scan.Json.Text("statusCode"), scan.Json.Text("status")), Location(scan.Json), "poll", default);
            if (seen.Add(e.DedupKey))
            {
                events.Add(e);
            }
        }
        events.Reverse(); // newest first

        var summary = statusJson is { } sj ? Mapped(sj) : null;
        var current = summary ?? (events.Count > 0 ? new DhlMappedStatus(events[0].Status, events[0].StatusDetail) : null);
        if (current is null)
        {
            var codes = shipment.Items("events").Select(e => e.Text("statusCode")).Concat(statusJson is { } s ? [s.Text("statusCode")] : []).ToList();
            if (codes.Any(c => !DhlStatusMap.IsDocumented(c)))
            {
                throw new DhlUnexpectedResponseException($"no status this adapter knows ({string.Join(", ", codes)})");
            }
            // DHL lists the shipment, with only "unknown" for a status: "no data", not "unknown number" (DHL's 404).
            return CarrierSnapshot.NoInformationYet("DHL has no status for this shipment yet.")
                with { TrackingUrl = DhlDefaults.TrackingUrl(trackingNumber), PayloadSha256 = sha };
        }
        if (returnFlag || returning)
        {
            current = OnTheWayBack(current);
            // Flagged as returned with no event saying so, a delivery is the delivery back to the sender: without
            // rewriting it, its scan would outrank the summary and the parcel would read as delivered to the buyer. Scans
            // on the way are left as they are (the summary outranks them): a scan's status is part of its identity, and
            // one rewritten only while it is the newest would be stored again once a newer scan arrives.
            if (returnFlag && !returning && events.Count > 0 && events[0].Status == TrackingStatus.Delivered)
            {
                events[0] = events[0] with { Status = Returned.Status, StatusDetail = Returned.Detail };
            }
        }

        var description = statusJson is { } d ? Text(d) : "";
        if (description.Length == 0 && events.Count > 0)
        {
            description = events[0].Description;
        }
        var pod = current.Status is TrackingStatus.Delivered or TrackingStatus.Returned ? DhlProofOfDelivery.Read(shipment) : null;
        if (pod is not null)
        {
            description = DhlProofOfDelivery.Describe(pod, description.Length > 0 ? description : "Delivered");
        }
        var estimate = current.Status.IsTerminal() || current.Status == TrackingStatus.Returning
            ? null
            : DhlDeliveryEstimate.Read(shipment, events.Count > 0 ? events[0].OccurredAt.Offset : statusTime?.Offset);
        return new CarrierSnapshot(
            Status: current.Status,
            Events: events,
            EstimatedDelivery: estimate?.Estimate,
            StatusDetail: current.Detail,
            StatusDescription: description,
            TrackingUrl: DhlDefaults.TrackingUrl(trackingNumber),
            PayloadSha256: sha,
            DeliveryWindow: estimate?.Window,
            ProofOfDelivery: pod);
    }

    private static readonly DhlMappedStatus Returned = new(TrackingStatus.Returned, "returned.to_sender");

    private static DhlMappedStatus? Mapped(JsonElement shipmentEvent) =>
        DhlStatusMap.Map(shipmentEvent.Text("statusCode"), shipmentEvent.Text("status"), Text(shipmentEvent) + " " + shipmentEvent.Text("remark"));

    /// <summary>On a shipment going back (returnFlag, or an event saying so): a delivery is to the sender, the rest the way back.</summary>
    private static DhlMappedStatus OnTheWayBack(DhlMappedStatus mapped) => mapped.Status switch
    {
        TrackingStatus.Delivered => Returned,
        TrackingStatus.InTransit or TrackingStatus.OutForDelivery or TrackingStatus.InfoReceived => new(TrackingStatus.Returning, "returning.to_sender"),
        _ => mapped,
    };

    /// <summary>The event's words: description, else statusDetailed, else remark, else a free-text status.</summary>
    private static string Text(JsonElement shipmentEvent)
    {
        var status = shipmentEvent.Text("status");
        return FirstNonEmpty(shipmentEvent.Text("description"), shipmentEvent.Text("statusDetailed"), shipmentEvent.Text("remark"),
            DhlStatusMap.ParcelDeCodes.ContainsKey(status) ? "" : status);
    }

    private static List<Scan> OldestFirst(IReadOnlyList<JsonElement> raw, TimeSpan? fallbackOffset)
    {
        var parsed = raw.Select(e => DhlTimestamps.Parse(e.Text("timestamp"))).ToList();
        if (parsed.IndexOf(null) is var missing and >= 0)
        {
            // An event we cannot place in time could be the newest: reading on without it could report a stale status.
            throw new DhlUnexpectedResponseException($"event {raw[missing].Text("statusCode")} has no readable timestamp");
        }
        var instants = CarrierTimes.Resolve(parsed, fallbackOffset);
        var scans = raw.Select((e, i) => new Scan(e, i, instants[i]!.Value)).ToList();
        // DHL lists newest first; when two events share an instant, the list's own direction decides which came last.
        var newestFirstList = scans.Count < 2 || scans[0].At >= scans[^1].At;
        return [.. scans.OrderBy(s => s.At).ThenBy(s => newestFirstList ? -s.Index : s.Index)];
    }

    private static TrackingLocation Location(JsonElement shipmentEvent)
    {
        if (shipmentEvent.Child("location")?.Child("address") is not { } address)
        {
            return TrackingLocation.Unknown;
        }
        return new TrackingLocation(address.Text("addressLocality"), "", address.Text("postalCode"), address.Text("countryCode").ToUpperInvariant());
    }

    private static string Normalize(string number) => number.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string FirstNonEmpty(params string[] texts) => texts.FirstOrDefault(t => t.Length > 0) ?? "";

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
