using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Marketplaces.Tests.Loopback;
using LogisticsLink.Sandbox.Marketplaces.Ebay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Ebay;

/// <summary>The eBay simulator (token endpoint and Fulfillment API) on a real loopback Kestrel, its fake clock, and clients.</summary>
internal sealed class EbayTestBed : IAsyncDisposable
{
    public const string ClientId = "LogisticsL-demo-PRD-0123456789-abcdef01";
    public const string ClientSecret = "PRD-ebay-secret-not-logged";
    public const string RefreshToken = "v^1.1#i^1#refresh-token-not-logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 7, 5, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private EbayTestBed(FakeTimeProvider clock, EbaySimulator simulator, MarketplaceLoopbackHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    public FakeTimeProvider Clock { get; }
    public EbaySimulator Simulator { get; }
    public MarketplaceLoopbackHost Host { get; }

    public static DateTimeOffset Everything => Start - TimeSpan.FromDays(30);

    public static async Task<EbayTestBed> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = new EbaySimulator(new EbaySimulatorOptions { ClientId = ClientId, ClientSecret = ClientSecret, RefreshToken = RefreshToken }, clock);
        return new EbayTestBed(clock, simulator, await MarketplaceLoopbackHost.StartAsync(simulator));
    }

    public static MarketplaceAccount Account(string refreshToken = RefreshToken) =>
        new("tenant-a", "ebay", new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["refresh_token"] = refreshToken,
        }, []);

    /// <summary>
    /// A client on the simulator's fake clock: eBay only searches the last 90 days, so both sides must agree on "now".
    /// Waits (Retry-After) then need the clock driven forward (<see cref="FakeClockDriver"/>).
    /// </summary>
    public EbayMarketplaceClient Client(
        int pageSize = 100, Action<CarrierOptions>? resilience = null, int dailyCallLimit = EbayMarketplaceOptions.DefaultDailyCallLimit,
        HttpClient? http = null)
    {
        var options = new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 2 };
        resilience?.Invoke(options);
        var root = Host.BaseUrlOf(Simulator);
        var marketplaces = new MarketplaceOptions
        {
            Ebay =
            {
                BaseUrl = root, TokenEndpoint = new Uri(root.AbsoluteUri.TrimEnd('/') + "/identity/v1/oauth2/token"), DailyCallLimit = dailyCallLimit,
            },
        };
        return new EbayMarketplaceClient(http ?? _http, marketplaces, Clock, NullLogger<EbayMarketplaceClient>.Instance, options)
        {
            PageSize = pageSize,
        };
    }

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
