namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// eBay's day for call limits: the daily quota resets at midnight Pacific time (marketplaces.md §4), so the count and
/// the wait after a spent quota follow America/Los_Angeles, daylight saving included (UTC−7 in summer, UTC−8 in
/// winter), not UTC.
/// </summary>
internal static class EbayQuotaDay
{
    /// <summary>
    /// The Pacific zone; on a machine without time-zone data, a fixed UTC−8 (Pacific standard time). That fallback
    /// resets an hour late in summer, which only holds calls a little longer, never sends them into a spent quota.
    /// </summary>
    public static readonly TimeZoneInfo Pacific = FindPacific();

    /// <summary>The fixed UTC−8 used when the machine has no America/Los_Angeles.</summary>
    public static readonly TimeZoneInfo FixedPacificStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("eBay-PST", TimeSpan.FromHours(-8), "Pacific Standard Time", "Pacific Standard Time");

    /// <summary>The eBay day <paramref name="now"/> falls in.</summary>
    public static DateOnly Of(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The next reset after <paramref name="now"/>: the following midnight in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset now, TimeZoneInfo zone)
    {
        var midnight = Of(now, zone).AddDays(1).ToDateTime(TimeOnly.MinValue);
        // US clocks change at 02:00, so midnight always exists once and its offset is unambiguous.
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo FindPacific() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out var zone) ? zone : FixedPacificStandardTime;
}
