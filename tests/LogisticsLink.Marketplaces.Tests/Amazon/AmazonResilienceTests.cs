using LogisticsLink.Marketplaces.Tests.Loopback;
using LogisticsLink.Sandbox;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>Throttling (Amazon's 429 and our own usage-plan buckets), outages and broken bodies.</summary>
public sealed class AmazonResilienceTests
{
    private static readonly DateTimeOffset From = AmazonTestBed.Start.AddDays(-7);

    [Fact]
    public async Task A_429_without_Retry_After_ends_the_call_after_one_request_as_a_transient_failure()
    {
        // Amazon's 429 names no Retry-After: a retry within seconds would only spend the next token of the bucket.
        await using var bed = await AmazonTestBed.StartAsync();
        using var throttling = new ThrottledSellerHandler("Atzr|throttled-seller");
        using var http = new HttpClient(throttling);
        var client = bed.Client(maxRetries: 3, http: http);
        var throttled = AmazonTestBed.Account(refreshToken: "Atzr|throttled-seller");

        // The fake clock is driven so that, were the call retried after a back-off, the retries would happen.
        var page = await FakeClockDriver.RunAsync(bed.FakeClock,
            () => client.FetchOrderAsync(throttled, "113-5550001-0000010", CancellationToken.None));

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.StartsWith("amazon: getOrder HTTP 429 QuotaExceeded:", page.FailureReason);
        Assert.Equal(1, throttling.Throttled);
    }

    [Fact]
    public async Task After_a_429_the_operation_waits_for_its_bucket_to_refill_at_the_documented_rate()
    {
        // searchOrders: 0.0056/s, a token every 178.6 s. Other operations keep their own buckets.
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client(maxRetries: 3);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var throttled = await FakeClockDriver.RunAsync(bed.FakeClock,
            () => client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None));
        var refused = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None);
        var other = await client.FetchOrderAsync(AmazonTestBed.Account(), "113-5550001-0000010", CancellationToken.None);

        Assert.StartsWith("amazon: searchOrders HTTP 429 QuotaExceeded:", throttled.FailureReason);
        Assert.True(refused.Transient);
        Assert.StartsWith("amazon: searchOrders: usage plan used up (rate 0.0056/s, burst 20); next call possible in ", refused.FailureReason);
        Assert.Equal(1, bed.Simulator.CallsTo("searchOrders"));
        Assert.True(other.IsSuccess, other.FailureReason);

        bed.FakeClock.Advance(TimeSpan.FromSeconds(179));
        Assert.True((await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None)).IsSuccess);
        Assert.Equal(2, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task A_429_that_lasts_is_a_transient_failure_naming_QuotaExceeded()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        var client = bed.Client(TimeProvider.System, maxRetries: 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.StartsWith("amazon: searchOrders HTTP 429 QuotaExceeded: You exceeded your quota for the requested resource. [x-amzn-RequestId ", page.FailureReason);
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var page = await bed.Client(TimeProvider.System).FetchOrderAsync(AmazonTestBed.Account(), "113-5550001-0000010", CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(2, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task The_usage_plan_burst_is_respected_then_refilled_at_the_documented_rate()
    {
        // searchOrders: burst 20, rate 0.0056/s — a token every 178.6 s.
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        var account = AmazonTestBed.Account(marketplaces: [Sandbox.Marketplaces.Amazon.AmazonDemoCatalogue.Us]);
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await client.FetchChangedOrdersAsync(account, "", From, CancellationToken.None)).IsSuccess);
        }

        var refused = await client.FetchChangedOrdersAsync(account, "", From, CancellationToken.None);

        Assert.False(refused.IsSuccess);
        Assert.True(refused.Transient);
        Assert.Equal("amazon: searchOrders: usage plan used up (rate 0.0056/s, burst 20); next call possible in 179 s", refused.FailureReason);
        Assert.Equal(20, bed.Simulator.CallsTo("searchOrders"));

        bed.FakeClock.Advance(TimeSpan.FromSeconds(179));
        Assert.True((await client.FetchChangedOrdersAsync(account, "", From, CancellationToken.None)).IsSuccess);
        Assert.Equal(21, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task Buckets_are_per_account_so_one_seller_does_not_starve_another()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        var us = new[] { Sandbox.Marketplaces.Amazon.AmazonDemoCatalogue.Us };
        var first = AmazonTestBed.Account(marketplaces: us);
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await client.FetchChangedOrdersAsync(first, "", From, CancellationToken.None)).IsSuccess);
        }
        // Same app, another seller authorization: another refresh token (the simulator accepts only one, so the
        // answer is a refusal from LWA — but it is not a usage-plan refusal).
        var second = first with { Credentials = new Dictionary<string, string>(first.Credentials) { ["refresh_token"] = "Atzr|second-seller" } };

        var page = await client.FetchChangedOrdersAsync(second, "", From, CancellationToken.None);

        Assert.DoesNotContain("usage plan", page.FailureReason);
    }

    [Fact]
    public async Task One_sellers_429s_open_the_circuit_for_that_seller_only()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        using var throttling = new ThrottledSellerHandler("Atzr|throttled-seller");
        using var http = new HttpClient(throttling);
        var client = bed.Client(maxRetries: 0, http: http);
        var throttled = AmazonTestBed.Account(refreshToken: "Atzr|throttled-seller");
        const string orderId = "113-5550001-0000010";

        // Five 429s within the breaker's 30 s sampling window: enough to open a circuit (5 calls, all failed).
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.FetchOrderAsync(throttled, orderId, CancellationToken.None);
            Assert.False(failed.IsSuccess);
            // Our own getOrder bucket was emptied by the 429; let a token come back (0.5/s) so the next call is sent.
            bed.FakeClock.Advance(TimeSpan.FromSeconds(2));
        }
        var refused = await client.FetchOrderAsync(throttled, orderId, CancellationToken.None);

        var other = await client.FetchOrderAsync(AmazonTestBed.Account(), orderId, CancellationToken.None);

        Assert.True(other.IsSuccess, other.FailureReason);
        Assert.Equal(orderId, Assert.Single(other.Orders).OrderId);
        Assert.StartsWith("amazon: not called (", refused.FailureReason);
        Assert.Equal(5, throttling.Throttled);
    }

    [Fact]
    public async Task A_malformed_body_is_a_transient_failure_and_the_next_call_is_fine()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.Equal("amazon: malformed response (the body is not JSON)", page.FailureReason);
        Assert.True((await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task The_callers_cancellation_is_the_only_exception()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            bed.Client(TimeProvider.System).FetchOrderAsync(AmazonTestBed.Account(), "113-5550001-0000010", cancel.Token));
    }
}
