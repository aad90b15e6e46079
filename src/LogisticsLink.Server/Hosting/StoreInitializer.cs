using LogisticsLink.Storage;

namespace LogisticsLink.Server.Hosting;

/// <summary>Creates or migrates the schema before anything else starts (registered first among hosted services).</summary>
public sealed partial class StoreInitializer(IShipmentStore store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        LogReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Store ready (schema migrated).")]
    private partial void LogReady();
}
