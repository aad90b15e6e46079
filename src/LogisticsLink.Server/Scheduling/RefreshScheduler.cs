using System.Collections.Concurrent;
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
            var now = time.GetUtcNow();
            var due = await store.LeaseDueAsync(now, settings.LeaseDuration, settings.BatchSize, cancellationToken);
            var todo = due.Where(s => !tracker.IsRefreshing(s.State.Id)).ToList();
            if (todo.Count == 0)
            {
                return;
            }
            var handled = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            try
            {
                await Parallel.ForEachAsync(
                    todo,
                    new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken },
                    async (shipment, _) =>
                    {
                        try
                        {
                            // Another node may have refreshed it since the lease (this one then waited for its
                            // refresh lock): that answer is as fresh as this pass needs, no second carrier call.
                            await tracker.RefreshAsync(shipment, freshEnoughSince: now);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // Its lease stays, and holds it back for the lease's length: a crash is not retried at once.
                            LogRefreshCrashed(e, shipment.State.Id);
                        }
                        handled[shipment.State.Id] = true;
                    });
            }
            finally
            {
                // Stopping (the refreshes are cancelled with the server) with part of the batch not done: hand those
                // back now rather than hold them for the lease's length, so another node takes them at once.
                if (handled.Count < todo.Count)
                {
                    await ReleaseAsync(todo.Where(s => !handled.ContainsKey(s.State.Id)).ToList(), now + settings.LeaseDuration);
                }
            }
            if (due.Count < settings.BatchSize)
            {
                return;
            }
        }
    }

    private async Task ReleaseAsync(IReadOnlyList<Storage.StoredShipment> leased, DateTimeOffset leasedUntil)
    {
        try
        {
            var released = await store.ReleaseLeasesAsync(leased.Select(s => s.State.Id).ToList(), leasedUntil, CancellationToken.None);
            LogReleased(released);
        }
        catch (Exception e)
        {
            // Only a delay is lost: the leases run out by themselves.
            LogReleaseFailed(e, leased.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: gave back {Count} shipment leases not used, for other nodes to take now.")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving back {Count} shipment leases at shutdown failed; they expire by themselves.")]
    private partial void LogReleaseFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The refresh scheduler is disabled (Scheduler:Enabled = false).")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduler pass failed; the next pass retries.")]
    private partial void LogTickFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing shipment {ShipmentId} failed unexpectedly.")]
    private partial void LogRefreshCrashed(Exception exception, string shipmentId);
}
