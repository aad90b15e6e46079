using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Ebay;

/// <summary>The Sell Fulfillment API's daily call limit per account, and eBay's 429, against the eBay simulator.</summary>
public sealed class EbayQuotaTests
{
    private const string ShippedOrder = "21-10002-00023";

    [Fact]
    public async Task An_account_stops_calling_when_its_daily_limit_is_used_up_and_resumes_after_UTC_midnight()
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
        Assert.Equal("ebay: the daily call limit of 8 calls (Marketplaces:Ebay:DailyCallLimit) is used up for this account; " +
            "calls resume at 2026-03-11T00:00:00Z", refused.FailureReason);
        Assert.Equal(refused.FailureReason, refusedAgain.FailureReason);
        Assert.Equal(8, bed.Simulator.Faults.TrackingCalls); // the refused ones never reached eBay
        Assert.Equal(8, client.CallsToday(account));

        // One second before the reset it still waits; at midnight UTC the day's count starts again.
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 59, 59, TimeSpan.Zero));
        Assert.False((await client.FetchOrderAsync(account, ShippedOrder, CancellationToken.None)).IsSuccess);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var resumed = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);

        Assert.True(resumed.IsSuccess, resumed.FailureReason);
        Assert.Equal(7, resumed.Orders.Count);
        Assert.Equal(6, client.CallsToday(account));
        Assert.Equal(14, bed.Simulator.Faults.TrackingCalls);
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
    public void Counts_are_per_account_and_per_UTC_day_and_a_block_outlives_the_reset_only_as_long_as_it_says()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero));
        var quota = new EbayDailyQuota(2, clock);

        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.False(quota.TryTake("a", out var until, out var first, out var limitReached));
        Assert.False(quota.TryTake("a", out _, out var second, out _));
        Assert.True(quota.TryTake("b", out _, out _, out _));

        Assert.Equal((new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), true, false, true), (until, first, second, limitReached));
        quota.Block("b", new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromHours(1)); // 00:00 UTC: a new day
        Assert.True(quota.TryTake("a", out _, out _, out _));
        Assert.False(quota.TryTake("b", out var blockedUntil, out _, out var byUs));
        Assert.Equal((new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero), false), (blockedUntil, byUs));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(quota.TryTake("b", out _, out _, out _));
        Assert.Equal((1, 1), (quota.CallsToday("a"), quota.CallsToday("b")));
    }
}
