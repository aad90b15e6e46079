using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// Reads one UPS Track Alert event (the <c>TrackingEvent</c> webhook UPS POSTs to a subscriber) into a snapshot of
/// one scan. The message is flat: <c>trackingNumber</c>, <c>localActivityDate/Time</c>, <c>gmtActivityDate/Time</c>,
/// <c>activityLocation{city,stateProvince,postalCode,country}</c>,
/// <c>activityStatus{type,code,description,descriptionCode}</c> (<c>descriptionCode</c> is the Track API's 3-digit
/// <c>statusCode</c>, so the same <see cref="UpsStatusMap"/> applies), <c>scheduledDeliveryDate</c>,
/// <c>deliveryStartTime/EndTime</c>, <c>actualDeliveryDate/Time</c>, and for enhanced subscribers <c>deliveryPhoto</c>.
/// "Not every field will have a value for every message": empty strings are absent values. Type <c>U</c> ("updated
/// delivery date or time") carries no status: it becomes a snapshot with no scan that only moves the estimate.
/// Pure: body in, result out. A body that does not fit is an error naming the field, never a guessed status.
/// </summary>
public static class UpsTrackAlertParser
{
    /// <summary>The <see cref="TrackingEvent.Source"/> of scans that arrived by webhook.</summary>
    public const string Source = "webhook";

