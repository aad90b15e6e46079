using System.Globalization;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD's lifecycle dates are the depot's wall time in US format without a zone (<c>8/17/2021 7:11:26 PM</c>), and the
/// login's <c>authTokenExpires</c> is an ISO wall time without an offset. The BE/NL services and their depots keep
/// Central European time, so a wall time is read in <see cref="Zone"/> (Europe/Brussels, with its summer time); a
/// wall time that falls twice in the autumn change is read as the earlier instant, one skipped in spring as the
/// instant after the gap. A date that does carry an offset keeps it.
/// </summary>
public static class DpdTimestamps
{
    private static readonly string[] WallFormats =
    [
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Europe/Brussels, or a fixed UTC+1 when the host has no time-zone database.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The instant of a DPD date, or null when the text is no date DPD writes.</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }
        return DateTime.TryParseExact(text, WallFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wall)
            ? InZone(wall, zone)
            : null;
    }

    /// <summary>A wall time of <paramref name="zone"/> as an instant (see the class remarks for the changeover hours).</summary>
    public static DateTimeOffset InZone(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Skipped by the spring change: the clock read this only because it had not been moved yet.
            var before = zone.GetUtcOffset(wall.AddHours(-3));
            return new DateTimeOffset(wall, before).ToOffset(zone.GetUtcOffset(wall.AddHours(3)));
        }
        if (zone.IsAmbiguousTime(wall))
        {
            return new DateTimeOffset(wall, zone.GetAmbiguousTimeOffsets(wall).Max());
        }
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

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

    private static TimeZoneInfo FindZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("DPD-CET", TimeSpan.FromHours(1), "Central European Time", "Central European Time");
}
