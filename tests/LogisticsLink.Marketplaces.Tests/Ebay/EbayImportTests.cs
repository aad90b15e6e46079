using System.Text.Json;
using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Marketplaces.Tests.Loopback;
using LogisticsLink.Sandbox;

namespace LogisticsLink.Marketplaces.Tests.Ebay;

/// <summary>getOrders paging and cursors, shipping fulfillments, OAuth refresh, throttling and error bodies against the eBay simulator.</summary>
public sealed class EbayImportTests
{
    [Fact]
    public async Task A_full_sync_pages_with_limit_and_offset_and_reads_fulfillments_only_of_shipped_orders()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client(pageSize: 3);

        var (orders, _, pages) = await EbayTestBed.SyncAllAsync(client, EbayTestBed.Account(), "", EbayTestBed.Everything);

        Assert.Equal(3, pages);
        Assert.Equal(7, orders.Select(o => o.OrderId).Distinct().Count());
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
        var calls = bed.Simulator.Requests.ToList();
        Assert.Equal(3, calls.Count(c => c.Contains("filter=lastmodifieddate", StringComparison.Ordinal)));
        Assert.Contains(calls, c => c.Contains("limit=3&offset=6", StringComparison.Ordinal));
        // Five orders have shipped something; the unshipped and the cancelled one cost no extra call.
        Assert.Equal(5, calls.Count(c => c.EndsWith("/shipping_fulfillment", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Orders_carry_their_promise_status_marketplace_and_parcels()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client();

        var (orders, _, _) = await EbayTestBed.SyncAllAsync(client, EbayTestBed.Account(), "", EbayTestBed.Everything);
        var byId = orders.ToDictionary(o => o.OrderId);
        var day = TimeSpan.FromDays(1);

        var partial = byId["21-10002-00023"];
        Assert.Equal(("ebay", "IN_PROGRESS", "EBAY_US"), (partial.Channel, partial.Status, partial.MarketplaceId));
        var parcel = Assert.Single(partial.Packages);
        // eBay's "Other": no carrier code of ours, so the LLSB number's format decides later.
        Assert.Equal(("", "Other", "LLSB0000020023"), (parcel.Carrier, parcel.CarrierName, parcel.TrackingNumber));
        Assert.Equal(EbayTestBed.Start - 2 * day, parcel.ShippedAt);
        Assert.Equal(EbayTestBed.Start - 2 * day, partial.LatestShipDate);
        Assert.Equal(EbayTestBed.Start + 4 * day, partial.LatestDeliveryDate);

        Assert.Equal(("NOT_STARTED", EbayTestBed.Start - day), (byId["21-10004-00040"].Status, byId["21-10004-00040"].LatestShipDate));
        Assert.Empty(byId["21-10004-00040"].Packages);
        Assert.Equal(EbayTestBed.Start - 2 * day, byId["21-10005-00046"].LatestDeliveryDate);
        Assert.Equal("EBAY_GB", byId["21-10006-00052"].MarketplaceId);
        Assert.Equal("CANCELED", byId["21-10007-00000"].Status);
    }

    [Fact]
    public async Task The_next_sync_from_the_cursor_brings_only_orders_modified_since_the_last_pass()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client(pageSize: 3);
        var account = EbayTestBed.Account();
        var (_, cursor, _) = await EbayTestBed.SyncAllAsync(client, account, "", EbayTestBed.Everything);

        bed.Clock.Advance(TimeSpan.FromMinutes(10));
        bed.Simulator.ShipRemaining("21-10004-00040", "LLSB0000020049", "UPS");
        var (changed, _, pages) = await EbayTestBed.SyncAllAsync(client, account, cursor, EbayTestBed.Everything);

        Assert.Equal(1, pages);
        var order = Assert.Single(changed);
        Assert.Equal(("21-10004-00040", "FULFILLED"), (order.OrderId, order.Status));
        Assert.Equal(("ups", "LLSB0000020049"), (order.Packages[0].Carrier, order.Packages[0].TrackingNumber));
        Assert.Contains(bed.Simulator.Requests, r => r.Contains(
            "filter=lastmodifieddate%3A%5B2026-03-10T07%3A03%3A00.000Z..%5D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_user_token_is_reused_then_refreshed_shortly_before_it_expires()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client();
        var account = EbayTestBed.Account();

        Assert.True((await client.FetchOrderAsync(account, "21-10001-00010", CancellationToken.None)).IsSuccess);
        bed.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await client.FetchOrderAsync(account, "21-10001-00010", CancellationToken.None)).IsSuccess);
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);

        // expires_in 7200 s, renewed 60 s before: at 1 h 59 min 01 s a new token, with no 401 on the way.
        bed.Clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(1));
        Assert.True((await client.FetchOrderAsync(account, "21-10001-00010", CancellationToken.None)).IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public async Task A_401_reauthenticates_exactly_once_and_a_second_one_is_a_failure()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client();
        var account = EbayTestBed.Account();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var recovered = await client.FetchOrderAsync(account, "21-10004-00040", CancellationToken.None);
        Assert.True(recovered.IsSuccess, recovered.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);

        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);
        var refused = await client.FetchOrderAsync(account, "21-10004-00040", CancellationToken.None);
        Assert.False(refused.IsSuccess);
        Assert.False(refused.Transient);
        Assert.Equal("ebay: getOrder: HTTP 401 access token refused (1001 Invalid access token — Invalid access token. Check the value of the Authorization HTTP request header.)",
            refused.FailureReason);
        Assert.Equal(3, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public async Task A_refused_refresh_token_is_a_permanent_failure_that_names_no_secret()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client();

        var page = await client.FetchChangedOrdersAsync(EbayTestBed.Account(refreshToken: "v^1.1#revoked"), "", EbayTestBed.Everything, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.StartsWith("ebay: refresh token refused", page.FailureReason);
        Assert.Contains("invalid_grant", page.FailureReason);
        Assert.DoesNotContain("revoked", page.FailureReason);
        Assert.DoesNotContain(EbayTestBed.ClientSecret, page.FailureReason);
        Assert.Equal(0, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client(resilience: o => o.AttemptTimeout = TimeSpan.FromHours(1));
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var page = await FakeClockDriver.RunAsync(bed.Clock,
            () => client.FetchChangedOrdersAsync(EbayTestBed.Account(), "", EbayTestBed.Everything, CancellationToken.None));

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(7, page.Orders.Count);
        // The getOrders call was made twice, the second no sooner than the Retry-After: 1 the 429 asked for.
        Assert.Equal(2 + 5, bed.Simulator.Faults.TrackingCalls);
        Assert.True(bed.Clock.GetUtcNow() - EbayTestBed.Start >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Error_bodies_become_clear_failures_transient_or_not()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client(resilience: o => o.MaxRetries = 0);
        var account = EbayTestBed.Account();

        var missing = await client.FetchOrderAsync(account, "99-99999-99999", CancellationToken.None);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var throttled = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(1)); // the 429's Retry-After: 1
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);
        var malformed = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);

        Assert.Equal((false, false), (missing.IsSuccess, missing.Transient));
        Assert.Equal("ebay: getOrder: HTTP 404 not found (32100 Invalid order ID: 99-99999-99999)", missing.FailureReason);
        Assert.Equal((false, true), (throttled.IsSuccess, throttled.Transient));
        Assert.Equal("ebay: getOrders: HTTP 429 call limit reached (2001 Too many requests. The request limit has been reached for the resource.)" +
            "; calls resume at 2026-03-10T07:05:01Z", throttled.FailureReason);
        Assert.Equal((false, true), (malformed.IsSuccess, malformed.Transient));
        Assert.StartsWith("ebay: malformed response body", malformed.FailureReason);
    }

