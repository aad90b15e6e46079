using System.Globalization;
using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Ebay;

/// <summary>The Sell Fulfillment API's daily call limit per account, and eBay's 429, against the eBay simulator.</summary>
public sealed class EbayQuotaTests
{
    private const string ShippedOrder = "21-10002-00023";

    [Fact]
    public async Task An_account_stops_calling_when_its_daily_limit_is_used_up_and_resumes_at_Pacific_midnight()
    {
        await using var bed = await EbayTestBed.StartAsync();
        // A full sync costs 6 calls (getOrders + 5 getShippingFulfillments), one shipped order 2: exactly 8.
        var client = bed.Client(dailyCallLimit: 8);
        var account = EbayTestBed.Account();

        var sync = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);
        var one = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);
        var refused = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);
        var refusedAgain = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);

        Assert.True(sync.IsSuccess, sync.FailureReason);
        Assert.True(one.IsSuccess, one.FailureReason);
        Assert.Equal((false, false), (refused.IsSuccess, refused.Transient));
        // 2026-03-10 07:05 UTC is 00:05 PDT (DST began on 8 March): eBay's day ends at 2026-03-11 00:00 PDT = 07:00 UTC.
        Assert.Equal("ebay: the daily call limit of 8 calls (Marketplaces:Ebay:DailyCallLimit) is used up for this account; " +
            "calls resume at 2026-03-11T07:00:00Z", refused.FailureReason);
        Assert.Equal(refused.FailureReason, refusedAgain.FailureReason);
        Assert.Equal(8, bed.Simulator.Faults.TrackingCalls); // the refused ones never reached eBay
        Assert.Equal(8, client.CallsToday(account));

        // UTC midnight is not eBay's: still the same Pacific day, still refused, up to one second before the reset.
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero));
        Assert.False((await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None)).IsSuccess);
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 6, 59, 59, TimeSpan.Zero));
        Assert.False((await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None)).IsSuccess);
        Assert.Equal(8, client.CallsToday(account));
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var resumed = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);

        Assert.True(resumed.IsSuccess, resumed.FailureReason);
        Assert.Equal(7, resumed.Orders.Count);
        Assert.Equal(6, client.CallsToday(account));
        Assert.Equal(14, bed.Simulator.Faults.TrackingCalls);
    }

    [Theory]
    [InlineData("2026-07-15T23:30:00Z", "2026-07-16T07:00:00Z")] // PDT, UTC-7
    [InlineData("2026-11-15T23:30:00Z", "2026-11-16T08:00:00Z")] // PST, UTC-8
    public async Task A_429_without_Retry_After_holds_the_account_until_the_next_Pacific_midnight_not_UTC_midnight(string at, string resumesAt)
    {
        await using var bed = await EbayTestBed.StartAsync();
        using var http = new HttpClient(new WithoutRetryAfter { InnerHandler = new SocketsHttpHandler() });
        var client = bed.Client(resilience: o => o.MaxRetries = 0, http: http);
        var account = EbayTestBed.Account();
        bed.Clock.SetUtcNow(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var throttled = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);
        bed.Clock.SetUtcNow(bed.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1)); // 00:00 UTC: not eBay's reset
        var atUtcMidnight = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);
        var callsWhileHeld = bed.Simulator.Faults.TrackingCalls;
        bed.Clock.SetUtcNow(DateTimeOffset.Parse(resumesAt, CultureInfo.InvariantCulture));
        await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);

        Assert.Equal((false, false), (throttled.IsSuccess, throttled.Transient));
        Assert.EndsWith($"; calls resume at {resumesAt}", throttled.FailureReason);
        Assert.Equal($"ebay: eBay refused further calls of this account (HTTP 429); calls resume at {resumesAt}", atUtcMidnight.FailureReason);
        Assert.Equal(1, callsWhileHeld);
        Assert.True(bed.Simulator.Faults.TrackingCalls > callsWhileHeld, "the account calls eBay again at the Pacific reset");
    }

    [Fact]
    public async Task A_429_that_retries_do_not_get_past_holds_the_account_for_its_Retry_After_without_calling()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client(resilience: o => o.MaxRetries = 0);
        var account = EbayTestBed.Account();
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var throttled = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);
        var held = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None);

        Assert.Equal((false, true), (throttled.IsSuccess, throttled.Transient));
        Assert.EndsWith("; calls resume at 2026-03-10T07:05:01Z", throttled.FailureReason);
        Assert.Equal((false, false), (held.IsSuccess, held.Transient));
        Assert.Equal("ebay: eBay refused further calls of this account (HTTP 429); calls resume at 2026-03-10T07:05:01Z", held.FailureReason);
        Assert.True(after.IsSuccess, after.FailureReason);
        Assert.Equal(1 + 2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public void Counts_are_per_account_and_per_Pacific_day_and_a_block_outlives_the_reset_only_as_long_as_it_says()
    {
        // 2026-03-11 06:00 UTC is 23:00 PDT on 10 March: an hour before eBay's reset (07:00 UTC), six after UTC midnight.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 6, 0, 0, TimeSpan.Zero));
        var quota = new EbayDailyQuota(2, clock);

        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.False(quota.TryTake("a", out var until, out var first, out var limitReached));
        Assert.False(quota.TryTake("a", out _, out var second, out _));
        Assert.True(quota.TryTake("b", out _, out _, out _));

        Assert.Equal((new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero), true, false, true), (until, first, second, limitReached));
        quota.Block("b", new DateTimeOffset(2026, 3, 11, 7, 30, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromHours(1)); // 00:00 PDT: a new eBay day
        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.False(quota.TryTake("b", out var blockedUntil, out _, out var byUs));
        Assert.Equal((new DateTimeOffset(2026, 3, 11, 7, 30, 0, TimeSpan.Zero), false), (blockedUntil, byUs));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(quota.TryTake("b", out _, out _, out _));
        Assert.Equal((1, 1), (quota.CallsToday("a"), quota.CallsToday("b")));
    }

    [Theory]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16T08:00:00Z")] // PST
    [InlineData("2026-07-15T23:30:00Z", "2026-07-16T07:00:00Z")] // PDT
    [InlineData("2026-07-16T06:59:59Z", "2026-07-16T07:00:00Z")] // one second before the reset
    [InlineData("2026-07-16T07:00:00Z", "2026-07-17T07:00:00Z")] // at the reset: the next one
    [InlineData("2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z")] // 23:30 PST on 7 March: midnight is still PST
    [InlineData("2026-03-08T09:30:00Z", "2026-03-09T07:00:00Z")] // 01:30 PST on 8 March, the day clocks spring forward: it ends at midnight PDT
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z")] // 23:30 PDT on 31 October
    [InlineData("2026-11-01T08:30:00Z", "2026-11-02T08:00:00Z")] // 01:30 PDT on 1 November, a 25-hour day ending in PST
    public void The_reset_is_the_next_midnight_in_Los_Angeles_across_daylight_saving_changes(string now, string reset)
    {
        var at = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(reset, CultureInfo.InvariantCulture), new EbayDailyQuota(1, new FakeTimeProvider(at)).NextReset(at));
    }

    [Fact]
    public void Without_the_Los_Angeles_zone_the_day_is_a_fixed_UTC_minus_8()
    {
        var summer = new DateTimeOffset(2026, 7, 15, 23, 30, 0, TimeSpan.Zero);
        var quota = new EbayDailyQuota(1, new FakeTimeProvider(summer), EbayQuotaDay.FixedPacificStandardTime);

        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.False(quota.TryTake("a", out var until, out _, out _));
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 8, 0, 0, TimeSpan.Zero), until);
    }

    /// <summary>eBay's 429 as it comes when the daily quota is spent: without a Retry-After.</summary>
    private sealed class WithoutRetryAfter : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Headers.RetryAfter = null;
            return response;
        }
    }
}
