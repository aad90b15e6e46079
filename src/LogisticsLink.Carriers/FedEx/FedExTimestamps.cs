using System.Globalization;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx dates are ISO-8601 local times with their offset (<c>2024-04-26T09:26:00-07:00</c>), but real answers
/// occasionally carry a scan without one (<c>2024-08-15T00:00:00</c>) among offset-bearing scans. Such a wall time
/// is completed with the offset of the nearest scan of the same shipment that has one (its neighbours happened in
/// the same region, so that is the likeliest zone); only when no scan has an offset is it read as UTC.
/// </summary>
public static class FedExTimestamps
{
    /// <summary>A parsed FedEx date: the instant if it carried an offset, otherwise the wall time only.</summary>
    public readonly record struct Parsed(DateTime WallTime, TimeSpan? Offset)
    {
        public DateTimeOffset With(TimeSpan fallbackOffset) => new(WallTime, Offset ?? fallbackOffset);
    }

    public static Parsed? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (HasOffset(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? new Parsed(withOffset.DateTime, withOffset.Offset)
                : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new Parsed(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
    }

    /// <summary>
    /// Resolves every date of a list to an instant (see the class remarks); null entries stay null.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset?> Resolve(IReadOnlyList<Parsed?> dates)
    {
        var result = new DateTimeOffset?[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] is not { } d)
            {
                continue;
            }
            result[i] = d.With(d.Offset ?? NearestOffset(dates, i) ?? TimeSpan.Zero);
        }
        return result;
    }

    private static TimeSpan? NearestOffset(IReadOnlyList<Parsed?> dates, int index)
    {
        for (var distance = 1; distance < dates.Count; distance++)
        {
            if (index - distance >= 0 && dates[index - distance]?.Offset is { } before)
            {
                return before;
            }
            if (index + distance < dates.Count && dates[index + distance]?.Offset is { } after)
            {
                return after;
            }
        }
        return null;
    }

    // "Z" or "+hh:mm"/"-hh:mm"/"+hhmm" after the time part; a date's own dashes come before the 'T'.
    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
        {
            return false;
        }
        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}