    [Fact]
    public async Task Missing_credentials_are_named_without_a_call()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var client = bed.Client();
        var account = new LogisticsLink.Domain.Orders.MarketplaceAccount("tenant-a", "ebay",
            new Dictionary<string, string> { ["client_id"] = EbayTestBed.ClientId }, []);

        var page = await client.FetchChangedOrdersAsync(account, "", EbayTestBed.Everything, CancellationToken.None);

        Assert.Equal("ebay: the account lacks the credential(s) client_secret, refresh_token", page.FailureReason);
        Assert.Equal(0, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public void A_documented_order_and_its_shipping_fulfillments_parse()
    {
        const string order = """
            {"orderId":"12-34567-89012","legacyOrderId":"110425812345!2710123456789","creationDate":"2026-02-01T10:11:12.000Z",
             "lastModifiedDate":"2026-02-02T09:00:00.000Z","orderFulfillmentStatus":"FULFILLED","orderPaymentStatus":"PAID",
             "fulfillmentHrefs":["https://api.ebay.com/sell/fulfillment/v1/order/12-34567-89012/shipping_fulfillment/9405509699937003457459"],
             "cancelStatus":{"cancelState":"NONE_REQUESTED","cancelRequests":[]},
             "fulfillmentStartInstructions":[{"fulfillmentInstructionsType":"SHIP_TO","maxEstimatedDeliveryDate":"2026-02-08T08:00:00.000Z"}],
             "lineItems":[{"lineItemId":"1000","purchaseMarketplaceId":"EBAY_DE","listingMarketplaceId":"EBAY_DE",
               "lineItemFulfillmentInstructions":{"shipByDate":"2026-02-03T22:59:59.000Z","maxEstimatedDeliveryDate":"2026-02-07T08:00:00.000Z"}},
               {"lineItemId":"1001","lineItemFulfillmentInstructions":{"shipByDate":"2026-02-04T22:59:59.000Z","maxEstimatedDeliveryDate":"2026-02-09T08:00:00.000Z"}}]}
            """;
        const string fulfillments = """
            {"fulfillments":[
              {"fulfillmentId":"9405509699937003457459","lineItems":[{"lineItemId":"1000","quantity":1}],
               "shipmentTrackingNumber":"9405509699937003457459","shippedDate":"2026-02-02T08:30:00.000Z","shippingCarrierCode":"USPS"},
              {"fulfillmentId":"9405509699937003457459b","lineItems":[{"lineItemId":"1001","quantity":1}],
               "shipmentTrackingNumber":"9405509699937003457459","shippedDate":"2026-02-02T08:31:00.000Z","shippingCarrierCode":"USPS"}],
             "total":2,"warnings":[]}
            """;
        using var orderJson = JsonDocument.Parse(order);
        using var fulfillmentsJson = JsonDocument.Parse(fulfillments);

        Assert.True(EbayOrderParser.MayHaveFulfillments(orderJson.RootElement));
        var imported = EbayOrderParser.Parse(orderJson.RootElement, EbayOrderParser.Packages(fulfillmentsJson.RootElement));

        Assert.Equal(("12-34567-89012", "FULFILLED", "EBAY_DE"), (imported.OrderId, imported.Status, imported.MarketplaceId));
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 22, 59, 59, TimeSpan.Zero), imported.LatestShipDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 9, 8, 0, 0, TimeSpan.Zero), imported.LatestDeliveryDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), imported.LastUpdatedAt);
        // One parcel per distinct number.
        var parcel = Assert.Single(imported.Packages);
        Assert.Equal(("usps", "USPS", "9405509699937003457459"), (parcel.Carrier, parcel.CarrierName, parcel.TrackingNumber));
        Assert.Equal(new DateTimeOffset(2026, 2, 2, 8, 30, 0, TimeSpan.Zero), parcel.ShippedAt);
        // getShippingFulfillments lists them all: a number it stops listing was replaced.
        Assert.True(imported.ListsEveryPackage);
    }

    [Fact]
    public void Error_bodies_are_summarised_with_id_message_and_long_message()
    {
        Assert.Equal("30800 Invalid filter value — The filter is invalid.; 2001 Too many requests.",
            EbayErrors.Describe("""
                {"errors":[{"errorId":30800,"domain":"API_FULFILLMENT","category":"REQUEST","message":"Invalid filter value","longMessage":"The filter is invalid."},
                           {"errorId":2001,"domain":"ACCESS","category":"REQUEST","message":"Too many requests.","longMessage":"Too many requests."}]}
                """));
        Assert.Equal("", EbayErrors.Describe("<html>502</html>"));
    }
}
