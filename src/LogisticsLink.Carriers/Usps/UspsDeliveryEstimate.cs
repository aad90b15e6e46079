using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// USPS's delivery promise. Most precise first: <c>predictedDeliveryDate</c> with
/// <c>predictedDeliveryWindowStartTime</c>/<c>EndTime</c> (a window; the estimate is its end) or with <c>endOfDay</c>;
/// then <c>expectedDeliveryTimeStamp</c>, the deprecated <c>predictedDeliveryTimeStamp</c>, and
/// <c>guaranteedDeliveryTimeStamp</c>. Dates and times are the destination's wall time; the newest event's offset
/// stands in for the destination's, which USPS gives nowhere. A date alone is <see cref="DateOnlyPromise"/> (that date
/// at 00:00 UTC), the convention every adapter uses, which replies write as that date in every zone.
/// </summary>
public sealed record UspsDeliveryEstimate(DateTimeOffset Estimate, DeliveryWindow? Window)
{
    public static UspsDeliveryEstimate? Read(JsonElement root, TimeSpan? localOffset)
    {
        if (UspsTimestamps.ParseDate(root.Text("predictedDeliveryDate")) is { } date)
        {
            var start = UspsTimestamps.ParseTime(root.Text("predictedDeliveryWindowStartTime"));
            var end = UspsTimestamps.ParseTime(root.Text("predictedDeliveryWindowEndTime"));
            var offset = localOffset ?? TimeSpan.Zero;
            if (start is { } s && end is { } e && e > s)
            {
                var window = new DeliveryWindow(At(date, s, offset), At(date, e, offset));
                return new UspsDeliveryEstimate(window.End, window);
            }
            if ((end ?? UspsTimestamps.ParseTime(root.Text("endOfDay"))) is { } by)
            {
                return new UspsDeliveryEstimate(At(date, by, offset), null);
            }
            return new UspsDeliveryEstimate(DateOnlyPromise.Of(date), null);
        }
        foreach (var name in (string[])["expectedDeliveryTimeStamp", "predictedDeliveryTimeStamp", "guaranteedDeliveryTimeStamp"])
        {
            if (Stamp(root.Text(name), localOffset) is { } stamp)
            {
                return new UspsDeliveryEstimate(stamp, null);
            }
        }
        return null;
    }

    /// <summary>A promise's date-time: its own offset when it has one (Z included), else the local wall time.</summary>
    private static DateTimeOffset? Stamp(string text, TimeSpan? localOffset)
    {
        if (UspsTimestamps.ParseLocal(text) is not { } parsed)
        {
            return null;
        }
        if (text.Trim().EndsWith('Z'))
        {
            return new DateTimeOffset(parsed.WallTime, TimeSpan.Zero);
        }
        if (parsed.Offset is null && parsed.WallTime.TimeOfDay == TimeSpan.Zero)
        {
            // Midnight without an offset is a date-only promise.
            return new DateTimeOffset(parsed.WallTime, TimeSpan.Zero);
        }
        return parsed.With(localOffset ?? TimeSpan.Zero);
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeSpan offset) => new(date.ToDateTime(time), offset);
}
