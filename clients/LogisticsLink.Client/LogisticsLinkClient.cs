using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using LogisticsLink.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Client;

/// <summary>
/// A LogisticsLink connection for code without dependency injection (tools, scripts, tests). Owns one
/// <see cref="GrpcChannel"/>; create one per process and share it, since a channel pools its HTTP/2 connections.
/// </summary>
public sealed class LogisticsLinkClient : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly TimeProvider timeProvider;
    private readonly ILoggerFactory loggerFactory;

    private LogisticsLinkClient(GrpcChannel channel, string apiKey, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        this.channel = channel;
        this.timeProvider = timeProvider;
        this.loggerFactory = loggerFactory;
        Tracking = new TrackingService.TrackingServiceClient(channel.Intercept(new ApiKeyInterceptor(apiKey)));
    }

    /// <summary>The generated client; every call carries the API key.</summary>
    public TrackingService.TrackingServiceClient Tracking { get; }

    /// <summary>Connects to <paramref name="address"/> (the gRPC endpoint) with <paramref name="apiKey"/>.</summary>
    public static LogisticsLinkClient Create(Uri address, string apiKey) =>
        Create(new LogisticsLinkClientOptions { Address = address, ApiKey = apiKey });

    /// <summary>Connects with validated <paramref name="options"/>; the time provider drives reconnect delays.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or malformed.</exception>
    public static LogisticsLinkClient Create(
        LogisticsLinkClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        if (PlainTextAddress.ExposesApiKey(options.Address!))
        {
            loggerFactory.CreateLogger<LogisticsLinkClient>().PlainTextApiKey(options.Address!);
        }

        var channel = GrpcChannel.ForAddress(options.Address!, new GrpcChannelOptions
        {
            HttpHandler = LogisticsLinkHttpHandler.Create(),
            // The channel created the handler on our behalf, so it must also dispose it.
            DisposeHttpClient = true,
            LoggerFactory = loggerFactory,
        });
        return new LogisticsLinkClient(channel, options.ApiKey, timeProvider ?? TimeProvider.System, loggerFactory);
    }

    /// <summary>
    /// A new watcher over this connection. Use one watcher per watch: it carries that watch's resume position.
    /// </summary>
    public ShipmentWatcher CreateWatcher(ShipmentWatcherOptions? options = null) =>
        new(Tracking, options ?? new ShipmentWatcherOptions(), timeProvider, loggerFactory.CreateLogger<ShipmentWatcher>());

    /// <summary>Closes the channel; calls still running on it fail with CANCELLED.</summary>
    public void Dispose() => channel.Dispose();
}
