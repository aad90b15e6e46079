namespace LogisticsLink.Carriers.Time;

/// <summary>A time as a carrier wrote it: the wall time, and its offset when the carrier gave one.</summary>
public readonly record struct CarrierTime(DateTime WallTime, TimeSpan? Offset)
{
    public DateTimeOffset With(TimeSpan fallbackOffset) => new(WallTime, Offset ?? fallbackOffset);
}

/// <summary>
/// Turns one parcel's carrier times into instants. A time without an offset takes the offset of the latest scan at or
/// before it that has one (where the parcel was just before, so most likely the same zone), else of the earliest scan
/// after it, else <c>fallback</c>, else UTC.
/// </summary>
/// <remarks>
/// Earlier scans first, because they never change as the history grows: a scan's instant, and so the dedup key made
/// from it, comes out the same at every poll. Taking the nearest scan in the list moved it whenever a newer scan from
/// another time zone arrived next to it, and the scan was stored a second time under its new instant. A scan first
/// seen as the newest took its offset from the scan before it then, as it does now, so keys stored earlier still match.
/// </remarks>
public static class CarrierTimes
{
    /// <summary>Every time of the list as an instant; null entries stay null.</summary>
    public static IReadOnlyList<DateTimeOffset?> Resolve(IReadOnlyList<CarrierTime?> times, TimeSpan? fallback = null)
    {
        var result = new DateTimeOffset?[times.Count];
        for (var i = 0; i < times.Count; i++)
        {
            if (times[i] is { } t)
            {
                result[i] = t.With(t.Offset ?? BorrowedOffset(times, t.WallTime) ?? fallback ?? TimeSpan.Zero);
            }
        }
        return result;
    }

    private static TimeSpan? BorrowedOffset(IReadOnlyList<CarrierTime?> times, DateTime wall)
    {
        CarrierTime? before = null, after = null;
        foreach (var candidate in times)
        {
            if (candidate is not { Offset: not null } c)
            {
                continue;
            }
            if (c.WallTime <= wall)
            {
                before = before is { } b && b.WallTime >= c.WallTime ? b : c;
            }
            else
            {
                after = after is { } a && a.WallTime <= c.WallTime ? a : c;
            }
        }
        return (before ?? after)?.Offset;
    }
}
