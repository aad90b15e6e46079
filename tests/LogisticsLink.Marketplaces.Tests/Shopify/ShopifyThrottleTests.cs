using LogisticsLink.Marketplaces.Tests.Loopback;

namespace LogisticsLink.Marketplaces.Tests.Shopify;

/// <summary>
/// Cost-based throttling, on one fake clock for the simulator's bucket and the client's pauses: the client reads
/// <c>extensions.cost.throttleStatus</c> and waits before a query the bucket cannot pay for yet.
/// </summary>
public sealed class ShopifyThrottleTests
{
    [Fact]
    public async Task A_low_bucket_makes_the_client_wait_before_the_next_page_so_it_is_never_throttled()
    {
        // A page of 2 requests 2 + 2×2 = 6 points; the bucket holds 10 and refills 1 point a second.
        await using var bed = await ShopifyTestBed.StartAsync(o => new() { ShopDomain = o.ShopDomain, AccessToken = o.AccessToken, MaximumAvailable = 10, RestoreRate = 1, CostPerOrder = 2 });
        var client = bed.Client(pageSize: 2, time: bed.Clock, resilience: o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromHours(1); // the fake clock runs while requests are in flight
        });

        var (orders, _, pages) = await FakeClockDriver.RunAsync(bed.Clock,
            () => ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", ShopifyTestBed.Everything));

        Assert.Equal(6, orders.Count);
        Assert.Equal(3, pages);
        Assert.Equal(0, bed.Simulator.Throttled);
        // Three pages cost 18 points from a bucket of 10 refilling 1 a second: the last one cannot be served before
        // 8 s have passed. Without the client's own pauses the simulator would have answered THROTTLED at least once.
        var served = bed.Simulator.ServedAt.ToList();
        Assert.True(served[2] - served[0] >= TimeSpan.FromSeconds(8), $"served over {served[2] - served[0]}");
    }

    [Fact]
    public async Task A_THROTTLED_answer_is_waited_out_and_asked_again()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(time: bed.Clock, resilience: o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromHours(1);
        });
        bed.Simulator.DrainBucket();

        var page = await FakeClockDriver.RunAsync(bed.Clock,
            () => client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None));

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(6, page.Orders.Count);
        Assert.Equal(1, bed.Simulator.Throttled);
        // 50 orders request 2 + 50×2 = 102 points at 100 a second from an empty bucket.
        Assert.True(Assert.Single(bed.Simulator.ServedAt) - ShopifyTestBed.Start >= TimeSpan.FromSeconds(1.02));
    }

    [Fact]
    public void The_bucket_estimate_refills_at_the_restore_rate_and_never_needs_more_than_the_maximum()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ShopifyTestBed.Start);
        var bucket = new LogisticsLink.Marketplaces.Shopify.ShopifyCostBucket(clock);
        Assert.Equal(TimeSpan.Zero, bucket.WaitBefore());

        bucket.Observe(new(RequestedQueryCost: 752, MaximumAvailable: 1000, CurrentlyAvailable: 666, RestoreRate: 50));
        Assert.Equal(TimeSpan.FromSeconds(1.72), bucket.WaitBefore());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(0.72), bucket.WaitBefore());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.WaitBefore());

        bucket.Observe(new(RequestedQueryCost: 5000, MaximumAvailable: 1000, CurrentlyAvailable: 0, RestoreRate: 100));
        Assert.Equal(TimeSpan.FromSeconds(10), bucket.WaitBefore());
    }

    [Fact]
    public void The_throttled_sample_answer_is_read_as_throttled_with_its_cost()
    {
        // Shopify's THROTTLED answer as posted on the Shopify community forum (reference §3).
        const string body = """
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],
             "extensions":{"cost":{"requestedQueryCost":752,"actualQueryCost":null,
               "throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":666,"restoreRate":50.0}}}}
            """;
        using var document = System.Text.Json.JsonDocument.Parse(body);

        var errors = LogisticsLink.Marketplaces.Shopify.ShopifyEnvelope.Errors(document.RootElement);
        var cost = LogisticsLink.Marketplaces.Shopify.ShopifyEnvelope.Cost(document.RootElement);

        Assert.True(Assert.Single(errors).IsThrottled);
        Assert.Equal(new LogisticsLink.Marketplaces.Shopify.ShopifyCost(752, 1000, 666, 50), cost);
    }
}
