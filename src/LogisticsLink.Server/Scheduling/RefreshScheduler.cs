using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Scheduling;

/// <summary>
/// Refreshes due shipments (<c>next_check_at</c> reached) with bounded concurrency. Due shipments are leased, so with
/// several nodes on one database each shipment is polled by one node at a time, and a dead node's leases expire into
/// another node's hands. A failing shipment is backed off by the tracker and marked stale; nothing that happens to one
/// shipment stops the loop.
/// </summary>
public sealed partial class RefreshScheduler(
    IShipmentStore store,
    ShipmentTracker tracker,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<RefreshScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }
        using var timer = new PeriodicTimer(settings.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(settings, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogTickFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: refresh everything due now, a batch at a time, until nothing due remains.</summary>
    public async Task RunDueAsync(SchedulerOptions settings, CancellationToken cancellationToken)
    {
        // Bounded so that rows whose commit keeps failing cannot keep one pass busy forever.
        for (var batch = 0; batch < 100 && !cancellationToken.IsCancellationRequested; batch++)
        {
            var due = await store.LeaseDueAsync(time.GetUtcNow(), settings.LeaseDuration, settings.BatchSize, cancellationToken);
            var todo = due.Where(s => !tracker.IsRefreshing(s.State.Id)).ToList();
            if (todo.Count == 0)
            {
                return;
            }
            await Parallel.ForEachAsync(
                todo,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken },
                async (shipment, _) =>
                {
                    try
                    {
                        await tracker.RefreshAsync(shipment);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogRefreshCrashed(e, shipment.State.Id);
                    }
                });
            if (due.Count < settings.BatchSize)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The refresh scheduler is disabled (Scheduler:Enabled = false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler pass failed; the next pass retries.")]
    private partial void LogTickFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing shipment {ShipmentId} failed unexpectedly.")]
    private partial void LogRefreshCrashed(Exception exception, string shipmentId);
}
