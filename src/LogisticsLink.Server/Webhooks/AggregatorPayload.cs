using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Tracking;

namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// The generic "aggregator" webhook body, for 3PLs and tracking aggregators that already subscribe to carriers and
/// normalize their events. One delivery is one parcel:
/// <code>
/// {
///   "event_id": "evt_0001",                    // optional, recommended: redeliveries with the same id are ignored
///   "carrier": "dhl",                           // required: a carrier code as in Shipment.carrier
///   "tracking_number": "1234567890",            // required: spaces and dashes are ignored
///   "estimated_delivery": "2026-05-04T18:00:00+02:00",   // optional, RFC 3339 with an offset, 1970 to 2200
///   "events": [                                 // required (may be empty when estimated_delivery is given), at most 500
///     { "occurred_at": "2026-05-02T09:15:00Z",  // required, RFC 3339 with an offset, 1970 to 2200
///       "status": "in_transit",                 // required: info_received, in_transit, out_for_delivery, attempt_failed,
///                                               //   available_for_pickup, delivered, exception, returning, returned, lost, cancelled
///       "status_detail": "in_transit.departed", // optional, as in the contract
///       "description": "Departed facility",     // optional
///       "raw_code": "PL",                       // optional: the carrier's own code, part of the scan's identity
///       "location": { "city": "Leipzig", "region": "SN", "postal_code": "04109", "country_code": "DE" } } ]  // optional
/// }
/// </code>
/// Unknown properties are ignored. A body that does not fit is refused naming the first wrong field.
/// </summary>
public sealed record AggregatorPayload(string EventId, string Carrier, string TrackingNumber, CarrierSnapshot Snapshot)
{
    public const int MaxEvents = 500;
    public const int MaxTextLength = 1000;

    private static readonly Dictionary<string, TrackingStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["info_received"] = TrackingStatus.InfoReceived,
        ["in_transit"] = TrackingStatus.InTransit,
        ["out_for_delivery"] = TrackingStatus.OutForDelivery,
        ["attempt_failed"] = TrackingStatus.AttemptFailed,
        ["available_for_pickup"] = TrackingStatus.AvailableForPickup,
        ["delivered"] = TrackingStatus.Delivered,
        ["exception"] = TrackingStatus.Exception,
        ["returning"] = TrackingStatus.Returning,
        ["returned"] = TrackingStatus.Returned,
        ["lost"] = TrackingStatus.Lost,
        ["cancelled"] = TrackingStatus.Cancelled,
    };

    /// <summary>Reads a body; <paramref name="field"/> and <paramref name="reason"/> say what is wrong when it returns null.</summary>
    public static AggregatorPayload? Parse(ReadOnlySpan<byte> body, out string field, out string reason)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            (field, reason) = ("", "");
            return Read(document.RootElement, Convert.ToHexStringLower(SHA256.HashData(body)));
        }
        catch (JsonException)
        {
            (field, reason) = ("body", "is not valid JSON");
        }
        catch (FieldException e)
        {
            (field, reason) = (e.Field, e.Message);
        }
        return null;
    }

    private static AggregatorPayload Read(JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException("body", "must be a JSON object");
        }
        var eventId = Text(root, "event_id", "event_id");
        var carrier = Text(root, "carrier", "carrier").ToLowerInvariant();
        if (carrier.Length == 0)
        {
            throw new FieldException("carrier", "is required");
        }
        if (!CarrierCodes.Known.Contains(carrier))
        {
            throw new FieldException("carrier", $"must be one of {string.Join(", ", CarrierCodes.Known.Order(StringComparer.Ordinal))}");
        }
        var number = TrackingRequests.NormalizeNumber(Text(root, "tracking_number", "tracking_number"));
        if (number.Length == 0)
        {
            throw new FieldException("tracking_number", "is required");
        }
        // The same rule as TrackShipment's, so every number that can be tracked can be pushed.
        if (TrackingRequests.NumberProblem(number, carrier) is { } problem)
        {
            throw new FieldException("tracking_number", problem);
        }
        number = TrackingRequests.StoredForm(number, carrier);
        var eta = Instant(root, "estimated_delivery", "estimated_delivery", required: false);

        if (!root.TryGetProperty("events", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException("events", "is required (an empty list when only estimated_delivery changed)");
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException("events", "must be a list");
        }
        var count = list.GetArrayLength();
        if (count > MaxEvents)
        {
            throw new FieldException("events", $"must hold at most {MaxEvents} events (got {count})");
        }
        if (count == 0 && eta is null)
        {
            throw new FieldException("events", "must hold at least one event unless estimated_delivery is given");
        }
        var events = list.EnumerateArray().Select((e, i) => Event(e, $"events[{i}]")).ToList();
        return new AggregatorPayload(eventId, carrier, number,
            new CarrierSnapshot(Status: null, Events: events, EstimatedDelivery: eta, PayloadSha256: sha));
    }

    private static TrackingEvent Event(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException(path, "must be an object");
        }
        var at = Instant(item, "occurred_at", path + ".occurred_at", required: true)!.Value;
        var statusText = Text(item, "status", path + ".status");
        if (statusText.Length == 0)
        {
            throw new FieldException(path + ".status", "is required");
        }
        if (!Statuses.TryGetValue(statusText, out var status))
        {
            throw new FieldException(path + ".status", $"must be one of {string.Join(", ", Statuses.Keys)} (got '{Shorten(statusText)}')");
        }
        var location = TrackingLocation.Unknown;
        if (item.TryGetProperty("location", out var place) && place.ValueKind != JsonValueKind.Null)
        {
            if (place.ValueKind != JsonValueKind.Object)
            {
                throw new FieldException(path + ".location", "must be an object");
            }
            var prefix = path + ".location.";
            location = new TrackingLocation(Text(place, "city", prefix + "city"), Text(place, "region", prefix + "region"),
                Text(place, "postal_code", prefix + "postal_code"), Text(place, "country_code", prefix + "country_code").ToUpperInvariant());
        }
        return new TrackingEvent(at, status, Text(item, "status_detail", path + ".status_detail"), Text(item, "description", path + ".description"),
            Text(item, "raw_code", path + ".raw_code"), location, ShipmentTracker.PushSource, default);
    }

    /// <summary>RFC 3339 with an explicit offset: an instant without one would be read in the server's time zone.</summary>
    private static DateTimeOffset? Instant(JsonElement parent, string name, string path, bool required)
    {
        var text = Text(parent, name, path);
        if (text.Length == 0)
        {
            return required ? throw new FieldException(path, "is required") : null;
        }
        var hasOffset = text[^1] is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !text.Contains('T', StringComparison.OrdinalIgnoreCase) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new FieldException(path, "must be an RFC 3339 timestamp with an offset, such as 2026-05-02T09:15:00Z");
        }
        // A sender's "no date" placeholder (0001-01-01, 9999-12-31) would become the parcel's last scan or estimate:
        // the dates of parcels are bounded as everywhere else in the API.
        return RequestTimes.IsBusinessDate(value) ? value : throw new FieldException(path, RequestTimes.BusinessDateRange);
    }

    private static string Text(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FieldException(path, "must be a string");
        }
        var text = value.GetString()!.Trim();
        return text.Length <= MaxTextLength ? text : throw new FieldException(path, $"must be at most {MaxTextLength} characters");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
