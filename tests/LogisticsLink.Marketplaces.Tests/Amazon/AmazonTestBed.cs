using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// The SP-API simulator on a real loopback Kestrel and clients pointed at it. By default both sides run on one
/// <see cref="FakeTimeProvider"/> (tokens, quotas and sync windows move only when a test says so); tests whose client
/// must wait for real (retry back-off, report polling) give it <see cref="TimeProvider.System"/> with short waits.
/// </summary>
internal sealed class AmazonTestBed : IAsyncDisposable
{
    public const string ClientId = "amzn1.application-oa2-client.test";
    public const string ClientSecret = "amzn-test-secret-not-logged";
    public const string RefreshToken = "Atzr|test-refresh-token-not-logged";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The demo catalogue's marketplaces: US (NA), UK, DE and FR (EU).</summary>
    public static readonly string[] Marketplaces = [AmazonDemoCatalogue.Us, AmazonDemoCatalogue.Uk, AmazonDemoCatalogue.De, AmazonDemoCatalogue.Fr];

    private readonly HttpClient _http = new();

    private AmazonTestBed(TimeProvider clock, AmazonSpApiSimulator simulator, AmazonLoopbackHost host)
    {
        Clock = clock;
        Simulator = simulator;
        Host = host;
    }

    /// <summary>The simulator's clock (a <see cref="FakeTimeProvider"/> unless the test chose the system clock).</summary>
    public TimeProvider Clock { get; }
    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;
    public AmazonSpApiSimulator Simulator { get; }
    public AmazonLoopbackHost Host { get; }

    public static async Task<AmazonTestBed> StartAsync(
        TimeProvider? clock = null, TimeSpan? tokenLifetime = null, bool compressReports = true, AmazonDemoCatalogue? catalogue = null,
        int mcfPageSize = 50, TimeSpan? paginationTokenLifetime = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var simulator = new AmazonSpApiSimulator(new AmazonSpApiSimulatorOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            RefreshToken = RefreshToken,
            TokenLifetime = tokenLifetime ?? TimeSpan.FromHours(1),
            CompressReports = compressReports,
            McfPageSize = mcfPageSize,
            PaginationTokenLifetime = paginationTokenLifetime ?? TimeSpan.FromHours(24),
        }, catalogue ?? AmazonDemoCatalogue.Create(clock), clock);
        return new AmazonTestBed(clock, simulator, await AmazonLoopbackHost.StartAsync(simulator));
    }

    public static MarketplaceAccount Account(string secret = ClientSecret, string refreshToken = RefreshToken, params string[] marketplaces) =>
        new("tenant-a", "amazon",
            new Dictionary<string, string>
            {
                ["client_id"] = ClientId,
                ["client_secret"] = secret,
                ["refresh_token"] = refreshToken,
            },
            marketplaces.Length == 0 ? Marketplaces : marketplaces);

    public MarketplaceOptions Options() => new()
    {
        Amazon = new AmazonMarketplaceOptions
        {
            Endpoint = Host.BaseUrlOf(Simulator),
            LwaEndpoint = new Uri(Host.BaseUrlOf(Simulator).AbsoluteUri + AmazonSpApiSimulator.TokenPath),
        },
    };

    /// <summary>
    /// A client on the simulator's clock unless told otherwise, with fast retries and report polls, sending through
    /// <paramref name="http"/> when given (a handler in front of the simulator). With <paramref name="regionalHosts"/> the
    /// client calls Amazon's own regional hosts, so <paramref name="http"/> must send them on (<see cref="RegionOutageHandler"/>).
    /// </summary>
    public AmazonMarketplaceClient Client(
        TimeProvider? time = null, int pageSize = 100, int maxRetries = 2, HttpClient? http = null, bool regionalHosts = false)
    {
        var options = Options();
        if (regionalHosts)
        {
            options.Amazon.Endpoint = null;
        }
        var settings = new AmazonClientSettings
        {
            Resilience = new CarrierOptions { AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = maxRetries },
            PageSize = pageSize,
            ReportFirstPoll = TimeSpan.FromMilliseconds(10),
            ReportMaxPoll = TimeSpan.FromMilliseconds(20),
            ReportMaxWait = TimeSpan.FromSeconds(5),
        };
        return new AmazonMarketplaceClient(http ?? _http, options, time ?? Clock, NullLogger<AmazonMarketplaceClient>.Instance, settings);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }
}
