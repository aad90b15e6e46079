using System.Diagnostics;
using System.Globalization;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.Marketplaces.Shopify;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Marketplaces.Tests.Shopify;

/// <summary>Orders, fulfillments, paging, incremental cursors and failures against the Shopify simulator.</summary>
public sealed class ShopifyImportTests
{
    private static string Id(int name) => ShopifyDemoCatalogue.IdOf(name).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_full_sync_pages_through_every_order_oldest_change_first()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(pageSize: 4);

        var (orders, _, pages) = await ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", ShopifyTestBed.Everything);

        Assert.Equal(2, pages);
        Assert.Equal(6, orders.Count);
        Assert.Equal(orders.OrderBy(o => o.LastUpdatedAt).Select(o => o.OrderId), orders.Select(o => o.OrderId));
        Assert.All(orders, o =>
        {
            Assert.Equal("shopify", o.Channel);
            Assert.Equal(FulfillmentChannel.Merchant, o.FulfillmentChannel);
            Assert.Equal(ShopifyTestBed.ShopDomain, o.MarketplaceId);
        });
    }

    [Fact]
    public async Task Tracking_numbers_become_packages_with_mapped_carriers_and_voided_labels_are_left_out()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();

        var (orders, _, _) = await ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", ShopifyTestBed.Everything);
        var byId = orders.ToDictionary(o => o.OrderId);

        var split = byId[Id(1002)];
        Assert.Equal("#1002", split.OrderName);
        Assert.Equal(["LLSB0000010021", "LLSB0000010024"], split.Packages.Select(p => p.TrackingNumber));
        Assert.All(split.Packages, p => Assert.Equal("sandbox", p.Carrier));
        Assert.Equal("LogisticsLink Sandbox", split.Packages[0].CarrierName);
        Assert.Equal(ShopifyTestBed.Start - TimeSpan.FromDays(3), split.Packages[0].ShippedAt);
        Assert.Equal(ShopifyTestBed.Start + TimeSpan.FromDays(1), split.Packages[0].EstimatedArrival);
        Assert.Equal("en-GB", split.BuyerLanguage);
        Assert.Equal("FULFILLED", split.Status);

        // "Other" is no carrier we know: the number's format decides later.
        var other = Assert.Single(byId[Id(1003)].Packages);
        Assert.Equal(("", "Other"), (other.Carrier, other.CarrierName));

        Assert.Equal(["LLSB0000010050"], byId[Id(1005)].Packages.Select(p => p.TrackingNumber));
        Assert.Empty(byId[Id(1004)].Packages);
        Assert.Equal("UNFULFILLED", byId[Id(1004)].Status);
    }

    [Fact]
    public async Task Every_order_carries_the_promise_of_its_fulfillment_order()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();
        var day = TimeSpan.FromDays(1);

        var (orders, _, _) = await ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", ShopifyTestBed.Everything);
        var one = await client.FetchOrderAsync(ShopifyTestBed.Account(), Id(1006), CancellationToken.None);
        var byId = orders.ToDictionary(o => o.OrderId);

        Assert.Equal((ShopifyTestBed.Start - day, ShopifyTestBed.Start + 2 * day), (byId[Id(1004)].LatestShipDate, byId[Id(1004)].LatestDeliveryDate));
        Assert.Equal((ShopifyTestBed.Start - 2 * day, ShopifyTestBed.Start + 3 * day), (byId[Id(1002)].LatestShipDate, byId[Id(1002)].LatestDeliveryDate));
        Assert.All(orders, o => Assert.True(o.LatestShipDate < o.LatestDeliveryDate));
        Assert.Equal(ShopifyTestBed.Start - 2 * day, Assert.Single(one.Orders).LatestDeliveryDate);
    }

    [Fact]
    public async Task The_next_sync_from_the_cursor_brings_only_orders_changed_since()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(pageSize: 4);
        var account = ShopifyTestBed.Account();
        var (_, cursor, _) = await ShopifyTestBed.SyncAllAsync(client, account, "", ShopifyTestBed.Everything);

        bed.Clock.Advance(TimeSpan.FromMinutes(10));
        bed.Simulator.AddFulfillment(ShopifyDemoCatalogue.IdOf(1004), "UPS", "1Z999AA10123456784");
        var (changed, next, pages) = await ShopifyTestBed.SyncAllAsync(client, account, cursor, ShopifyTestBed.Everything);

        Assert.Equal(1, pages);
        // The bound is inclusive, so the order that set the last high-water mark (#1006) is read once more: a repeat
        // is harmless, a change made in that same second is not lost.
        Assert.Equal([Id(1006), Id(1004)], changed.Select(o => o.OrderId));
        var order = changed[1];
        var package = Assert.Single(order.Packages);
        Assert.Equal(("ups", "1Z999AA10123456784"), (package.Carrier, package.TrackingNumber));
        Assert.NotEqual(cursor, next);
    }

    [Fact]
    public async Task An_order_that_becomes_visible_after_a_later_one_is_still_imported()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(pageSize: 4);
        var account = ShopifyTestBed.Account();
        var (first, cursor, _) = await ShopifyTestBed.SyncAllAsync(client, account, "", ShopifyTestBed.Everything);

        // An order changed three seconds before the latest one read shows up in the search only after that pass.
        var latest = first.Max(o => o.LastUpdatedAt)!.Value;
        var late = bed.Simulator.Orders.Single(o => o.Id == ShopifyDemoCatalogue.IdOf(1001)) with
        {
            Id = ShopifyDemoCatalogue.IdOf(1099),
            Name = "#1099",
            UpdatedAt = latest.AddSeconds(-3),
        };
        bed.Simulator.AddLateOrder(late);
        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var (next, _, _) = await ShopifyTestBed.SyncAllAsync(client, account, cursor, ShopifyTestBed.Everything);

        Assert.Contains(next, o => o.OrderId == Id(1099));
    }

    [Fact]
    public async Task More_orders_changed_than_Shopify_pages_in_one_search_are_all_imported_in_one_sync()
    {
        // Shopify stops paging a search after its limit (25,000 objects; 10 here): the importer must search again.
        await using var bed = await ShopifyTestBed.StartAsync(o => new ShopifySimulatorOptions
        {
            ShopDomain = o.ShopDomain,
            AccessToken = o.AccessToken,
            PaginationLimit = 10,
        });
        var template = bed.Simulator.Orders[0];
        for (var i = 0; i < 24; i++)
        {
            bed.Simulator.AddLateOrder(template with
            {
                Id = ShopifyDemoCatalogue.IdOf(1100 + i),
                Name = $"#{1100 + i}",
                UpdatedAt = ShopifyTestBed.Start - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(7 * i),
            });
        }
        var client = bed.Client(pageSize: 4, paginationLimit: 10);

        var (orders, _, _) = await ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", ShopifyTestBed.Everything);

        Assert.Equal(bed.Simulator.Orders.Select(o => o.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            orders.Select(o => o.OrderId).Distinct().Order());
    }

    [Fact]
    public async Task More_orders_changed_in_one_second_than_a_search_pages_through_do_not_make_the_import_search_forever()
    {
        // A search again from the same second would list the same orders: the pass pages on as far as Shopify lets it.
        await using var bed = await ShopifyTestBed.StartAsync(o => new ShopifySimulatorOptions
        {
            ShopDomain = o.ShopDomain,
            AccessToken = o.AccessToken,
            PaginationLimit = 10,
        });
        var template = bed.Simulator.Orders[0];
        var second = ShopifyTestBed.Start - TimeSpan.FromHours(1);
        for (var i = 0; i < 14; i++)
        {
            bed.Simulator.AddLateOrder(template with { Id = ShopifyDemoCatalogue.IdOf(1200 + i), Name = $"#{1200 + i}", UpdatedAt = second });
        }
        var client = bed.Client(pageSize: 4, paginationLimit: 10);

        var (orders, _, pages) = await ShopifyTestBed.SyncAllAsync(client, ShopifyTestBed.Account(), "", second);

        Assert.Equal(3, pages);
        Assert.Equal(10, orders.Select(o => o.OrderId).Distinct().Count());
    }

    [Fact]
    public async Task One_order_is_fetched_by_its_numeric_id_and_an_unknown_one_is_a_clear_permanent_failure()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();

        var found = await client.FetchOrderAsync(ShopifyTestBed.Account(), Id(1006), CancellationToken.None);
        var missing = await client.FetchOrderAsync(ShopifyTestBed.Account(), "42", CancellationToken.None);
        var nonsense = await client.FetchOrderAsync(ShopifyTestBed.Account(), "#abc", CancellationToken.None);

        Assert.True(found.IsSuccess, found.FailureReason);
        Assert.Equal("LLSB0000010066", Assert.Single(Assert.Single(found.Orders).Packages).TrackingNumber);
        Assert.Equal("fr-FR", found.Orders[0].BuyerLanguage);
        Assert.False(missing.IsSuccess);
        Assert.False(missing.Transient);
        Assert.Contains("order 42 not found", missing.FailureReason);
        Assert.False(nonsense.IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_GraphQL_error_is_surfaced_with_its_message_and_code()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.FailNextQuery("Access denied for orders field. Required access: `read_orders` access scope.", "ACCESS_DENIED");

        var page = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Equal("shopify: GraphQL error: Access denied for orders field. Required access: `read_orders` access scope. (ACCESS_DENIED)", page.FailureReason);
    }

    [Fact]
    public async Task A_refused_token_is_a_permanent_failure_that_does_not_echo_the_token()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();

        var page = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(token: "shpat_wrong_secret"), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.StartsWith("shopify: HTTP 401 access token refused ([API] Invalid API key", page.FailureReason);
        Assert.DoesNotContain("shpat_wrong_secret", page.FailureReason);
        Assert.Equal(1, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_shop_domain_outside_myshopify_com_is_refused_without_a_call()
    {
        // No BaseUrl: the real Shopify hosts, which this check must never reach.
        using var http = new HttpClient();
        var client = new ShopifyMarketplaceClient(http, new MarketplaceOptions(), TimeProvider.System, NullLogger<ShopifyMarketplaceClient>.Instance);

        var page = await client.FetchChangedOrdersAsync(
            ShopifyTestBed.Account(domain: "intranet.local"), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Contains("not a shop's myshopify.com domain", page.FailureReason);
    }

    [Fact]
    public async Task An_HTTP_429_is_retried_after_its_Retry_After()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var started = Stopwatch.GetTimestamp();

        var page = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(6, page.Orders.Count);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task One_shops_429s_open_the_circuit_for_that_shop_only()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(resilience: o => o.MaxRetries = 0);
        // The simulator answers for any shop domain (BaseUrl replaces the host); only the token must match.
        var throttled = ShopifyTestBed.Account(domain: "throttled-shop.myshopify.com");
        bed.Simulator.Faults.Enqueue(Enumerable.Repeat(SimulatorFault.TooManyRequests, 5).ToArray());

        // Five 429s within the breaker's 30 s sampling window: enough to open a circuit (5 calls, all failed).
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.FetchChangedOrdersAsync(throttled, "", ShopifyTestBed.Everything, CancellationToken.None);
            Assert.StartsWith("shopify: HTTP 429", failed.FailureReason);
        }
        var refused = await client.FetchChangedOrdersAsync(throttled, "", ShopifyTestBed.Everything, CancellationToken.None);

        var other = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.True(other.IsSuccess, other.FailureReason);
        Assert.Equal(6, other.Orders.Count);
        Assert.StartsWith("shopify: not called (", refused.FailureReason);
        Assert.Equal(6, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task An_outage_that_lasts_is_a_transient_failure_and_a_malformed_body_too()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client(resilience: o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError, SimulatorFault.MalformedBody);

        var outage = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);
        var malformed = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);
        var fine = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.Equal((false, true), (outage.IsSuccess, outage.Transient));
        Assert.StartsWith("shopify: HTTP 503", outage.FailureReason);
        Assert.Equal((false, true), (malformed.IsSuccess, malformed.Transient));
        Assert.StartsWith("shopify: malformed response body", malformed.FailureReason);
        Assert.True(fine.IsSuccess, fine.FailureReason);
    }

    [Fact]
    public async Task An_unreadable_cursor_starts_again_from_the_start_date()
    {
        await using var bed = await ShopifyTestBed.StartAsync();
        var client = bed.Client();

        var page = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "not-a-cursor", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(6, page.Orders.Count);
    }
}
