using System.Globalization;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// When a UPS activity happened. UPS sends the scan's local wall time (<c>date</c> "YYYYMMDD" + <c>time</c> "HHMMSS")
/// and, in the current API, its UTC parts (<c>gmtDate</c>, <c>gmtTime</c>, <c>gmtOffset</c> "-05:00"). UTC times lose
/// their leading zero ("74700" is 07:47:00). Preference, most trustworthy first:
/// <list type="number">
/// <item>gmtDate + gmtTime: the instant, shown at gmtOffset when there is one. Both parts: a gmtDate whose gmtTime is
/// empty is no instant (read as midnight it would put an evening scan on the previous local day, before the scans
/// that preceded it), so the local parts decide;</item>
/// <item>local date + time with gmtOffset: the same instant, derived;</item>
/// <item>local date + time alone: read as if it were UTC. Wrong by the scan site's offset (at most ±14 h), but it is
/// the best UPS gives, and scans of one parcel in one time zone keep their order. Older payloads only have this;</item>
/// <item>a gmtDate alone, at midnight UTC: a day is still better than failing the whole answer for an undated scan.</item>
/// </list>
/// </summary>
public static class UpsTimestamps
{
    public static DateTimeOffset? Resolve(string localDate, string localTime, string gmtDate, string gmtTime, string gmtOffset)
    {
        var offset = ParseOffset(gmtOffset);
        if (gmtTime.Trim().Length > 0 && ParseDateTime(gmtDate, gmtTime) is { } utc)
        {
            return AtOffset(utc, offset);
        }
        if (ParseDateTime(localDate, localTime) is { } local)
        {
            return new DateTimeOffset(local, offset ?? TimeSpan.Zero);
        }
        return ParseDateTime(gmtDate, "") is { } day ? AtOffset(day, offset) : null;
    }

    private static DateTimeOffset AtOffset(DateTime utc, TimeSpan? offset)
    {
        var instant = new DateTimeOffset(utc, TimeSpan.Zero);
        return offset is { } o ? instant.ToOffset(o) : instant;
    }

    /// <summary>"YYYYMMDD" and "HHMMSS" (leading zeros optional, colons tolerated; a missing time is midnight).</summary>
    public static DateTime? ParseDateTime(string date, string time)
    {
        if (!DateTime.TryParseExact(date.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }
        var clock = ParseTime(time);
        return clock is null ? null : day + clock.Value.ToTimeSpan();
    }

    public static TimeOnly? ParseTime(string time)
    {
        var digits = time.Replace(":", "", StringComparison.Ordinal).Trim();
        if (digits.Length == 0)
        {
            return TimeOnly.MinValue;
        }
        if (digits.Length > 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        digits = digits.PadLeft(6, '0');
        var (h, m, s) = (int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..4], CultureInfo.InvariantCulture), int.Parse(digits[4..], CultureInfo.InvariantCulture));
        return h < 24 && m < 60 && s < 60 ? new TimeOnly(h, m, s) : null;
    }

    /// <summary>"-05:00", "+0100", "+1"; null when absent or not an offset.</summary>
    public static TimeSpan? ParseOffset(string offset)
    {
        var text = offset.Trim();
        if (text.Length < 2 || text[0] is not ('+' or '-'))
        {
            return null;
        }
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is not (1 or 2 or 4) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }
        var hours = int.Parse(digits.Length == 4 ? digits[..2] : digits, CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }
        var span = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -span : span;
    }
}
