using System.Collections.Concurrent;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// Multi-Channel Fulfillment orders, per account, with a parcel on its way that only Amazon's package tracking can move
/// (<see cref="ShipmentState.NotPolled"/>: Amazon delivers it, and Amazon Shipping does not know it). Amazon updates an
/// MCF order when it ships, not as its packages move, so the periodic read, which lists the orders updated since a day
/// before the previous one, stops listing it; each such order is read again (getFulfillmentOrder and its packages'
/// tracking) at every MCF round until its parcels are done, or until it is older than
/// <c>Marketplaces:InitialSyncWindow</c>.
/// </summary>
/// <remarks>
/// In memory only: after a restart the first read reaches back the whole InitialSyncWindow, which lists every order kept
/// here. Orders belong to one connection, as the read's windows do: an account connected again starts afresh.
/// </remarks>
internal sealed class OpenMcfOrders(TimeSpan maxAge)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _open = new(StringComparer.Ordinal);

    /// <summary>Keeps the order to read again while one of its parcels is open, or lets it go.</summary>
    /// <param name="since">When the order was placed (or first seen): it is kept for <c>maxAge</c> from then.</param>
    public void Update(string connection, string orderId, DateTimeOffset since, IReadOnlyList<ShipmentState> parcels, DateTimeOffset now)
    {
        var orders = _open.GetOrAdd(connection, _ => new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal));
        // The first time counts: an order read again keeps its age.
        since = orders.TryGetValue(orderId, out var kept) ? kept : since;
        if (parcels.Any(p => p.NotPolled && !p.Status.IsTerminal()) && now - since < maxAge)
        {
            orders[orderId] = since;
        }
        else
        {
            orders.TryRemove(orderId, out _);
        }
    }

    /// <summary>The orders of the connection to read again now, but those just read; those too old are let go.</summary>
    public IReadOnlyList<(string OrderId, DateTimeOffset Since)> Due(string connection, IReadOnlySet<string> justRead, DateTimeOffset now)
    {
        if (!_open.TryGetValue(connection, out var orders))
        {
            return [];
        }
        foreach (var (orderId, since) in orders.Where(o => now - o.Value >= maxAge).ToList())
        {
            orders.TryRemove(new KeyValuePair<string, DateTimeOffset>(orderId, since));
        }
        return orders.Where(o => !justRead.Contains(o.Key)).Select(o => (o.Key, o.Value)).ToList();
    }

    /// <summary>Lets an order go that Amazon no longer gives (a permanent failure).</summary>
    public void Forget(string connection, string orderId)
    {
        if (_open.TryGetValue(connection, out var orders))
        {
            orders.TryRemove(orderId, out _);
        }
    }
}
