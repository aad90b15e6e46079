using System.Globalization;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// La Poste dates are ISO-8601 with their offset (<c>2023-03-09T09:38:00+01:00</c>). A date that arrives without
/// one is a wall time in the same place as its neighbours: it takes the offset of the nearest event that has one,
/// and only when none has is it read as UTC. A bare date (<c>2023-03-09</c>) is midnight of that day.
/// </summary>
public static class LaPosteTimestamps
{
    /// <summary>A parsed date: the instant when it carried an offset, otherwise the wall time only.</summary>
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

    /// <summary>Every date of a list as an instant (see the class remarks); unreadable entries stay null.</summary>
    public static IReadOnlyList<DateTimeOffset?> Resolve(IReadOnlyList<Parsed?> dates)
    {
        var result = new DateTimeOffset?[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] is { } d)
            {
                result[i] = d.With(d.Offset ?? NearestOffset(dates, i) ?? TimeSpan.Zero);
            }
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

    // "Z" or "+hh:mm"/"-hh:mm" after the time part; the date's own dashes come before the 'T'.
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
