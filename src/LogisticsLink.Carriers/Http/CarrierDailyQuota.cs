using System.Globalization;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// A carrier's daily call budget (<c>Carriers:&lt;Name&gt;:DailyQuota</c>; DHL's starter plan allows 250 calls a day,
/// reset at 24:00 GMT, carriers.md l.238), enforced inside the carrier's pipeline (<see cref="CarrierResilience"/>).
/// Every request actually sent takes one call from the current UTC day's count, retries and token requests included,
/// as the carrier counts them; once the count reaches the budget no request is sent before the next 00:00 UTC, and the
/// refresh reports "not called" until then (<see cref="DailyQuotaSpentException"/>). A carrier that says its own daily
/// quota is spent (FedEx's 429 "Retry after 12:00AM GMT", carriers.md l.170) closes the day the same way
/// (<see cref="SpendUntilNextReset"/>), with or without a budget of ours (0: count nothing, only honour the carrier's word).
/// The day being spent is logged once (<see cref="DailyQuotaLog"/>), not each refusal that follows.
/// </summary>
/// <remarks>
/// eBay's daily limit (<c>EbayDailyQuota</c>) counts per seller account and resets at Pacific midnight; a carrier's
/// budget is one per connector and resets at UTC midnight, so the two share the idea, not the code.
/// </remarks>
/// <param name="log">Where the day being spent is told, once per reset; null: nowhere (tests, pipelines of no carrier).</param>
public sealed class CarrierDailyQuota(int dailyQuota, TimeProvider time, DailyQuotaLog? log = null)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _calls;
    private DateTimeOffset _spentUntil;
    private string _spentBecause = "";
    private DateTimeOffset _toldUntil;

    public int DailyQuota => dailyQuota;

    /// <summary>The next 00:00 UTC after <paramref name="now"/>, when the carrier starts a new day's count.</summary>
    public static DateTimeOffset NextReset(DateTimeOffset now) => new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>Refuses at once, before a request waits for the rate limiter, when the day's budget is spent.</summary>
    /// <exception cref="DailyQuotaSpentException">No call is left before the next reset.</exception>
    public void ThrowIfSpent()
    {
        var now = time.GetUtcNow();
        try
        {
            lock (_gate)
            {
                Roll(now);
                ThrowWhenSpent(now);
            }
        }
        catch (DailyQuotaSpentException e)
        {
            TellOnce(e);
            throw;
        }
    }

    /// <summary>Takes one call for a request about to be sent; throws when the day's budget is spent.</summary>
    /// <exception cref="DailyQuotaSpentException">No call is left before the next reset.</exception>
    public void Take()
    {
        var now = time.GetUtcNow();
        try
        {
            lock (_gate)
            {
                Roll(now);
                ThrowWhenSpent(now);
                _calls++;
            }
        }
        catch (DailyQuotaSpentException e)
        {
            TellOnce(e);
            throw;
        }
    }

    /// <summary>
    /// The carrier answered that its day's quota is spent (<paramref name="because"/>, its words): no call before the
    /// next reset. Returns the refusal to report for the call that got that answer.
    /// </summary>
    public DailyQuotaSpentException SpendUntilNextReset(string because)
    {
        var now = time.GetUtcNow();
        DailyQuotaSpentException spent;
        lock (_gate)
        {
            var reset = NextReset(now);
            if (reset > _spentUntil)
            {
                (_spentUntil, _spentBecause) = (reset, because);
            }
            spent = new DailyQuotaSpentException(Describe(_spentUntil), _spentUntil, answered: true);
        }
        TellOnce(spent);
        return spent;
    }

    /// <summary>Logs the day being spent the first time a refusal until that reset is seen; never again until then.</summary>
    private void TellOnce(DailyQuotaSpentException spent)
    {
        lock (_gate)
        {
            if (log is null || spent.ResetsAt <= _toldUntil)
            {
                return;
            }
            _toldUntil = spent.ResetsAt;
        }
        log.Spent(dailyQuota, spent.ResetsAt, spent.Message);
    }

    private void ThrowWhenSpent(DateTimeOffset now)
    {
        if (_spentUntil > now)
        {
            throw new DailyQuotaSpentException(Describe(_spentUntil), _spentUntil, answered: false);
        }
        if (dailyQuota > 0 && _calls >= dailyQuota)
        {
            var reset = NextReset(now);
            throw new DailyQuotaSpentException(
                string.Create(CultureInfo.InvariantCulture, $"daily quota of {dailyQuota} calls spent until {Day(reset)}"), reset, answered: false);
        }
    }

    private string Describe(DateTimeOffset until) => $"daily quota spent until {Day(until)}: {_spentBecause}";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

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

/// <summary>
/// A call refused because a daily quota is spent until <see cref="ResetsAt"/>: by our count before anything was sent, or
/// by the carrier's own answer (<see cref="Answered"/>). Turned into a throttled result (<see cref="CarrierHttp.Failure(string, Exception)"/>).
/// </summary>
public sealed class DailyQuotaSpentException(string message, DateTimeOffset resetsAt, bool answered) : Exception(message)
{
    public DateTimeOffset ResetsAt { get; } = resetsAt;

    /// <summary>The carrier was asked and said so; false: nothing was sent.</summary>
    public bool Answered { get; } = answered;
}
