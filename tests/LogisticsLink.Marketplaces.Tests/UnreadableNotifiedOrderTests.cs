using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Marketplaces.Tests.Amazon;
using LogisticsLink.Marketplaces.Tests.Ebay;
using LogisticsLink.Marketplaces.Tests.Shopify;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Marketplaces.Tests;

/// <summary>
/// The one order a marketplace notification names, fetched alone, in a shape we cannot read: it will not become readable
/// by asking again, so the fetch does not fail (a transient failure has the notification sent again and again); the
/// order comes back set aside, naming the field at fault. A body that is no JSON at all (maybe cut short) still fails, to
/// be asked again.
/// </summary>
public sealed class UnreadableNotifiedOrderTests
{
    [Fact]
    public async Task A_shopify_order_we_cannot_read_is_set_aside_not_failed()
    {
        const string damaged = """
            {"data":{"order":{"id":"gid://shopify/Order/1002","legacyResourceId":"1002","name":"#1002","displayFulfillmentStatus":"UNFULFILLED",
              "createdAt":"not a date","updatedAt":"2026-03-09T12:00:00Z","fulfillments":[]}}}
            """;

        var page = await ShopifyFetchAsync(damaged);
        var cut = await ShopifyFetchAsync("""{"data":{"order":{"id":"gid://sho""");

        AssertSetAside(page, new UnreadableOrder("1002", "'createdAt' is not a date-time"));
        AssertTransientFailure(cut);
    }

    [Fact]
    public async Task An_ebay_order_we_cannot_read_is_set_aside_not_failed()
    {
        await using var bed = await EbayTestBed.StartAsync();
        var orderId = (await bed.Client().FetchChangedOrdersAsync(EbayTestBed.Account(), "", EbayTestBed.Everything, CancellationToken.None)).Orders[0].OrderId;
        var getOrder = $"{EbayMarketplaceClient.OrdersPath}/{orderId}";

        using var damagedHttp = new HttpClient(new Rewriting(getOrder, body => Damaged(body, b => b["creationDate"] = "not a date")));
        var page = await bed.Client(http: damagedHttp).FetchOrderAsync(EbayTestBed.Account(), orderId, CancellationToken.None);
        using var cutHttp = new HttpClient(new Rewriting(getOrder, body => body[..(body.Length / 2)]));
        var cut = await bed.Client(http: cutHttp).FetchOrderAsync(EbayTestBed.Account(), orderId, CancellationToken.None);

        AssertSetAside(page, new UnreadableOrder(orderId, "'creationDate' is not a date-time"));
        AssertTransientFailure(cut);
    }

    [Fact]
    public async Task An_amazon_order_we_cannot_read_is_set_aside_not_failed()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        const string orderId = "302-5550011-0000000";
        var getOrder = $"/orders/2026-01-01/orders/{orderId}";

        using var damagedHttp = new HttpClient(new Rewriting(getOrder, body => Damaged(body, b => b["order"]!["createdTime"] = "yesterday")));
        var page = await bed.Client(http: damagedHttp, maxRetries: 0).FetchOrderAsync(AmazonTestBed.Account(), orderId, CancellationToken.None);
        using var cutHttp = new HttpClient(new Rewriting(getOrder, body => body[..(body.Length / 2)]));
        var cut = await bed.Client(http: cutHttp, maxRetries: 0).FetchOrderAsync(AmazonTestBed.Account(), orderId, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Empty(page.Orders);
        var unreadable = Assert.Single(page.Unreadable);
        Assert.Equal(orderId, unreadable.OrderId);
        Assert.Contains("createdTime", unreadable.Reason, StringComparison.Ordinal);
        AssertTransientFailure(cut);
    }

    [Fact]
    public async Task An_amazon_MCF_order_we_cannot_read_is_set_aside_not_failed()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        const string orderId = "S01-5550013-0000000";
        var getFulfillmentOrder = $"/fba/outbound/2020-07-01/fulfillmentOrders/{orderId}";

        using var damagedHttp = new HttpClient(new Rewriting(getFulfillmentOrder,
            body => Damaged(body, b => b["payload"]!["fulfillmentOrder"]!["statusUpdatedDate"] = "yesterday")));
        var page = await bed.Client(http: damagedHttp, maxRetries: 0).FetchMcfOrderAsync(AmazonTestBed.Account(), orderId, CancellationToken.None);
        using var cutHttp = new HttpClient(new Rewriting(getFulfillmentOrder, body => body[..(body.Length / 2)]));
        var cut = await bed.Client(http: cutHttp, maxRetries: 0).FetchMcfOrderAsync(AmazonTestBed.Account(), orderId, CancellationToken.None);

        AssertSetAside(page, new UnreadableOrder(orderId, "'statusUpdatedDate' is not a date: 'yesterday'"));
        AssertTransientFailure(cut);
    }

    private static void AssertSetAside(OrderSyncPage page, UnreadableOrder expected)
    {
        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Empty(page.Orders);
        Assert.Equal(expected, Assert.Single(page.Unreadable));
    }

    private static void AssertTransientFailure(OrderSyncPage page)
    {
        Assert.False(page.IsSuccess);
        Assert.True(page.Transient, page.FailureReason);
        Assert.Empty(page.Unreadable);
    }

    private static async Task<OrderSyncPage> ShopifyFetchAsync(string answer)
    {
        using var http = new HttpClient(new Canned(answer));
        var options = new MarketplaceOptions { Shopify = { BaseUrl = new Uri("http://shopify.test/") } };
        var client = new ShopifyMarketplaceClient(http, options, TimeProvider.System, NullLogger<ShopifyMarketplaceClient>.Instance,
            new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });
        return await client.FetchOrderAsync(ShopifyTestBed.Account(), "1002", CancellationToken.None);
    }

    private static string Damaged(string body, Action<JsonNode> damage)
    {
        var json = JsonNode.Parse(body)!;
        damage(json);
        return json.ToJsonString();
    }

    private sealed class Canned(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    /// <summary>Passes calls to the simulator, and rewrites the good answer to a call of <paramref name="path"/> (behind the simulator's prefix).</summary>
    private sealed class Rewriting(string path, Func<string, string> rewrite) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.EndsWith(path, StringComparison.Ordinal) || !response.IsSuccessStatusCode)
            {
                return response;
            }
            var body = rewrite(await response.Content.ReadAsStringAsync(cancellationToken));
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return response;
        }
    }
}
