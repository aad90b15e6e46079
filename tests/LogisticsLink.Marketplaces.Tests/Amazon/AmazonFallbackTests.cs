using LogisticsLink.Domain.Orders;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>Orders v0 steps in when Orders v2026-01-01 refuses the route (404, or 403 not about the token).</summary>
public sealed class AmazonFallbackTests
{
    private static readonly DateTimeOffset From = AmazonTestBed.Start.AddDays(-7);
    private static readonly string[] Us = [AmazonDemoCatalogue.Us];

    [Fact]
    public async Task A_404_from_searchOrders_falls_back_to_getOrders_and_stays_there_for_a_while()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.OrdersV2026Refusal = AmazonOrdersV2026Refusal.NotFound;
        var client = bed.Client();

        var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(marketplaces: Us), "", From, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(7, page.Orders.Count);
        var fbm = page.Orders.Single(o => o.OrderId == "113-5550001-0000010");
        Assert.Equal(FulfillmentChannel.Merchant, fbm.FulfillmentChannel);
        Assert.Equal("Shipped", fbm.Status);
        Assert.NotNull(fbm.LatestDeliveryDate);
        Assert.Empty(fbm.Packages); // v0 never carried FBM tracking numbers
        Assert.True(fbm.IsPrime); // v0's IsPrime
        Assert.False(page.Orders.Single(o => o.OrderId == "113-5550005-0000056").IsPrime);
        var fba = page.Orders.Single(o => o.OrderId == "113-5550009-0000000");
        Assert.Equal(FulfillmentChannel.Amazon, fba.FulfillmentChannel);
        Assert.Null(fba.LatestDeliveryDate); // v0 gives windows for seller-fulfilled orders only
        Assert.Equal(1, bed.Simulator.CallsTo("searchOrders"));
        Assert.Equal(1, bed.Simulator.CallsTo("getOrders"));

        // Remembered: the next call goes to v0 at once, for orders too.
        bed.FakeClock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await client.FetchChangedOrdersAsync(AmazonTestBed.Account(marketplaces: Us), page.NextCursor, From, CancellationToken.None)).IsSuccess);
        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(marketplaces: Us), "113-5550001-0000010", CancellationToken.None)).IsSuccess);
        Assert.Equal(1, bed.Simulator.CallsTo("searchOrders"));
        Assert.Equal(0, bed.Simulator.CallsTo("getOrder"));
        Assert.Equal(2, bed.Simulator.CallsTo("getOrders"));

        // An hour later v2026 is tried again, and used when it answers.
        bed.Simulator.OrdersV2026Refusal = AmazonOrdersV2026Refusal.None;
        bed.FakeClock.Advance(TimeSpan.FromHours(1));
        var back = await client.FetchOrderAsync(AmazonTestBed.Account(marketplaces: Us), "113-5550001-0000010", CancellationToken.None);
        Assert.Equal("LLSB2000000010", Assert.Single(Assert.Single(back.Orders).Packages).TrackingNumber);
        Assert.True(back.Orders[0].IsPrime); // v2026's programs
        Assert.Equal(1, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_403_for_a_missing_role_on_getOrder_falls_back_to_v0_getOrder()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.OrdersV2026Refusal = AmazonOrdersV2026Refusal.Forbidden;

        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(), "302-5550011-0000000", CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        var order = Assert.Single(page.Orders);
        Assert.Equal(FulfillmentChannel.Amazon, order.FulfillmentChannel);
        Assert.Equal("Shipped", order.Status);
        Assert.Equal(AmazonDemoCatalogue.De, order.MarketplaceId);
        // The 403 was not about the token: no re-authentication.
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public async Task When_v0_fails_too_both_answers_are_in_the_reason()
    {
        await using var bed = await AmazonTestBed.StartAsync(TimeProvider.System);
        bed.Simulator.OrdersV2026Refusal = AmazonOrdersV2026Refusal.NotFound;
        bed.Simulator.Faults.Enqueue(Sandbox.SimulatorFault.None, Sandbox.SimulatorFault.ServerError);

        var page = await bed.Client(TimeProvider.System, maxRetries: 0)
            .FetchChangedOrdersAsync(AmazonTestBed.Account(marketplaces: Us), "", DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.Matches(@"^amazon: searchOrders HTTP 404 NotFound: .*; fallback getOrders \(v0\) HTTP 503 ServiceUnavailable", page.FailureReason);
    }
}
