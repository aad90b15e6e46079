using System.Collections.Concurrent;
using System.Threading.Channels;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Orders whose risks must be judged again because one of their shipments changed. The shipment write path only
/// enqueues (it must not wait on orders); <see cref="OrderReviewer"/> drains the queue, several orders at a time. An order already waiting is
/// not queued twice.
/// </summary>
public sealed class OrderReviewQueue
{
    public const ChangeKinds RelevantKinds =
        ChangeKinds.Created | ChangeKinds.StatusChanged | ChangeKinds.RisksChanged | ChangeKinds.EtaChanged | ChangeKinds.EventsAdded;

    private readonly Channel<(string TenantId, OrderLink Order)> _queue =
        Channel.CreateUnbounded<(string, OrderLink)>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<(string, OrderLink), byte> _waiting = new();

    public void Enqueue(string tenantId, OrderLink order)
    {
        if (_waiting.TryAdd((tenantId, order), 0))
        {
            _queue.Writer.TryWrite((tenantId, order));
        }
    }

    public async IAsyncEnumerable<(string TenantId, OrderLink Order)> ReadAllAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            _waiting.TryRemove(item, out _);
            yield return item;
        }
    }
}
