using LogisticsLink.Carriers;
using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Carriers.Ups;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.FedEx;
using LogisticsLink.Sandbox.Ups;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Registers the real carrier connectors from <c>Carriers:&lt;Name&gt;</c>. A connector without credentials is
/// disabled (with a start-up log line saying which keys are missing), never a crash. With
/// <c>Sandbox:SimulateCarriers</c> (on in Development) the server also serves each carrier's API from its own web
/// endpoint under <c>/sandbox/&lt;code&gt;</c>, and connectors with no explicit configuration point there: the real
/// adapters then run end to end without the internet. Explicit configuration always wins over these defaults.
/// </summary>
public static class CarrierRegistration
{
    private sealed record Connector(
        string Name,
        string Code,
        Func<HttpClient, CarrierOptions, IServiceProvider, ICarrierClient> CreateClient,
        Func<CarrierOptions, SandboxOptions, TimeProvider, ICarrierSimulator> CreateSimulator,
        Action<CarrierOptions>? ApplyDefaults = null);

    private static readonly Connector[] Connectors =
    [
        new("Ups", "ups",
            (http, options, sp) => new UpsClient(http, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<UpsClient>>()),
            (options, sandbox, time) => new UpsSimulator(
                new UpsSimulatorOptions { ClientId = options.ClientId!, ClientSecret = options.ClientSecret!, StepInterval = sandbox.StepInterval }, time)),
        new("FedEx", "fedex",
            (http, options, sp) => new FedExClient(http, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FedExClient>>()),
            (options, sandbox, time) => new FedExSimulator(
                new FedExSimulatorOptions { ClientId = options.ClientId!, ClientSecret = options.ClientSecret!, StepInterval = sandbox.StepInterval }, time),
            options =>
            {
                if (options.RateLimitPermits == 0)
                {
                    options.RateLimitPermits = FedExDefaults.RateLimitPermits;
                    options.RateLimitWindow = FedExDefaults.RateLimitWindow;
                }
            }),
    ];

    public static IServiceCollection AddCarriers(this IServiceCollection services, IConfiguration configuration)
    {
        var report = new CarrierStartupReport();
        var sandbox = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        var simulate = sandbox.Enabled && configuration.GetValue("Sandbox:SimulateCarriers", false);
        // Each node limits itself to its share of a carrier's quota, so N nodes together stay under it.
        var nodes = configuration.GetValue("Cluster:Nodes", 1);
        if (nodes < 1)
        {
            throw new InvalidOperationException($"Cluster:Nodes must be at least 1 (got {nodes}).");
        }
        foreach (var connector in Connectors)
        {
            var key = $"Carriers:{connector.Name}";
            var options = configuration.GetSection(key).Get<CarrierOptions>() ?? new CarrierOptions();
            connector.ApplyDefaults?.Invoke(options);
            if (options.RateLimitPermits > 0)
            {
                options.RateLimitPermits = Math.Max(1, options.RateLimitPermits / nodes);
            }
            if (simulate && options.BaseUrl is null)
            {
                options.BaseUrl = new Uri(SandboxRoot(configuration), $"sandbox/{connector.Code}");
                options.ClientId ??= $"sandbox-{connector.Code}-client";
                options.ClientSecret ??= $"sandbox-{connector.Code}-secret";
                var simulatorOptions = options;
                services.AddSingleton(sp => connector.CreateSimulator(simulatorOptions, sandbox, sp.GetRequiredService<TimeProvider>()));
                report.Simulated(connector.Code);
            }
            if (options.Enabled == false)
            {
                report.Disabled(connector.Code, $"{key}:Enabled is false");
                continue;
            }
            if (options.BaseUrl is null || string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
            {
                report.Disabled(connector.Code, $"{key}:BaseUrl, {key}:ClientId and {key}:ClientSecret are required");
                continue;
            }
            services.AddHttpClient(connector.Name);
            // A simulated parcel moves every step interval: poll it at that pace, not at a real carrier's.
            TimeSpan? cadence = simulate && options.BaseUrl.AbsolutePath.StartsWith("/sandbox/", StringComparison.Ordinal) ? sandbox.StepInterval : null;
            services.AddSingleton(sp =>
            {
                var client = connector.CreateClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(connector.Name), options, sp);
                return cadence is { } pace ? new PacedCarrier(client, pace) : client;
            });
            report.Enabled(connector.Code, options.BaseUrl);
        }
        services.AddSingleton(report);
        return services;
    }

    /// <summary>Serves the simulated carrier APIs (if any) under /sandbox on the server itself.</summary>
    public static void MapCarrierSimulators(this WebApplication app)
    {
        foreach (var simulator in app.Services.GetServices<ICarrierSimulator>())
        {
            simulator.Map(app.MapGroup("/sandbox" + simulator.PathPrefix));
        }
    }

    /// <summary>The server's own web endpoint, as a loopback address the adapters can call.</summary>
    private static Uri SandboxRoot(IConfiguration configuration)
    {
        var web = new UriBuilder(configuration["Kestrel:Endpoints:Web:Url"] ?? "http://localhost:5081");
        if (web.Host is "0.0.0.0" or "*" or "+" or "[::]")
        {
            web.Host = "127.0.0.1";
        }
        web.Path = "/";
        return web.Uri;
    }

    /// <summary>A connector polled at a fixed pace (a simulated carrier whose parcels move every step interval).</summary>
    private sealed class PacedCarrier(ICarrierClient inner, TimeSpan pace) : ICarrierClient
    {
        public string Code => inner.Code;
        public TimeSpan? Cadence => pace;
        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            inner.TrackAsync(request, cancellationToken);
    }
}
