using System.Globalization;
using LogisticsLink.Carriers.Time;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// When a USPS event happened. USPS sends the scan's local wall time (<c>eventTimestamp</c>, without an offset, or
/// with a misleading <c>Z</c> as in its own documentation: "2023-08-02T07:31:00Z" for 7:31 am in Richmond, VA), the
/// instant in UTC (<c>GMTTimestamp</c>) and the local offset (<c>GMTOffset</c>, "-05:00" in real answers, "-7:00"
/// in the spec, minutes such as "-420" in older examples). Preference, most trustworthy first:
/// <list type="number">
/// <item>GMTTimestamp: the instant, shown at GMTOffset, or at the offset the local time implies;</item>
/// <item>eventTimestamp (or older eventDate + eventTime) read as wall time, with GMTOffset;</item>
/// <item>the wall time alone: completed with the offset of a neighbouring event of the same parcel (<see cref="CarrierTimes"/>; its
/// neighbours were scanned in the same region), or read as UTC when none has.</item>
/// </list>
/// A <c>Z</c> or <c>+00:00</c> on eventTimestamp is never believed; any other explicit offset is.
/// </summary>
public static class UspsTimestamps
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss", "h:mm tt", "hh:mm tt", "h:mmtt", "h:mm:ss tt", "HHmm", "HHmmss"];

    /// <summary>One event's time; null when nothing in it can be placed on a calendar.</summary>
    public static CarrierTime? Read(string eventTimestamp, string gmtTimestamp, string gmtOffset, string eventDate = "", string eventTime = "")
    {
        var offset = ParseOffset(gmtOffset);
        var local = ParseLocal(eventTimestamp) ?? Combine(eventDate, eventTime.Length > 0 ? eventTime : eventTimestamp);
        if (ParseGmt(gmtTimestamp) is { } instant)
        {
            var shown = offset ?? (local is { Offset: null } wall ? Implied(wall.WallTime, instant) : local?.Offset) ?? TimeSpan.Zero;
            var at = instant.ToOffset(shown);
            return new CarrierTime(at.DateTime, shown);
        }
        if (local is { } l)
        {
            return l with { Offset = l.Offset ?? offset };
        }
        return null;
    }

    /// <summary>"-05:00", "-7:00", "+0100", "-5" (hours) or "-420" (minutes); null when absent or not an offset.</summary>
    public static TimeSpan? ParseOffset(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[0] is '+' or '-' ? text[1..] : text;
        int hours, minutes;
        if (digits.Split(':') is [var h, var m] && h.Length is 1 or 2 && m.Length == 2 && h.All(char.IsAsciiDigit) && m.All(char.IsAsciiDigit))
        {
            (hours, minutes) = (int.Parse(h, CultureInfo.InvariantCulture), int.Parse(m, CultureInfo.InvariantCulture));
        }
        else if (digits.Length is > 0 and <= 4 && digits.All(char.IsAsciiDigit))
        {
            var n = int.Parse(digits, CultureInfo.InvariantCulture);
            // Up to 14: hours. Four digits with a leading zero or a colon-less hhmm: hours and minutes. Else minutes.
            (hours, minutes) = n <= 14 ? (n, 0)
                : digits.Length == 4 && n % 100 < 60 && n / 100 <= 14 ? (n / 100, n % 100)
                : (n / 60, n % 60);
        }
        else
        {
            return null;
        }
        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }

    /// <summary>
    /// A local date-time ("2024-11-22T13:58:00", "2024-11-15 11:09:19.000000"): the wall time, and its offset only when
    /// one other than Z/+00:00 is written. A text without a calendar date (a bare time) is not a local date-time.
    /// </summary>
    public static CarrierTime? ParseLocal(string text)
    {
        text = text.Trim();
        if (!StartsWithDate(text))
        {
            return null;
        }
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            text = text[..^1];
        }
        else if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.Offset == TimeSpan.Zero
                ? new CarrierTime(withOffset.DateTime, null)
                : new CarrierTime(withOffset.DateTime, withOffset.Offset);
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new CarrierTime(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
    }

    /// <summary>A GMT date-time: with Z or an offset it is that instant; without, it is UTC by definition.</summary>
    public static DateTimeOffset? ParseGmt(string text)
    {
        text = text.Trim();
        if (!StartsWithDate(text))
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    /// <summary>A time of day as USPS writes them in windows ("09:00", "9:00 AM", "1400"); null otherwise.</summary>
    public static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text.Trim().ToUpperInvariant(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A calendar date ("2024-11-22", or the date part of a date-time); null otherwise.</summary>
    public static DateOnly? ParseDate(string text) =>
        text.Trim() is { Length: >= 10 } t && DateOnly.TryParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // The older split form: "August 2, 2023" + "7:31 am", or "2023-08-02" + "07:31:00".
    private static CarrierTime? Combine(string date, string time)
    {
        if (date.Trim().Length == 0)
        {
            return null;
        }
        return DateTime.TryParse($"{date.Trim()} {time.Trim()}", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wall)
            ? new CarrierTime(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), null)
            : null;
    }

    /// <summary>The offset a local wall time implies against the UTC instant, to the quarter hour; null if implausible.</summary>
    private static TimeSpan? Implied(DateTime wall, DateTimeOffset instant)
    {
        var quarters = Math.Round((wall - instant.UtcDateTime).TotalMinutes / 15);
        return Math.Abs(quarters) <= 14 * 4 ? TimeSpan.FromMinutes(quarters * 15) : null;
    }

    private static bool StartsWithDate(string text)
    {
        if (text.Length < 10)
        {
            return false;
        }
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7 ? text[i] != '-' : !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    // "+hh:mm"/"-hh:mm" after the time part; a date's own dashes come before the 'T' or the space.
    private static bool HasOffset(string text)
    {
        var t = text.IndexOfAny(['T', 't', ' ']);
        return t >= 0 && text.AsSpan(t + 1).IndexOfAny('+', '-') >= 0;
    }
}
