using System.Net;
using System.Text;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// A marketplace order we cannot read (a date that is no date, no id) costs the seller that order only: the rest of its
/// page is imported, the sync goes on, and the order is named where the account's sync state is reported.
/// </summary>
public sealed class MarketplaceUnreadableOrderTests
{
    private const string Answer = """
        {"data":{"orders":{
          "pageInfo":{"hasNextPage":false,"endCursor":"c3"},
          "nodes":[
            {"id":"gid://shopify/Order/5001","legacyResourceId":"5001","name":"#5001","displayFulfillmentStatus":"UNFULFILLED",
             "createdAt":"2026-03-09T10:00:00Z","updatedAt":"2026-03-09T11:00:00Z","fulfillments":[]},
            {"id":"gid://shopify/Order/5002","legacyResourceId":"5002","name":"#5002","displayFulfillmentStatus":"UNFULFILLED",
             "createdAt":"not a date","updatedAt":"2026-03-09T12:00:00Z","fulfillments":[]},
            {"id":"gid://shopify/Order/5003","legacyResourceId":"5003","name":"#5003","displayFulfillmentStatus":"FULFILLED",
             "createdAt":"2026-03-09T10:00:00Z","updatedAt":"2026-03-09T13:00:00Z","fulfillments":[]}]}}}
        """;

    /// <summary>A server syncing one Shopify account every 2 s, whose every Admin API call gets <paramref name="answer"/>.</summary>
    private static Task<TestServer> StartAsync(string answer) => TestServer.StartAsync(
        settings: new Dictionary<string, string>
        {
            ["Marketplaces:SyncInterval"] = "00:00:02",
            ["Marketplaces:Shopify:BaseUrl"] = "http://shopify.test/",
            ["Marketplaces:Accounts:0:Tenant"] = "tenant-a",
            ["Marketplaces:Accounts:0:Channel"] = "shopify",
            ["Marketplaces:Accounts:0:Credentials:shop_domain"] = "unreadable-test.myshopify.com",
            ["Marketplaces:Accounts:0:Credentials:access_token"] = "shpat_test",
        },
        services: s => s.AddHttpClient(nameof(ShopifyMarketplaceClient)).ConfigurePrimaryHttpMessageHandler(() => new CannedAnswer(answer)));

    [Fact]
    public async Task The_other_orders_of_the_page_are_imported_and_the_unreadable_one_is_named_in_the_sync_state()
    {
        await using var server = await StartAsync(Answer);
        var sync = server.Services.GetRequiredService<MarketplaceSync>();

        await Eventually.UntilAsync(() => sync.Status.ContainsKey("config:0"), "the account's first sync");

        var orders = server.Orders();
        Assert.NotNull(await MarketplaceSyncTests.TryGetAsync(orders, "shopify", "5001"));
        Assert.NotNull(await MarketplaceSyncTests.TryGetAsync(orders, "shopify", "5003"));
        Assert.Null(await MarketplaceSyncTests.TryGetAsync(orders, "shopify", "5002"));
        var status = sync.Status["config:0"];
        Assert.Contains("5002", status.LastError);
        Assert.Contains("createdAt", status.LastError);

        // Later rounds read it again unchanged (not reported again by the client) or not at all: it stays named until imported.
        await Eventually.UntilAsync(() => sync.Status["config:0"].LastSyncedAt > status.LastSyncedAt, "a later round");
        Assert.Contains("5002", sync.Status["config:0"].LastError);
    }

    // A notification (here Shopify's fulfillment webhook, Amazon's ORDER_CHANGE alike) has the one order it names fetched
    // at once. One we cannot read will not become readable by asking again: the notification is answered for good (not
    // "retry", which has the marketplace send it again and again), the order logged and named in the account's sync state.
    [Fact]
    public async Task A_notified_order_we_cannot_read_is_answered_for_good_and_named_in_the_sync_state()
    {
        // The list search finds nothing; the order asked for alone has a creation date that is no date.
        const string answer = """
            {"data":{"orders":{"pageInfo":{"hasNextPage":false,"endCursor":null},"nodes":[]},
              "order":{"id":"gid://shopify/Order/5002","legacyResourceId":"5002","name":"#5002","displayFulfillmentStatus":"UNFULFILLED",
                "createdAt":"not a date","updatedAt":"2026-03-09T12:00:00Z","fulfillments":[]}}}
            """;
        await using var server = await StartAsync(answer);
        var sync = server.Services.GetRequiredService<MarketplaceSync>();

        var result = await sync.SyncOrderAsync("tenant-a", "shopify", "5002", CancellationToken.None);

        Assert.Equal(OrderSyncOutcome.Failed, result.Outcome);
        Assert.False(result.Transient, result.Reason);
        Assert.Contains("createdAt", result.Reason);
        Assert.Null(await MarketplaceSyncTests.TryGetAsync(server.Orders(), "shopify", "5002"));
        await Eventually.UntilAsync(
            () => sync.Status.TryGetValue("config:0", out var status) && status.LastError.Contains("5002") && status.LastError.Contains("createdAt"),
            "the notified order named in the account's sync state");
    }

    private sealed class CannedAnswer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
