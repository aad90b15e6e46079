using System.Collections.Concurrent;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// Orders a marketplace notification named that could not be read, per account, until the account's next sync round
/// names them in its last error: the notification is answered at once, and writing the account's sync state from it
/// would race the round that owns the cursor. A few per account are kept; the log names every one.
/// </summary>
internal sealed class UnreadableOnNotice
{
    /// <summary>More than a round's last error names (it names five): the rest are counted there, not named.</summary>
    private const int MaxPerAccount = 20;

    private readonly ConcurrentDictionary<string, List<UnreadableOrder>> _byAccount = new(StringComparer.Ordinal);

    public void Add(string accountKey, UnreadableOrder order)
    {
        var orders = _byAccount.GetOrAdd(accountKey, _ => []);
        lock (orders)
        {
            if (orders.Count < MaxPerAccount && !orders.Contains(order))
            {
                orders.Add(order);
            }
        }
    }

    /// <summary>The orders set aside on notice since the last call for this account, now handed to its round.</summary>
    public IReadOnlyList<UnreadableOrder> Take(string accountKey)
    {
        if (!_byAccount.TryGetValue(accountKey, out var orders))
        {
            return [];
        }
        lock (orders)
        {
            var taken = orders.ToList();
            orders.Clear();
            return taken;
        }
    }
}
