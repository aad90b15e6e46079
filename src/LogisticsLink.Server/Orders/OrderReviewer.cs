using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Keeps order risks current: judges an order again whenever one of its shipments changed, and sweeps for orders that
/// passed their latest ship date unshipped (nothing else would touch them). The queue is in memory, but every order in
/// it is also marked in the database with the change that queued it, until a judgement saw that change: the sweep
/// queues the marked orders again, so one whose judgement failed, or that the process stopped before, is judged at
/// the next sweep (the first runs at start-up).
/// </summary>
public sealed partial class OrderReviewer(
    OrderReviewQueue queue, OrderLinker linker, IOrderStore orders, IOptions<OrderOptions> options, TimeProvider time,
    ILogger<OrderReviewer> logger) : BackgroundService
{
    private const int SweepBatch = 500;

    // Orders and their marks keep two judgements of one order at once correct (the later write is refused or judged
    // again), but a second one only costs: an order queued again while it is judged waits for that judgement.
    private readonly HashSet<(string, OrderLink)> _judging = [];
    private readonly HashSet<(string, OrderLink)> _queuedWhileJudged = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ReviewConcurrency).Select(_ => DrainAsync(stoppingToken))
            .Append(SweepAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (tenantId, order) in queue.ReadAllAsync(stoppingToken))
            {
                if (!StartJudging((tenantId, order)))
                {
                    continue;
                }
                try
                {
                    await linker.ReassessAsync(tenantId, order, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReviewFailed(e, order.Channel, order.OrderId);
                }
                finally
                {
                    if (EndJudging((tenantId, order)))
                    {
                        queue.Enqueue(tenantId, order);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>False when another worker is judging the order: it judges it once more when done.</summary>
    private bool StartJudging((string, OrderLink) order)
    {
        lock (_judging)
        {
            if (_judging.Add(order))
            {
                return true;
            }
            _queuedWhileJudged.Add(order);
            return false;
        }
    }

    /// <summary>True when the order was queued again while it was judged: its change may have come after the reads.</summary>
    private bool EndJudging((string, OrderLink) order)
    {
        lock (_judging)
        {
            _judging.Remove(order);
            return _queuedWhileJudged.Remove(order);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    foreach (var marked in await orders.ListOrdersToReviewAsync(SweepBatch, stoppingToken))
                    {
                        queue.Enqueue(marked.TenantId, marked.Order);
                    }
                    foreach (var order in await orders.ListOverdueUnflaggedAsync(time.GetUtcNow(), SweepBatch, stoppingToken))
                    {
                        queue.Enqueue(order.TenantId, new OrderLink(order.Channel, order.OrderId));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSweepFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Judging the risks of {Channel} order {OrderId} failed; the next order sweep tries again")]
    private partial void LogReviewFailed(Exception exception, string channel, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep for orders to judge again (marked, or unshipped and overdue) failed")]
    private partial void LogSweepFailed(Exception exception);
}
