using System.Globalization;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail event dates are ISO-8601 with their offset (<c>2016-10-20T10:04:00+01:00</c>); the delivery estimate
/// comes apart, as a date (<c>2017-02-20</c>) and window times with an offset (<c>08:00:00+01:00</c>). A date that
/// arrives without an offset takes the offset of a neighbouring event (<see cref="CarrierTimes"/>), and only when none has one is it read
/// as UTC. A bare estimated date is not read here: it is a <see cref="LogisticsLink.Domain.Shipments.DateOnlyPromise"/>.
/// </summary>
public static class RoyalMailTimestamps
{
    public static CarrierTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (HasOffset(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? new CarrierTime(withOffset.DateTime, withOffset.Offset)
                : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new CarrierTime(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
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
