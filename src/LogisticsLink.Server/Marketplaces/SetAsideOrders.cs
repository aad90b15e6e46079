using System.Collections.Concurrent;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// The orders of each account set aside as unreadable, by a sync round, an Amazon MCF read or a notification, until the
/// order is imported (the marketplace changed it into a shape we read): every round names them in the account's last
/// error, so an operator sees them for as long as they are missing, not only in the round that met them (a client reports
/// an unchanged unreadable order once, and neither a notification's order nor an MCF order is in any round's pages). Kept in memory: after a restart the
/// initial sync window reads them again. Bounded per account; the log names every one.
/// </summary>
internal sealed class SetAsideOrders
{
    private const int MaxPerAccount = 100;

    private readonly ConcurrentDictionary<string, Dictionary<string, UnreadableOrder>> _byAccount = new(StringComparer.Ordinal);

    /// <returns>
    /// Whether this is news: false when the order is already set aside for the same reason (a listing that reads it again
    /// unchanged need not log it again).
    /// </returns>
    public bool Add(string accountKey, UnreadableOrder order)
    {
        var orders = _byAccount.GetOrAdd(accountKey, _ => new(StringComparer.Ordinal));
        lock (orders)
        {
            // An order without a readable id is kept by what was wrong with it: nothing can ever import it by id.
            var key = order.OrderId.Length > 0 ? order.OrderId : order.Reason;
            if (orders.TryGetValue(key, out var known) && known == order)
            {
                return false;
            }
            if (orders.Count < MaxPerAccount || orders.ContainsKey(key))
            {
                orders[key] = order;
            }
            return true;
        }
    }

    public void Imported(string accountKey, string orderId)
    {
        if (_byAccount.TryGetValue(accountKey, out var orders))
        {
            lock (orders)
            {
                orders.Remove(orderId);
            }
        }
    }

    /// <summary>The account's orders set aside and not imported since, oldest first.</summary>
    public IReadOnlyList<UnreadableOrder> Of(string accountKey)
    {
        if (!_byAccount.TryGetValue(accountKey, out var orders))
        {
            return [];
        }
        lock (orders)
        {
            return orders.Values.ToList();
        }
    }
}
