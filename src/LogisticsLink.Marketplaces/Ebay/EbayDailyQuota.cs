using System.Collections.Concurrent;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// The Sell Fulfillment API's daily call limit, kept per account (<see cref="EbayCredentials.Key"/>): every call to
/// the API (getOrders, getOrder, getShippingFulfillments, each retry included) takes one from the account's count of
/// the current eBay day (<see cref="EbayQuotaDay"/>: midnight to midnight Pacific time, when eBay resets its own count),
/// and an account whose count reached <c>Marketplaces:Ebay:DailyCallLimit</c> is not called again until the next
/// Pacific midnight. A 429 from eBay (the limit reached on eBay's side, whatever we counted) blocks the account until
/// its Retry-After, or without one until that same reset.
/// </summary>
/// <param name="day">The zone whose midnight resets the count; America/Los_Angeles (<see cref="EbayQuotaDay.Pacific"/>) unless a test says otherwise.</param>
internal sealed class EbayDailyQuota(int dailyLimit, TimeProvider time, TimeZoneInfo? day = null)
{
    private readonly TimeZoneInfo _day = day ?? EbayQuotaDay.Pacific;

    private readonly ConcurrentDictionary<string, AccountCount> _accounts = new(StringComparer.Ordinal);

    public int DailyLimit => dailyLimit;

    /// <summary>The next reset after <paramref name="now"/>: the following Pacific midnight, in UTC.</summary>
    public DateTimeOffset NextReset(DateTimeOffset now) => EbayQuotaDay.NextReset(now, _day);

    /// <summary>
    /// Takes one call for the account; false (and when it may call again) when its day's calls are used up or eBay
    /// asked it to wait. <paramref name="firstRefusal"/> is true only for the call that found the quota exhausted
    /// first, so the exhaustion is logged once, not once per refused call. <paramref name="limitReached"/> says whether
    /// our own count refused it (else eBay's 429 did).
    /// </summary>
    public bool TryTake(string accountKey, out DateTimeOffset blockedUntil, out bool firstRefusal, out bool limitReached)
    {
        var account = _accounts.GetOrAdd(accountKey, _ => new AccountCount());
        var now = time.GetUtcNow();
        lock (account.Gate)
        {
            var today = EbayQuotaDay.Of(now, _day);
            if (account.Day != today)
            {
                // A new eBay day: the count starts again (a Retry-After block still holds until it ends).
                account.Day = today;
                account.Calls = 0;
                account.RefusalLogged = account.BlockedUntil > now && account.RefusalLogged;
            }
            limitReached = false;
            if (account.BlockedUntil > now)
            {
                blockedUntil = account.BlockedUntil;
                firstRefusal = !account.RefusalLogged;
                account.RefusalLogged = true;
                return false;
            }
            if (account.Calls >= dailyLimit)
            {
                limitReached = true;
                blockedUntil = NextReset(now);
                firstRefusal = !account.RefusalLogged;
                account.RefusalLogged = true;
                return false;
            }
            account.Calls++;
            account.RefusalLogged = false;
            blockedUntil = default;
            firstRefusal = false;
            return true;
        }
    }

    /// <summary>eBay answered 429: no call for this account before <paramref name="until"/>.</summary>
    public void Block(string accountKey, DateTimeOffset until)
    {
        var account = _accounts.GetOrAdd(accountKey, _ => new AccountCount());
        lock (account.Gate)
        {
            if (until > account.BlockedUntil)
            {
                account.BlockedUntil = until;
                account.RefusalLogged = false;
            }
        }
    }

    /// <summary>Calls the account made this eBay (Pacific) day, for tests and diagnostics.</summary>
    public int CallsToday(string accountKey)
    {
        if (!_accounts.TryGetValue(accountKey, out var account))
        {
            return 0;
        }
        lock (account.Gate)
        {
            return account.Day == EbayQuotaDay.Of(time.GetUtcNow(), _day) ? account.Calls : 0;
        }
    }

    private sealed class AccountCount
    {
        public readonly Lock Gate = new();
        public DateOnly Day;
        public int Calls;
        public DateTimeOffset BlockedUntil;
        public bool RefusalLogged;
    }
}

/// <summary>Thrown (and turned into a failed page) when an account may not call eBay now.</summary>
internal sealed class EbayQuotaExhaustedException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
