using System.Globalization;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL's <c>timestamp</c> is a date-time or a date, with <c>Z</c>, with an offset, or with no zone at all — in DHL's own
/// example the shipment's status says "2018-03-02T07:53:47Z" and the same event in the list "2018-03-02T07:53:47".
/// A value without a zone is completed with the offset of the nearest event that has one, else with the shipment
/// status's, else read as UTC; a date alone is that day's midnight.
/// </summary>
public static class DhlTimestamps
{
    /// <summary>A parsed DHL time: the instant if it carried a zone, otherwise the wall time only.</summary>
    public readonly record struct Parsed(DateTime WallTime, TimeSpan? Offset)
    {
        public DateTimeOffset With(TimeSpan fallbackOffset) => new(WallTime, Offset ?? fallbackOffset);
    }

    public static Parsed? Parse(string text)
    {
        text = text.Trim();
        if (text.Length < 10 || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }
        if (text.Length == 10)
        {
            return new Parsed(day.ToDateTime(TimeOnly.MinValue), null);
        }
        if (HasZone(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? new Parsed(at.DateTime, at.Offset)
                : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new Parsed(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
    }

    /// <summary>Resolves every time of a list to an instant (see the class remarks); null entries stay null.</summary>
    public static IReadOnlyList<DateTimeOffset?> Resolve(IReadOnlyList<Parsed?> dates, TimeSpan? fallbackOffset)
    {
        var result = new DateTimeOffset?[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] is { } d)
            {
                result[i] = d.With(d.Offset ?? NearestOffset(dates, i) ?? fallbackOffset ?? TimeSpan.Zero);
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
