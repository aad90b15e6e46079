using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Keeps order risks current: judges an order again whenever one of its shipments changed, and sweeps for orders that
/// passed their latest ship date unshipped (nothing else would touch them).
/// </summary>
public sealed partial class OrderReviewer(
    OrderReviewQueue queue, OrderLinker linker, IOrderStore orders, IOptions<OrderOptions> options, TimeProvider time,
    ILogger<OrderReviewer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(DrainAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (tenantId, order) in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await linker.ReassessAsync(tenantId, order, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReviewFailed(e, order.Channel, order.OrderId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
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
                    foreach (var order in await orders.ListOverdueUnflaggedAsync(time.GetUtcNow(), 500, stoppingToken))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Judging the risks of {Channel} order {OrderId} failed")]
    private partial void LogReviewFailed(Exception exception, string channel, string orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep for unshipped overdue orders failed")]
    private partial void LogSweepFailed(Exception exception);
}
