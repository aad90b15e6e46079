using LogisticsLink.Carriers;
using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Carriers.Ups;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.FedEx;
using LogisticsLink.Sandbox.Amazon;
using LogisticsLink.Sandbox.Dhl;
using LogisticsLink.Sandbox.Dpd;
using LogisticsLink.Sandbox.LaPoste;
using LogisticsLink.Sandbox.RoyalMail;
using LogisticsLink.Sandbox.Ups;
using LogisticsLink.Sandbox.Usps;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Registers the real carrier connectors from <c>Carriers:&lt;Name&gt;</c>. A connector without credentials is
/// disabled (with a start-up log line saying which keys are missing), never a crash. With
/// <c>Sandbox:SimulateCarriers</c> (on in Development) the server also serves each carrier's API from its own web
/// endpoint under <c>/sandbox/&lt;code&gt;</c>, and connectors with no explicit configuration point there: the real
/// adapters then run end to end without the internet. A connector given its own <c>BaseUrl</c> is not simulated.
/// </summary>
public static class CarrierRegistration
{
    /// <summary>Which <c>Carriers:&lt;Name&gt;</c> keys a connector needs before it is enabled.</summary>
    private enum Credentials { ClientIdAndSecret, ApiKey, ClientIdSecretAndRefreshToken }

    private sealed record Connector(
        string Name,
        string Code,
        Credentials Needs,
        Func<HttpClient, CarrierOptions, IServiceProvider, ICarrierClient> CreateClient,
        Func<CarrierOptions, SandboxOptions, TimeProvider, ICarrierSimulator> CreateSimulator,
        Uri ProductionBaseUrl,
        (int Permits, TimeSpan Window)? PublishedRateLimit = null,
        int? PublishedDailyQuota = null);

    /// <summary>How long a batching carrier's first waiting refresh waits for others to share its request.</summary>
    private static readonly TimeSpan BatchLinger = TimeSpan.FromMilliseconds(20);

