using System.Globalization;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL's <c>timestamp</c> is a date-time or a date, with <c>Z</c>, with an offset, or with no zone at all — in DHL's own
/// example the shipment's status says "2018-03-02T07:53:47Z" and the same event in the list "2018-03-02T07:53:47".
/// A value without a zone is completed with the offset of a neighbouring event (<see cref="CarrierTimes"/>), else with the shipment
/// status's, else read as UTC; a date alone is that day's midnight.
/// </summary>
public static class DhlTimestamps
{
    public static CarrierTime? Parse(string text)
    {
        text = text.Trim();
        if (text.Length < 10 || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }
        if (text.Length == 10)
        {
            return new CarrierTime(day.ToDateTime(TimeOnly.MinValue), null);
        }
        if (HasZone(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? new CarrierTime(at.DateTime, at.Offset)
                : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new CarrierTime(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
    }

    // "Z" or "+hh:mm"/"-hh:mm"/"+hhmm" after the time part; a date's own dashes come before the 'T'.
    private static bool HasZone(string text)
    {
        var t = text.IndexOfAny(['T', 't', ' ']);
        if (t < 0)
        {
            return false;
        }
        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}
