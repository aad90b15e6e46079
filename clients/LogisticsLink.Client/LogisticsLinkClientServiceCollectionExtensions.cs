using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Client;

/// <summary>Registers the LogisticsLink client with dependency injection.</summary>
public static class LogisticsLinkClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TrackingService.TrackingServiceClient"/> (transient, via the gRPC client factory) with the
    /// API key added to every call, and <see cref="ShipmentWatcher"/> (transient: one per watch, since it carries that
    /// watch's resume position). Options are validated when first used and at host start.
    /// </summary>
    /// <remarks>
    /// Do not add a resilience handler with a total timeout to this client (for example through
    /// <c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c>): it would cut every watch after 30 s.
    /// Reconnecting is <see cref="ShipmentWatcher"/>'s job.
    /// </remarks>
    /// <returns>The client's builder, for further configuration (more interceptors, channel options).</returns>
    public static IHttpClientBuilder AddLogisticsLinkClient(
        this IServiceCollection services, Action<LogisticsLinkClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<LogisticsLinkClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<LogisticsLinkClientOptions>, LogisticsLinkClientOptionsValidator>());
        services.AddOptions<ShipmentWatcherOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PlainTextKeyWarning(
            sp.GetService<ILogger<LogisticsLinkClient>>() ?? NullLogger<LogisticsLinkClient>.Instance));
        services.TryAddTransient(sp => new ShipmentWatcher(
            sp.GetRequiredService<TrackingService.TrackingServiceClient>(),
            sp.GetRequiredService<IOptions<ShipmentWatcherOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ShipmentWatcher>>() ?? NullLogger<ShipmentWatcher>.Instance));

        // The factory builds the channel from a handler (not an HttpClient), so HttpClient.Timeout never applies.
        return services
            .AddGrpcClient<TrackingService.TrackingServiceClient>((sp, client) =>
            {
                var address = ClientOptions(sp).Address!;
                sp.GetRequiredService<PlainTextKeyWarning>().WarnOnce(address);
                client.Address = address;
            })
            .ConfigurePrimaryHttpMessageHandler(LogisticsLinkHttpHandler.Create)
            .AddInterceptor(sp => new ApiKeyInterceptor(ClientOptions(sp).ApiKey));
    }

    private static LogisticsLinkClientOptions ClientOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptions<LogisticsLinkClientOptions>>().Value;
}
