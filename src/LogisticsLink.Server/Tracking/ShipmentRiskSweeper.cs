using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// Judges again, every <see cref="OrderOptions.SweepInterval"/>, the shipments on which a flag that time alone raises
/// may have come due (<see cref="Domain.Risks.RiskClock"/>): DELAYED once the promise passes, STALLED, NO_VALID_TRACKING.
/// Otherwise only a poll or a push would judge them, and an EXPIRED parcel is never polled, nor is any parcel on a node
/// whose scheduler is off. The judgement goes through <see cref="ShipmentTracker.ChangeAsync"/>, so a raised flag is a
/// change like any other: in the log, on the streams, and judged again on its order.
/// </summary>
public sealed partial class ShipmentRiskSweeper(
    IShipmentStore store, ShipmentTracker tracker, IOptions<OrderOptions> options, TimeProvider time, ILogger<ShipmentRiskSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Batch after batch while batches come full (after an upgrade every open shipment is due once): each judged
    /// shipment's next check moves past now, so the next batch holds others. A failure ends the round, so a shipment that
    /// cannot be judged is tried again at the next tick rather than in a loop.
    /// </summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<StoredShipment> due;
            try
            {
                due = await store.ListRiskChecksDueAsync(time.GetUtcNow(), BatchSize, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
                return;
            }
            var failed = false;
            foreach (var shipment in due)
            {
                try
                {
                    await tracker.ChangeAsync(shipment, Tracker.Reassess, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed = true;
                    LogJudgementFailed(e, shipment.State.Id);
                }
            }
            if (failed || due.Count < BatchSize)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep for shipments whose time-driven risks came due failed")]
    private partial void LogSweepFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Judging the time-driven risks of shipment {ShipmentId} failed")]
    private partial void LogJudgementFailed(Exception exception, string shipmentId);
}
