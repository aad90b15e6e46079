using System.Globalization;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx dates are ISO-8601 local times with their offset (<c>2024-04-26T09:26:00-07:00</c>), but real answers
/// occasionally carry a scan without one (<c>2024-08-15T00:00:00</c>) among offset-bearing scans. Such a wall time
/// is completed with the offset of a neighbouring scan of the same shipment (see <see cref="CarrierTimes"/>: they
/// happened in the same region, so that is the likeliest zone); only when no scan has an offset is it read as UTC.
/// </summary>
public static class FedExTimestamps
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
