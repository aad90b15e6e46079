using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>Incremental order sync against the simulator: what an order becomes, paging, cursors, windows.</summary>
public sealed class AmazonOrderSyncTests
{
    private static readonly DateTimeOffset From = AmazonTestBed.Start.AddDays(-7);

    private static async Task<List<ImportedOrder>> SyncAllAsync(AmazonMarketplaceClient client, string cursor, List<string>? cursors = null)
    {
        var orders = new List<ImportedOrder>();
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), cursor, From, CancellationToken.None);
            Assert.True(page.IsSuccess, page.FailureReason);
            orders.AddRange(page.Orders);
            cursor = page.NextCursor;
            cursors?.Add(cursor);
            if (!page.HasMore)
            {
                return orders;
            }
        }
        throw new Xunit.Sdk.XunitException("the sync never ended");
    }

    [Fact]
    public async Task A_first_sync_imports_every_demo_order_with_FBM_parcels_and_promises()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var orders = await SyncAllAsync(bed.Client(), "");

        Assert.Equal(bed.Simulator.Catalogue.Orders.Count, orders.Count);
        Assert.All(orders, o => Assert.Equal("amazon", o.Channel));

        var delayed = orders.Single(o => o.OrderId == "026-5550002-0000024");
        Assert.Equal(FulfillmentChannel.Merchant, delayed.FulfillmentChannel);
        Assert.Equal("SHIPPED", delayed.Status);
        Assert.Equal(AmazonDemoCatalogue.Uk, delayed.MarketplaceId);
        Assert.Equal("en", delayed.BuyerLanguage);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 23, 59, 59, TimeSpan.Zero), delayed.LatestDeliveryDate);
        var parcel = Assert.Single(delayed.Packages);
        Assert.Equal("LLSB2000000024", parcel.TrackingNumber);
        Assert.Equal("sandbox", parcel.Carrier);
        Assert.Equal("LogisticsLink Sandbox", parcel.CarrierName);
        Assert.Null(parcel.AmazonStatus);

        var late = orders.Single(o => o.OrderId == "113-5550008-0000000");
        Assert.Equal("UNSHIPPED", late.Status);
        Assert.Empty(late.Packages);
        Assert.Equal(AmazonTestBed.Start.AddHours(-6), late.LatestShipDate);

        var fba = orders.Single(o => o.OrderId == "302-5550011-0000000");
        Assert.Equal(FulfillmentChannel.Amazon, fba.FulfillmentChannel);
        Assert.Equal("de", fba.BuyerLanguage);
        Assert.Empty(fba.Packages);
        Assert.Equal(8, orders.Count(o => o.FulfillmentChannel == FulfillmentChannel.Merchant));
    }

    [Fact]
    public async Task Pages_follow_the_paging_token_region_by_region_without_duplicates()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var cursors = new List<string>();

        var orders = await SyncAllAsync(bed.Client(pageSize: 3), "", cursors);

        Assert.Equal(bed.Simulator.Catalogue.Orders.Count, orders.Select(o => o.OrderId).Distinct().Count());
        Assert.Equal(orders.Count, orders.Select(o => o.OrderId).Distinct().Count());
        // NA holds 7 orders (3 pages), EU 6 (2 pages).
        Assert.Equal(5, bed.Simulator.CallsTo("searchOrders"));
        Assert.All(cursors, c => Assert.StartsWith("amz1.", c));
    }

    [Fact]
    public async Task The_next_round_returns_only_orders_changed_since_the_last_one()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        var cursor = "";
        var first = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), cursor, From, CancellationToken.None);
        first = first.HasMore ? await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), first.NextCursor, From, CancellationToken.None) : first;
        Assert.False(first.HasMore);
        cursor = first.NextCursor;

        bed.FakeClock.Advance(TimeSpan.FromMinutes(30));
        var changed = bed.Simulator.Catalogue.Orders.Single(o => o.OrderId == "113-5550008-0000000") with
        {
            Status = "SHIPPED",
            LastUpdatedAt = bed.FakeClock.GetUtcNow().AddMinutes(-10),
            Packages = [new AmazonDemoPackage(AmazonDemoCatalogue.SandboxCarrier, "LLSB2000000080", bed.FakeClock.GetUtcNow().AddMinutes(-10), "Sandbox Tracked 48")],
        };
        bed.Simulator.Catalogue.Upsert(changed);

        var orders = new List<ImportedOrder>();
        var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), cursor, From, CancellationToken.None);
        orders.AddRange(page.Orders);
        while (page.HasMore)
        {
            page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), page.NextCursor, From, CancellationToken.None);
            orders.AddRange(page.Orders);
        }

        var only = Assert.Single(orders);
        Assert.Equal("113-5550008-0000000", only.OrderId);
        Assert.Equal("LLSB2000000080", Assert.Single(only.Packages).TrackingNumber);
    }

    [Fact]
    public async Task A_new_round_asked_at_the_same_instant_costs_no_searchOrders_call()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        var page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), "", From, CancellationToken.None);
        page = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), page.NextCursor, From, CancellationToken.None);
        Assert.False(page.HasMore);
        var calls = bed.Simulator.CallsTo("searchOrders");

        // The next window would be empty: it ends where the last one did (WindowEndLag before now).
        var again = await client.FetchChangedOrdersAsync(AmazonTestBed.Account(), page.NextCursor, From, CancellationToken.None);

        Assert.True(again.IsSuccess, again.FailureReason);
        Assert.Empty(again.Orders);
        Assert.False(again.HasMore);
        Assert.Equal(calls, bed.Simulator.CallsTo("searchOrders"));
    }

    [Fact]
    public async Task An_unreadable_cursor_starts_again_from_the_requested_start()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var page = await bed.Client().FetchChangedOrdersAsync(AmazonTestBed.Account(), "not-a-cursor", From, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.NotEmpty(page.Orders);
        Assert.StartsWith("amz1.", page.NextCursor);
    }

    [Fact]
    public async Task One_order_is_fetched_with_its_parcels()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(), "405-5550007-0000071", CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        var order = Assert.Single(page.Orders);
        Assert.Equal("PARTIALLY_SHIPPED", order.Status);
        Assert.Equal("fr", order.BuyerLanguage);
        Assert.Equal("LLSB2000000071", Assert.Single(order.Packages).TrackingNumber);
        Assert.Equal(1, bed.Simulator.CallsTo("getOrder"));
    }
}
