using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Marketplaces.Tests.Loopback;
using LogisticsLink.Sandbox.Marketplaces.Shopify;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Shopify;

/// <summary>The Shopify simulator on a real loopback Kestrel, its fake clock, and clients pointed at it.</summary>
internal sealed class ShopifyTestBed : IAsyncDisposable
{
    public const string ShopDomain = "logisticslink-demo.myshopify.com";
    public const string AccessToken = "shpat_test_token_not_logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 7, 5, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private ShopifyTestBed(FakeTimeProvider clock, ShopifySimulator simulator, MarketplaceLoopbackHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }
    public ShopifySimulator Simulator { get; }
    public MarketplaceLoopbackHost Host { get; }

    /// <summary>Far enough back to include every demo order.</summary>
    public static DateTimeOffset Everything => Start - TimeSpan.FromDays(30);

    public static async Task<ShopifyTestBed> StartAsync(Func<ShopifySimulatorOptions, ShopifySimulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new ShopifySimulatorOptions { ShopDomain = ShopDomain, AccessToken = AccessToken };
        var simulator = new ShopifySimulator(configure?.Invoke(options) ?? options, clock);
        return new ShopifyTestBed(clock, simulator, await MarketplaceLoopbackHost.StartAsync(simulator));
    }

    public static MarketplaceAccount Account(string token = AccessToken, string domain = ShopDomain) =>
        new("tenant-a", "shopify", new Dictionary<string, string> { ["shop_domain"] = domain, ["access_token"] = token }, []);

    /// <summary>A client on the real clock unless told otherwise (HTTP retries then really wait their Retry-After).</summary>
    public ShopifyMarketplaceClient Client(
        int pageSize = 50, TimeProvider? time = null, Action<CarrierOptions>? resilience = null, int paginationLimit = 25_000)
    {
        var options = new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 2 };
        resilience?.Invoke(options);
        var marketplaces = new MarketplaceOptions { Shopify = { BaseUrl = Host.BaseUrlOf(Simulator) } };
        return new ShopifyMarketplaceClient(_http, marketplaces, time ?? TimeProvider.System, NullLogger<ShopifyMarketplaceClient>.Instance, options)
        {
            PageSize = pageSize,
            PaginationLimit = paginationLimit,
        };
    }

    /// <summary>Pages until HasMore is false; returns every order and the cursor for the next sync.</summary>
    public static async Task<(List<ImportedOrder> Orders, string Cursor, int Pages)> SyncAllAsync(
        IMarketplaceClient client, MarketplaceAccount account, string cursor, DateTimeOffset startFrom)
    {
        var orders = new List<ImportedOrder>();
        for (var pages = 1; ; pages++)
        {
            var page = await client.FetchChangedOrdersAsync(account, cursor, startFrom, CancellationToken.None);
            Assert.True(page.IsSuccess, page.FailureReason);
            orders.AddRange(page.Orders);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return (orders, cursor, pages);
            }
            Assert.True(pages < 50, "paging never ends");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
