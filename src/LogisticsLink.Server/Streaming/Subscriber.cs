using System.Threading.Channels;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// One live WatchShipments call as the hub sees it: a filter and a bounded queue. The hub only ever calls
/// <see cref="Offer"/>, which never waits; when the queue is full the subscriber is marked overflowed and receives
/// nothing more until its call has caught up from the log and called <see cref="ResetOverflow"/>.
/// </summary>
public sealed class Subscriber
{
    private readonly Channel<ChangeRecord> _queue;
    private readonly IReadOnlySet<string> _shipmentIds;
    private readonly IReadOnlySet<TrackingStatus> _statuses;
    private int _overflowed;

    public Subscriber(string tenantId, IReadOnlySet<string> shipmentIds, IReadOnlySet<TrackingStatus> statuses, int capacity)
        : this(tenantId, shipmentIds, statuses, Channel.CreateBounded<ChangeRecord>(new BoundedChannelOptions(capacity)
        {
            // Wait makes TryWrite report a full queue instead of silently dropping: the hub must know to stop.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        }))
    {
    }

    /// <summary>With a queue of the caller's (tests put the reader's moves between the hub's).</summary>
    internal Subscriber(string tenantId, IReadOnlySet<string> shipmentIds, IReadOnlySet<TrackingStatus> statuses, Channel<ChangeRecord> queue)
    {
        TenantId = tenantId;
        _shipmentIds = shipmentIds;
        _statuses = statuses;
        _queue = queue;
    }

    public string TenantId { get; }

    /// <summary>The shipments watched; empty means every shipment of the tenant.</summary>
    public IReadOnlySet<string> ShipmentIds => _shipmentIds;

    public ChangeQuery Query => new(TenantId, _shipmentIds, _statuses);

    public ChannelReader<ChangeRecord> Reader => _queue.Reader;

    public bool Overflowed => Volatile.Read(ref _overflowed) != 0;

    /// <summary>The status filter; the hub already offers a change only to the watchers of its shipment.</summary>
    public bool MatchesStatus(TrackingStatus status) => _statuses.Count == 0 || _statuses.Contains(status);

    /// <summary>Called by the hub's single pump. Never blocks.</summary>
    public void Offer(ChangeRecord change)
    {
        if (Overflowed)
        {
            return;
        }
        if (!_queue.Writer.TryWrite(change))
        {
            Interlocked.Exchange(ref _overflowed, 1);
            // The call may have emptied the queue between the failed write and the mark, seen no mark, and gone to
            // wait on a queue nothing fills any more (until its next heartbeat). Writing once more wakes it; if the
            // queue is still full, the call has changes to read first and will find the mark after them.
            _queue.Writer.TryWrite(change);
        }
    }

    /// <summary>Empties the queue and accepts live updates again; the caller then reads the log from its position.</summary>
    public void ResetOverflow()
    {
        while (_queue.Reader.TryRead(out _))
        {
        }
        Interlocked.Exchange(ref _overflowed, 0);
    }

    /// <summary>No more updates will come (server shutting down).</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
