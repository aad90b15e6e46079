using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>One La Poste envelope (<c>returnCode</c> + <c>shipment</c>) → a normalized snapshot, or a failure for that id.</summary>
public static class LaPosteShipmentMapper
{
    public const string Source = "laposte";

    /// <param name="UnknownCodes">Event codes the map does not know (those events keep the previous status).</param>
    public sealed record Mapped(CarrierResult Result, IReadOnlyList<string> UnknownCodes);

    private sealed record Scan(string Code, string Label, DateTimeOffset At, int Index);

    public static Mapped Map(JsonElement envelope, string idShip)
    {
        try
        {
            return MapUnchecked(envelope, idShip);
        }
        catch (Exception e) when (e is LaPosteShapeException or InvalidOperationException or FormatException)
        {
            // An answer we cannot read fully is reported as such rather than turned into a status we are unsure of.
            return new(CarrierResult.Failure($"laposte: unexpected answer for {idShip}: {e.Message}"), []);
        }
    }

    private static Mapped MapUnchecked(JsonElement envelope, string idShip)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            throw new LaPosteShapeException($"the entry is a {envelope.ValueKind}");
        }
        var payloadSha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(envelope.GetRawText())));
        var returnCode = envelope.Int("returnCode") ?? throw new LaPosteShapeException("returnCode is not a number");
        var message = envelope.Str("returnMessage");
        var shipment = envelope.Prop("shipment");
        if (shipment is null || shipment.Value.ValueKind != JsonValueKind.Object)
        {
            return new(NoShipment(returnCode, message, idShip, payloadSha), []);
        }
        return Shipment(shipment.Value, idShip, payloadSha);
    }

    /// <summary>
    /// An envelope without a shipment. 104 ("not available yet", HTTP 404) and 105 (unknown id) are La Poste's
    /// not-found answers; 400 is an id La Poste rejects; 504 its own back end timing out; anything else is reported
    /// with La Poste's message and tried again later.
    /// </summary>
    private static CarrierResult NoShipment(int returnCode, string message, string idShip, string payloadSha) => returnCode switch
    {
        104 or 105 => CarrierResult.Success(CarrierSnapshot.NotFound(message.Length > 0 ? message : "La Poste does not know this number yet.")
            with { TrackingUrl = LaPosteDefaults.TrackingUrl(idShip), PayloadSha256 = payloadSha }),
        400 => CarrierResult.Failure($"laposte: {idShip} rejected (400: {message})", transient: false),
        504 => CarrierResult.Failure($"laposte: La Poste's back end timed out (504: {message})"),
        200 or 201 => throw new LaPosteShapeException($"returnCode {returnCode} without a shipment"),
        _ => CarrierResult.Failure($"laposte: returnCode {returnCode} for {idShip}: {message}"),
    };

    private static Mapped Shipment(JsonElement shipment, string idShip, string payloadSha)
    {
        var scans = OldestFirst(shipment);
        var unknown = new List<string>();
        var events = new List<TrackingEvent>(scans.Count);
        var returning = false;
        TrackingStatus? current = null;
        foreach (var scan in scans)
        {
            var known = LaPosteStatusMap.Map(scan.Code);
            if (known is null)
            {
                unknown.Add(scan.Code);
            }
            var code = LaPosteIncidents.Refine(known ?? new LaPosteCode(null, "info.unrecognized_event"), scan.Label);
            // Once La Poste turned the parcel back, a delivery is the delivery to the sender.
            if (code.Status == TrackingStatus.Delivered && returning)
            {
                code = new LaPosteCode(TrackingStatus.Returned, "returned.to_sender");
            }
            returning |= code.Status == TrackingStatus.Returning;
            var status = code.Status ?? current ?? TrackingStatus.Pending;
            current = status;
            events.Add(new TrackingEvent(scan.At, status, code.Detail, scan.Label, scan.Code, TrackingLocation.Unknown, Source, default));
        }
        events.Reverse(); // newest first

        var fallbackOffset = scans.Count > 0 ? scans[^1].At.Offset : TimeSpan.Zero;
        var (eta, window) = Eta(shipment, fallbackOffset);
        var newest = events.Count > 0 ? events[0] : null;
        var url = shipment.Str("url") is { } own && WebAddress.IsHttp(own) ? own : LaPosteDefaults.TrackingUrl(idShip);
        var delivered = newest?.Status is TrackingStatus.Delivered;
        var snapshot = new CarrierSnapshot(
            newest?.Status,
            events,
            EstimatedDelivery: eta,
            StatusDetail: newest?.StatusDetail ?? "",
            StatusDescription: newest?.Description ?? Product(shipment),
            TrackingUrl: url,
            PayloadSha256: payloadSha,
            DeliveryWindow: window,
            ProofOfDelivery: delivered ? ProofOfDelivery(shipment) : null);
        return new(CarrierResult.Success(snapshot), unknown);
    }

    private static List<Scan> OldestFirst(JsonElement shipment)
    {
        var raw = shipment.Objects("event");
        var parsed = raw.Select(e => LaPosteTimestamps.Parse(e.Str("date"))).ToList();
        if (parsed.Any(p => p is null))
        {
            throw new LaPosteShapeException("an event has no readable date");
        }
        if (raw.Any(e => e.Str("code").Length == 0))
        {
            throw new LaPosteShapeException("an event has no code");
        }
        var instants = CarrierTimes.Resolve(parsed);
        var scans = raw.Select((e, i) => new Scan(e.Str("code").ToUpperInvariant(), e.Str("label"), instants[i]!.Value, i)).ToList();
        // La Poste lists newest first ("anti-chronological"); within one instant the list order decides which came last.
        var newestFirstList = scans.Count < 2 || scans[0].At >= scans[^1].At;
        return [.. scans
            .DistinctBy(s => (s.Code, s.At)) // the same event twice in one answer
            .OrderBy(s => s.At)
            .ThenBy(s => newestFirstList ? -s.Index : s.Index)];
    }

    /// <summary>
    /// The promised delivery: <c>estimHourMin</c>–<c>estimHourMax</c> as the window (its end as the ETA), else
    /// <c>estimDate</c>. An <c>estimDate</c> with no time names a day, so it is <see cref="DateOnlyPromise"/> (that date
    /// at 00:00 UTC) like every adapter's date-only promise, not midnight at the scans' offset (the previous UTC day).
    /// </summary>
    private static (DateTimeOffset?, DeliveryWindow?) Eta(JsonElement shipment, TimeSpan fallbackOffset)
    {
        var start = LaPosteTimestamps.Parse(shipment.Str("estimHourMin"))?.With(fallbackOffset);
        var end = LaPosteTimestamps.Parse(shipment.Str("estimHourMax"))?.With(fallbackOffset);
        if (start is { } s && end is { } e && e >= s)
        {
            return (e, new DeliveryWindow(s, e));
        }
        var estimDate = shipment.Str("estimDate");
        return (BareDate.Parse(estimDate) is { } day ? DateOnlyPromise.Of(day) : LaPosteTimestamps.Parse(estimDate)?.With(fallbackOffset), null);
    }

    /// <summary>The open scope has no signature or photo: what is known is the pickup point it was collected from.</summary>
    private static ProofOfDelivery? ProofOfDelivery(JsonElement shipment)
    {
        var point = shipment.Prop("contextData").Prop("removalPoint");
        var name = point.Str("name");
        if (name.Length == 0)
        {
            return null;
        }
        var type = point.Str("type");
        return new ProofOfDelivery("", type.Length > 0 ? $"{name} ({type})" : name, HasSignature: false, HasPhoto: false);
    }

    private static string Product(JsonElement shipment) => shipment.Str("product");
}
