using System.Net;
using System.Text;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Shopify;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Marketplaces.Tests.Shopify;

/// <summary>One order of a page that cannot be read does not stop the shop's import.</summary>
public sealed class ShopifyUnreadableOrderTests
{
    /// <summary>An orders page whose second order has a date that is no date and whose third has no id at all.</summary>
    private const string Answer = """
        {"data":{"orders":{
          "pageInfo":{"hasNextPage":false,"endCursor":"c3"},
          "nodes":[
            {"id":"gid://shopify/Order/1001","legacyResourceId":"1001","name":"#1001","displayFulfillmentStatus":"UNFULFILLED",
             "createdAt":"2026-03-09T10:00:00Z","updatedAt":"2026-03-09T11:00:00Z","fulfillments":[]},
            {"id":"gid://shopify/Order/1002","legacyResourceId":"1002","name":"#1002","displayFulfillmentStatus":"UNFULFILLED",
             "createdAt":"not a date","updatedAt":"2026-03-09T12:00:00Z","fulfillments":[]},
            {"name":"#1003","createdAt":"2026-03-09T10:00:00Z","updatedAt":"2026-03-09T12:30:00Z"},
            {"id":"gid://shopify/Order/1004","legacyResourceId":"1004","name":"#1004","displayFulfillmentStatus":"FULFILLED",
             "createdAt":"2026-03-09T10:00:00Z","updatedAt":"2026-03-09T13:00:00Z","fulfillments":[]}]}}}
        """;

    [Fact]
    public async Task The_readable_orders_of_a_page_are_imported_and_the_sync_moves_on()
    {
        using var http = new HttpClient(new CannedAnswer(Answer));
        var options = new MarketplaceOptions { Shopify = { BaseUrl = new Uri("http://shopify.test/") } };
        var client = new ShopifyMarketplaceClient(http, options, TimeProvider.System, NullLogger<ShopifyMarketplaceClient>.Instance,
            new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });

        var page = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(["1001", "1004"], page.Orders.Select(o => o.OrderId));
        Assert.Equal([new UnreadableOrder("1002", "'createdAt' is not a date-time"), new UnreadableOrder("#1003", "order without id")], page.Unreadable);
        Assert.NotEqual("", page.NextCursor);
    }

    // Each pass starts two minutes before the latest updatedAt read, so the orders changed last are read again every
    // round (one Shopify lists late is not missed). An order set aside among them is reported once for each version of
    // it: read again unchanged it is not reported (logged, named in last_error) again every round; changed and still
    // unreadable, it is. The readable orders of the overlap are still read again.
    [Fact]
    public async Task An_unreadable_order_read_again_in_the_overlap_is_reported_once_per_version()
    {
        var answer = new CannedAnswer(Answer);
        using var http = new HttpClient(answer);
        var options = new MarketplaceOptions { Shopify = { BaseUrl = new Uri("http://shopify.test/") } };
        var client = new ShopifyMarketplaceClient(http, options, TimeProvider.System, NullLogger<ShopifyMarketplaceClient>.Instance,
            new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });

        var first = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), "", ShopifyTestBed.Everything, CancellationToken.None);
        var again = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), first.NextCursor, ShopifyTestBed.Everything, CancellationToken.None);
        answer.Body = Answer.Replace("\"createdAt\":\"not a date\",\"updatedAt\":\"2026-03-09T12:00:00Z\"",
            "\"createdAt\":\"not a date\",\"updatedAt\":\"2026-03-09T12:45:00Z\"", StringComparison.Ordinal);
        var changed = await client.FetchChangedOrdersAsync(ShopifyTestBed.Account(), again.NextCursor, ShopifyTestBed.Everything, CancellationToken.None);

        Assert.Equal(["1002", "#1003"], first.Unreadable.Select(o => o.OrderId));
        Assert.True(again.IsSuccess, again.FailureReason);
        Assert.Equal(["1001", "1004"], again.Orders.Select(o => o.OrderId));
        Assert.Empty(again.Unreadable);
        Assert.Equal(["1002"], changed.Unreadable.Select(o => o.OrderId));
    }

    private sealed class CannedAnswer(string body) : HttpMessageHandler
    {
        public string Body { get; set; } = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
    }
}
