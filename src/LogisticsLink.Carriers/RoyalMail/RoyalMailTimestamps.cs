using System.Globalization;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail event dates are ISO-8601 with their offset (<c>2016-10-20T10:04:00+01:00</c>); the delivery estimate
/// comes apart, as a date (<c>2017-02-20</c>) and window times with an offset (<c>08:00:00+01:00</c>). A date that
/// arrives without an offset takes the offset of the nearest event that has one, and only when none has is it read
/// as UTC. A bare date is midnight of that day.
/// </summary>
public static class RoyalMailTimestamps
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

    /// <summary>
    /// A day and a time of day with its offset ("08:00:00+01:00"); a time without one takes
    /// <paramref name="fallbackOffset"/>. Null when the time is absent or unreadable.
    /// </summary>
    public static DateTimeOffset? Combine(DateOnly day, string? timeWithOffset, TimeSpan fallbackOffset)
    {
        if (string.IsNullOrWhiteSpace(timeWithOffset))
        {
            return null;
        }
        var text = timeWithOffset.Trim();
        var sign = text.IndexOfAny(['+', '-']);
        var zulu = text.EndsWith('Z');
        var clock = sign > 0 ? text[..sign] : zulu ? text[..^1] : text;
        if (!TimeOnly.TryParse(clock, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }
        if (sign < 0)
        {
            return new DateTimeOffset(day.ToDateTime(time), zulu ? TimeSpan.Zero : fallbackOffset);
        }
        if (!TimeSpan.TryParseExact(text[(sign + 1)..], ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var offset))
        {
            return null;
        }
        return new DateTimeOffset(day.ToDateTime(time), text[sign] == '-' ? -offset : offset);
    }
}