    private static T Get<T>(IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();

    private static readonly Connector[] Connectors =
    [
        new("Ups", "ups", Credentials.ClientIdAndSecret,
            (http, o, sp) => new UpsClient(http, o, Get<TimeProvider>(sp), Get<ILogger<UpsClient>>(sp)),
            (o, sandbox, time) => new UpsSimulator(
                new UpsSimulatorOptions { ClientId = o.ClientId!, ClientSecret = o.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            new Uri("https://onlinetools.ups.com")),
        new("FedEx", "fedex", Credentials.ClientIdAndSecret,
            (http, o, sp) => new FedExClient(http, o, Get<TimeProvider>(sp), Get<ILogger<FedExClient>>(sp)),
            (o, sandbox, time) => new FedExSimulator(
                new FedExSimulatorOptions { ClientId = o.ClientId!, ClientSecret = o.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            FedExDefaults.ProductionBaseUrl, (FedExDefaults.RateLimitPermits, FedExDefaults.RateLimitWindow), FedExDefaults.DailyQuota),
        new("Usps", "usps", Credentials.ClientIdAndSecret,
            (http, o, sp) => new UspsClient(http, o, Get<TimeProvider>(sp), Get<ILogger<UspsClient>>(sp)),
            (o, sandbox, time) => new UspsSimulator(
                new UspsSimulatorOptions { ClientId = o.ClientId!, ClientSecret = o.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            UspsDefaults.ProductionBaseUrl, (UspsDefaults.RateLimitPermits, UspsDefaults.RateLimitWindow)),
        new("Dhl", "dhl", Credentials.ApiKey,
            (http, o, sp) => new DhlClient(http, o, Get<TimeProvider>(sp), Get<ILogger<DhlClient>>(sp)),
            (o, sandbox, time) => new DhlSimulator(new DhlSimulatorOptions { ApiKey = o.ApiKey!, StepInterval = sandbox.StepInterval }, time),
            DhlDefaults.ProductionBaseUrl, (DhlDefaults.RateLimitPermits, DhlDefaults.RateLimitWindow), DhlDefaults.DailyQuota),
        new("LaPoste", "laposte", Credentials.ApiKey,
            (http, o, sp) => new LaPosteClient(http, o, Get<TimeProvider>(sp), Get<ILogger<LaPosteClient>>(sp)),
            (o, sandbox, time) => new LaPosteSimulator(new LaPosteSimulatorOptions { ApiKey = o.ApiKey!, StepInterval = sandbox.StepInterval }, time),
            LaPosteDefaults.ProductionBaseUrl, (LaPosteDefaults.RateLimitPermits, LaPosteDefaults.RateLimitWindow)),
        new("RoyalMail", "royalmail", Credentials.ClientIdAndSecret,
            (http, o, sp) => new RoyalMailClient(http, o, Get<TimeProvider>(sp), Get<ILogger<RoyalMailClient>>(sp)),
            (o, sandbox, time) => new RoyalMailSimulator(
                new RoyalMailSimulatorOptions { ClientId = o.ClientId!, ClientSecret = o.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            RoyalMailDefaults.ProductionBaseUrl),
        new("Dpd", "dpd", Credentials.ClientIdAndSecret,
            (http, o, sp) => new DpdClient(http, o, Get<TimeProvider>(sp), Get<ILogger<DpdClient>>(sp)),
            (o, sandbox, time) => new DpdSimulator(
                new DpdSimulatorOptions { DelisId = o.ClientId!, Password = o.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            DpdDefaults.ProductionBaseUrl),
        new("Amazon", "amazon", Credentials.ClientIdSecretAndRefreshToken,
            (http, o, sp) => new AmazonClient(http, o, Get<TimeProvider>(sp), Get<ILogger<AmazonClient>>(sp)),
            (o, sandbox, time) => new AmazonSimulator(new AmazonSimulatorOptions
            {
                ClientId = o.ClientId!, ClientSecret = o.ClientSecret!, RefreshToken = o.ApiKey!, StepInterval = sandbox.StepInterval,
            }, time),
            AmazonDefaults.ProductionBaseUrl, (AmazonDefaults.RateLimitPermits, AmazonDefaults.RateLimitWindow)),
    ];

    /// <summary>The carrier's published daily quota, the default of <c>Carriers:&lt;Name&gt;:DailyQuota</c>; null: none published.</summary>
    internal static int? PublishedDailyQuota(string name) => Connectors.Single(c => c.Name == name).PublishedDailyQuota;

    public static IServiceCollection AddCarriers(this IServiceCollection services, IConfiguration configuration)
    {
        var report = new CarrierStartupReport();
        var sandbox = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        var simulate = sandbox.Enabled && configuration.GetValue("Sandbox:SimulateCarriers", false);
        // Each node limits itself to its share of a carrier's quota, so N nodes together stay under it.
        var nodes = configuration.GetValue("Cluster:Nodes", 1);
        if (nodes < 1)
        {
            throw InvalidConfiguration.Of<int>("Cluster:Nodes", [$"Cluster:Nodes must be at least 1 (got {nodes})."]);
        }
        foreach (var connector in Connectors)
        {
            var key = $"Carriers:{connector.Name}";
            var options = configuration.GetSection(key).Get<CarrierOptions>() ?? new CarrierOptions();
            if (CarrierOptionsCheck.Errors(options, key).ToList() is { Count: > 0 } errors)
            {
                throw InvalidConfiguration.Of<CarrierOptions>(key, errors);
            }
            var simulated = simulate && options.BaseUrl is null;
            if (simulated)
            {
                // The simulator accepts whatever credentials the connector is given, and has no quota.
                options.BaseUrl = new Uri(SandboxRoot(configuration), $"sandbox/{connector.Code}");
                options.ClientId ??= $"sandbox-{connector.Code}-client";
                options.ClientSecret ??= $"sandbox-{connector.Code}-secret";
                options.ApiKey ??= $"sandbox-{connector.Code}-key";
                var simulatorOptions = options;
                services.AddSingleton(sp => connector.CreateSimulator(simulatorOptions, sandbox, sp.GetRequiredService<TimeProvider>()));
                report.Simulated(connector.Code);
            }
            options.BaseUrl ??= connector.ProductionBaseUrl;
            // The simulator has no quota; a real carrier has its published one unless configured otherwise.
            var configuredWindow = configuration[$"{key}:RateLimitWindow"] is null ? (TimeSpan?)null : options.RateLimitWindow;
            var quota = CarrierQuota.Of(options.RateLimitPermits, configuredWindow, simulated ? null : connector.PublishedRateLimit, options.RateLimitWindow);
            (options.RateLimitPermits, options.RateLimitWindow) = quota?.ShareOf(nodes) is { } share ? (share.Permits, share.Window) : (0, options.RateLimitWindow);
            options.DailyQuota = CarrierQuota.DailyShare(options.DailyQuota, simulated ? null : connector.PublishedDailyQuota, nodes);
            if (options.Enabled == false)
            {
                report.Disabled(connector.Code, $"{key}:Enabled is false");
                continue;
            }
            if (MissingCredentials(connector.Needs, options, key) is { } missing)
            {
                report.Disabled(connector.Code, missing);
                continue;
            }
            services.AddHttpClient(connector.Name);
            // A simulated parcel moves every step interval: poll it at that pace, not at a real carrier's.
            TimeSpan? cadence = simulated ? sandbox.StepInterval : null;
            services.AddSingleton(sp =>
            {
                var client = connector.CreateClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(connector.Name), options, sp);
                if (client is IBatchingCarrierClient batching)
                {
                    client = new BatchingCarrier(batching, BatchLinger, sp.GetRequiredService<TimeProvider>());
                }
                return cadence is { } pace ? new PacedCarrier(client, pace) : client;
            });
            report.Enabled(connector.Code, options.BaseUrl!);
        }
        services.AddSingleton(report);
        return services;
    }

    private static string? MissingCredentials(Credentials needs, CarrierOptions o, string key) => needs switch
    {
        Credentials.ApiKey when string.IsNullOrEmpty(o.ApiKey) => $"{key}:ApiKey is required",
        Credentials.ClientIdAndSecret when string.IsNullOrEmpty(o.ClientId) || string.IsNullOrEmpty(o.ClientSecret) =>
            $"{key}:ClientId and {key}:ClientSecret are required",
        Credentials.ClientIdSecretAndRefreshToken when string.IsNullOrEmpty(o.ClientId) || string.IsNullOrEmpty(o.ClientSecret) || string.IsNullOrEmpty(o.ApiKey) =>
            $"{key}:ClientId, {key}:ClientSecret and {key}:ApiKey (the refresh token) are required",
        _ => null,
    };

    /// <summary>Serves the simulated carrier APIs (if any) under /sandbox on the server itself.</summary>
    public static void MapCarrierSimulators(this WebApplication app)
    {
        foreach (var simulator in app.Services.GetServices<ICarrierSimulator>())
        {
            simulator.Map(app.MapGroup("/sandbox" + simulator.PathPrefix));
        }
    }

    /// <summary>The server's own web endpoint, as a loopback address the adapters can call.</summary>
    internal static Uri SandboxRoot(IConfiguration configuration)
    {
        const string key = "Kestrel:Endpoints:Web:Url";
        var url = configuration[key] ?? "http://localhost:5081";
        // Kestrel's "every address" hosts * and + are not hosts System.Uri parses: swapped before parsing.
        var hostStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        if (hostStart >= 3 && url.Length > hostStart && url[hostStart] is '*' or '+')
        {
            url = string.Concat(url.AsSpan(0, hostStart), "127.0.0.1", url.AsSpan(hostStart + 1));
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            throw InvalidConfiguration.Of<Uri>(key, [$"{key} must be a URL such as http://localhost:5081 (got '{configuration[key]}')."]);
        }
        var web = new UriBuilder(parsed);
        if (web.Host is "0.0.0.0" or "[::]")
        {
            web.Host = "127.0.0.1";
        }
        web.Path = "/";
        return web.Uri;
    }

    /// <summary>A connector polled at a fixed pace (a simulated carrier whose parcels move every step interval).</summary>
    private sealed class PacedCarrier(ICarrierClient inner, TimeSpan pace) : ICarrierClient, IAsyncDisposable
    {
        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

        public string Code => inner.Code;
        public TimeSpan? Cadence => pace;
        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            inner.TrackAsync(request, cancellationToken);
    }
}
