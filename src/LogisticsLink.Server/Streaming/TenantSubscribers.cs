using System.Collections.Concurrent;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// One tenant's live subscribers, indexed so that a change is offered only to its candidates: the watchers of its
/// shipment and the tenant-wide subscribers (no shipment filter). The hub changes it under its own lock; the pump reads
/// it without locking, always seeing whole arrays (they are replaced, never modified).
/// </summary>
internal sealed class TenantSubscribers
{
    private readonly ConcurrentDictionary<string, Subscriber[]> _byShipment = new(StringComparer.Ordinal);
    private Subscriber[] _tenantWide = [];
    private int _count;

    /// <summary>Subscribers watching every shipment of the tenant.</summary>
    public Subscriber[] TenantWide => Volatile.Read(ref _tenantWide);

    public bool IsEmpty => _count == 0;

    /// <summary>Subscribers that named this shipment; null when none did.</summary>
    public Subscriber[]? WatchersOf(string shipmentId) => _byShipment.GetValueOrDefault(shipmentId);

    /// <summary>Caller holds the hub's subscriber lock.</summary>
    public void Add(Subscriber subscriber)
    {
        if (subscriber.ShipmentIds.Count == 0)
        {
            Volatile.Write(ref _tenantWide, [.. _tenantWide, subscriber]);
        }
        else
        {
            foreach (var id in subscriber.ShipmentIds)
            {
                _byShipment[id] = _byShipment.TryGetValue(id, out var watchers) ? [.. watchers, subscriber] : [subscriber];
            }
        }
        _count++;
    }

    /// <summary>Caller holds the hub's subscriber lock. False when the subscriber was not registered.</summary>
    public bool Remove(Subscriber subscriber)
    {
        if (subscriber.ShipmentIds.Count == 0)
        {
            var remaining = Without(_tenantWide, subscriber);
            if (remaining is null)
            {
                return false;
            }
            Volatile.Write(ref _tenantWide, remaining);
        }
        else
        {
            var found = false;
            foreach (var id in subscriber.ShipmentIds)
            {
                if (!_byShipment.TryGetValue(id, out var watchers) || Without(watchers, subscriber) is not { } remaining)
                {
                    continue;
                }
                found = true;
                if (remaining.Length == 0)
                {
                    _byShipment.TryRemove(id, out _);
                }
                else
                {
                    _byShipment[id] = remaining;
                }
            }
            if (!found)
            {
                return false;
            }
        }
        _count--;
        return true;
    }

    /// <summary>Ends every subscriber's queue (server shutting down).</summary>
    public void CompleteAll()
    {
        foreach (var subscriber in TenantWide)
        {
            subscriber.Complete();
        }
        foreach (var watchers in _byShipment.Values)
        {
            foreach (var subscriber in watchers)
            {
                subscriber.Complete();
            }
        }
    }

    private static Subscriber[]? Without(Subscriber[] subscribers, Subscriber subscriber)
    {
        var index = Array.IndexOf(subscribers, subscriber);
        if (index < 0)
        {
            return null;
        }
        var remaining = new Subscriber[subscribers.Length - 1];
        Array.Copy(subscribers, 0, remaining, 0, index);
        Array.Copy(subscribers, index + 1, remaining, index, remaining.Length - index);
        return remaining;
    }
}
