using System.Globalization;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// A carrier's daily call budget (<c>Carriers:&lt;Name&gt;:DailyQuota</c>; DHL's starter plan allows 250 calls a day,
/// reset at 24:00 GMT, carriers.md l.238), enforced inside the carrier's pipeline (<see cref="CarrierResilience"/>).
/// Every request actually sent takes one call from the current UTC day's count, retries and token requests included,
/// as the carrier counts them; once the count reaches the budget no request is sent before the next 00:00 UTC, and the
/// refresh reports "not called" until then (<see cref="DailyQuotaSpentException"/>).
/// </summary>
/// <remarks>
/// eBay's daily limit (<c>EbayDailyQuota</c>) counts per seller account and resets at Pacific midnight; a carrier's
/// budget is one per connector and resets at UTC midnight, so the two share the idea, not the code.
/// </remarks>
public sealed class CarrierDailyQuota(int dailyQuota, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _calls;

    public int DailyQuota => dailyQuota;

    /// <summary>The next 00:00 UTC after <paramref name="now"/>, when the carrier starts a new day's count.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset now) => new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>Refuses at once, before a request waits for the rate limiter, when the day's budget is spent.</summary>
    /// <exception cref="DailyQuotaSpentException">No call is left before the next reset.</exception>
    public void ThrowIfSpent()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Roll(now);
            if (_calls >= dailyQuota)
            {
                throw new DailyQuotaSpentException(dailyQuota, NextReset(now));
            }
        }
    }

    /// <summary>Takes one call for a request about to be sent; throws when the day's budget is spent.</summary>
    /// <exception cref="DailyQuotaSpentException">No call is left before the returned reset.</exception>
    public void Take()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Roll(now);
            if (_calls >= dailyQuota)
            {
                throw new DailyQuotaSpentException(dailyQuota, NextReset(now));
            }
            _calls++;
        }
    }

    /// <summary>Calls sent this UTC day, for tests and diagnostics.</summary>
    public int CallsToday()
    {
        lock (_gate)
        {
            Roll(time.GetUtcNow());
            return _calls;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (_day != today)
        {
            _day = today;
            _calls = 0;
        }
    }
}

/// <summary>Thrown before a request is sent when the carrier's daily budget is spent; turned into a throttled result.</summary>
public sealed class DailyQuotaSpentException(int dailyQuota, DateTimeOffset resetsAt)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"daily quota of {dailyQuota} calls spent until {resetsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"))
{
    public DateTimeOffset ResetsAt { get; } = resetsAt;
}
