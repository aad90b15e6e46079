using System.Globalization;
using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// UPS's delivery promise: <c>deliveryDate[]</c> (SDD scheduled, RDD rescheduled, DEL the actual delivery) and
/// <c>deliveryTime</c> (type EOD/CMT/EDW/CDW/IDW with a local start and end time). Times are the destination's wall
/// time without an offset.
/// </summary>
public sealed record UpsEstimatedDelivery(DateOnly Date, TimeOnly? WindowStart, TimeOnly? WindowEnd, string DateType, string TimeType)
{
    /// <summary>The estimate, or null when UPS gives none or the parcel is already delivered (DEL is a fact, not an estimate).</summary>
    public static UpsEstimatedDelivery? Read(JsonElement package)
    {
        var dates = package.Items("deliveryDate").Select(d => (Type: d.Text("type").ToUpperInvariant(), Date: ParseDate(d.Text("date")))).ToList();
        if (dates.Any(d => d.Type == "DEL"))
        {
            return null;
        }
        // A rescheduled date replaces the scheduled one.
        var pick = dates.FirstOrDefault(d => d.Type == "RDD" && d.Date is not null);
        if (pick.Date is null)
        {
            pick = dates.FirstOrDefault(d => d.Date is not null);
        }
        if (pick.Date is not { } date)
        {
            return null;
        }
        var time = package.Child("deliveryTime");
        var timeType = time?.Text("type").ToUpperInvariant() ?? "";
        var start = time is { } t1 && t1.Text("startTime").Length > 0 ? UpsTimestamps.ParseTime(t1.Text("startTime")) : null;
        var end = time is { } t2 && t2.Text("endTime").Length > 0 ? UpsTimestamps.ParseTime(t2.Text("endTime")) : null;
        return new UpsEstimatedDelivery(date, start, end, pick.Type, timeType);
    }

    /// <summary>
    /// One instant for the snapshot: the end of the window (what UPS promises "by"), at <paramref name="localOffset"/>
    /// — UPS gives the destination's offset nowhere, and the newest scan's is the best stand-in. A date without a
    /// window is <see cref="DateOnlyPromise"/>: that date at 00:00 UTC, which replies write as that date in every zone.
    /// </summary>
    public DateTimeOffset ToInstant(TimeSpan? localOffset) =>
        (WindowEnd ?? WindowStart) is { } time && localOffset is { } offset
            ? new DateTimeOffset(Date.ToDateTime(time), offset)
            : DateOnlyPromise.Of(Date);

    /// <summary>The window UPS gives (both ends, at <paramref name="localOffset"/>), or null without one or without an offset.</summary>
    public DeliveryWindow? ToWindow(TimeSpan? localOffset) =>
        WindowStart is { } start && WindowEnd is { } end && localOffset is { } offset && end > start
            ? new DeliveryWindow(new DateTimeOffset(Date.ToDateTime(start), offset), new DateTimeOffset(Date.ToDateTime(end), offset))
            : null;

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