    public static UpsTrackAlertResult Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return UpsTrackAlertResult.Success(Read(document.RootElement, Hash(body)));
        }
        catch (JsonException)
        {
            return UpsTrackAlertResult.Invalid("body", "is not valid JSON");
        }
        catch (FieldException e)
        {
            return UpsTrackAlertResult.Invalid(e.Field, e.Message);
        }
    }

    private static UpsTrackAlert Read(JsonElement root, string sha)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FieldException("body", "must be a JSON object");
        }
        // UPS's own sample sends " 1Z…" with a leading space.
        var number = Text(root, "trackingNumber").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (number.Length == 0)
        {
            throw new FieldException("trackingNumber", "is required");
        }
        if (number.Length is < 7 or > 34 || !number.All(char.IsAsciiLetterOrDigit))
        {
            throw new FieldException("trackingNumber", "must be 7 to 34 letters or digits");
        }

        var status = Object(root, "activityStatus") ?? throw new FieldException("activityStatus", "is required");
        var raw = new UpsRawStatus(Text(status, "type", "activityStatus."), Text(status, "code", "activityStatus."),
            Text(status, "descriptionCode", "activityStatus."));
        if (raw.Type.Length == 0 && raw.Code.Length == 0 && raw.StatusCode.Length == 0)
        {
            throw new FieldException("activityStatus", "needs at least one of type, code or descriptionCode");
        }
        var description = Text(status, "description", "activityStatus.");
        // The GMT date with its time is the activity's instant and, for a type U message, when UPS moved the date (the
        // snapshot's ObservedAt; without it the message is taken as current when it arrives). A GMT date whose time is
        // empty is no instant: read as midnight it would beat the local time beside it and date an evening scan at the
        // start of its day, before the scans that preceded it. Otherwise the local parts, read as UTC (Track Alert sends
        // no offset); a GMT date alone, at midnight, only when there is nothing else.
        var gmtDay = DateTimeOf(root, "gmtActivityDate", "gmtActivityTime");
        DateTimeOffset? gmt = gmtDay is { } day && Text(root, "gmtActivityTime").Length > 0 ? new DateTimeOffset(day, TimeSpan.Zero) : null;
        var local = DateTimeOf(root, "localActivityDate", "localActivityTime");
        var at = gmt ?? ((local ?? gmtDay) is { } l ? new DateTimeOffset(l, TimeSpan.Zero) : null);
        var offset = LocalOffset(gmt, local);
        var mapped = UpsStatusMap.Map(raw.Type, raw.StatusCode, raw.Code, description);

        var events = new List<TrackingEvent>(1);
        if (mapped is not null)
        {
            var instant = at ?? throw new FieldException("gmtActivityDate", "is required (or localActivityDate) for an activity with a status");
            events.Add(new TrackingEvent(offset is { } o ? instant.ToOffset(o) : instant, mapped.Status, mapped.Detail,
                description, raw.Raw, Location(root), Source, default));
        }

        var delivered = mapped?.Status == TrackingStatus.Delivered;
        var estimate = Estimate(root, delivered);
        var photo = Text(root, "deliveryPhoto").Length > 0;
        return new UpsTrackAlert(
            number,
            new CarrierSnapshot(
                Status: null,
                Events: events,
                EstimatedDelivery: estimate?.ToInstant(offset),
                TrackingUrl: UpsTrackResponseParser.TrackingUrl(number),
                PayloadSha256: sha,
                DeliveryWindow: Window(estimate, offset),
                ProofOfDelivery: delivered && photo ? new ProofOfDelivery("", "", HasSignature: false, HasPhoto: true) : null,
                ObservedAt: gmt),
            mapped is null && !UpsStatusMap.IsNoInformation(raw) ? raw.Raw : "");
    }

    /// <summary>
    /// The scan site's UTC offset, which Track Alert does not send but implies: local wall time minus GMT time, when
    /// both are there and the difference is a plausible offset (a multiple of 15 minutes within ±14 h).
    /// </summary>
    private static TimeSpan? LocalOffset(DateTimeOffset? gmt, DateTime? local)
    {
        if (gmt is not { } utc || local is not { } wall)
        {
            return null;
        }
        var offset = wall - utc.UtcDateTime;
        return offset.Ticks % TimeSpan.FromMinutes(15).Ticks == 0 && offset.Duration() <= TimeSpan.FromHours(14) ? offset : null;
    }

    /// <summary>Both parts or neither: a date or time that is present but unreadable is an error naming it.</summary>
    private static DateTime? DateTimeOf(JsonElement root, string dateField, string timeField)
    {
        var date = Text(root, dateField);
        var time = Text(root, timeField);
        if (date.Length == 0)
        {
            return null;
        }
        if (!DateTime.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new FieldException(dateField, "must be a date as YYYYMMDD");
        }
        if (time.Length > 0 && UpsTimestamps.ParseTime(time) is null)
        {
            throw new FieldException(timeField, "must be a time as HHMMSS");
        }
        return UpsTimestamps.ParseDateTime(date, time);
    }

    /// <summary>The scheduled date with its window, unless the parcel is delivered (then there is nothing to estimate).</summary>
    private static UpsEstimatedDelivery? Estimate(JsonElement root, bool delivered)
    {
        var scheduled = Text(root, "scheduledDeliveryDate");
        if (delivered || Text(root, "actualDeliveryDate").Length > 0 || scheduled.Length == 0)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(scheduled, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FieldException("scheduledDeliveryDate", "must be a date as YYYYMMDD");
        }
        return new UpsEstimatedDelivery(date, TimeOf(root, "deliveryStartTime"), TimeOf(root, "deliveryEndTime"), "SDD",
            Text(root, "deliveryTimeDescription"));
    }

    private static DeliveryWindow? Window(UpsEstimatedDelivery? estimate, TimeSpan? offset) =>
        estimate is { WindowStart: { } start, WindowEnd: { } end } && offset is { } o && start <= end
            ? new DeliveryWindow(new DateTimeOffset(estimate.Date.ToDateTime(start), o), new DateTimeOffset(estimate.Date.ToDateTime(end), o))
            : null;

    private static TimeOnly? TimeOf(JsonElement root, string field)
    {
        var text = Text(root, field);
        if (text.Length == 0)
        {
            return null;
        }
        return UpsTimestamps.ParseTime(text) ?? throw new FieldException(field, "must be a time as HHMMSS");
    }

    private static TrackingLocation Location(JsonElement root)
    {
        if (Object(root, "activityLocation") is not { } place)
        {
            return TrackingLocation.Unknown;
        }
        const string prefix = "activityLocation.";
        return new TrackingLocation(Text(place, "city", prefix), Text(place, "stateProvince", prefix),
            Text(place, "postalCode", prefix), Text(place, "country", prefix).ToUpperInvariant());
    }

    private static JsonElement? Object(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object ? value : throw new FieldException(name, "must be an object");
    }

    /// <summary>A string (or number: UPS descends from XML) as trimmed text; "" when absent or null.</summary>
    private static string Text(JsonElement parent, string name, string prefix = "")
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return "";
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FieldException(prefix + name, "must be a string"),
        };
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}

/// <summary>
/// One Track Alert event, read. <paramref name="UnmappedRawCode"/> is the raw code ("type/code/descriptionCode") of an
/// activity whose codes this adapter does not know, so it brought no scan: worth a log line, not a rejection.
/// </summary>
public sealed record UpsTrackAlert(string TrackingNumber, CarrierSnapshot Snapshot, string UnmappedRawCode);

/// <summary>Either an alert or the field that made the body unreadable, and why.</summary>
public sealed record UpsTrackAlertResult(UpsTrackAlert? Alert, string Field, string Reason)
{
    public static UpsTrackAlertResult Success(UpsTrackAlert alert) => new(alert, "", "");

    public static UpsTrackAlertResult Invalid(string field, string reason) => new(null, field, reason);
}
