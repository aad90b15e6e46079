using System.Globalization;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// La Poste dates are ISO-8601 with their offset (<c>2023-03-09T09:38:00+01:00</c>). A date that arrives without
/// one is a wall time in the same place as its neighbours: it takes the offset of a neighbouring event (<see cref="CarrierTimes"/>),
/// and only when none has is it read as UTC. A bare date (<c>2023-03-09</c>) is midnight of that day; a bare estimDate
/// is a date-only promise instead (<see cref="BareDate"/>).
/// </summary>
public static class LaPosteTimestamps
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
}
