using System.Collections.Concurrent;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// FBA shipments report rows whose order was not stored when the report was applied, per account: the order sync has
/// not reached the order yet (a large first sync stops after a number of pages per round), is failing while the report
/// works, or the order is stored later on a notice. Later reports reach back only a day before the previous one, so
/// without these rows such an order would never get its parcels. Each one is tried again with every report until its
/// order is stored, or until it is older than <c>Marketplaces:InitialSyncWindow</c> — as far as a first report reaches,
/// so a row that old would not be read after a restart either.
/// </summary>
/// <remarks>
/// In memory only, like the report's window: after a restart the first report reads the whole InitialSyncWindow again,
/// which lists every row that was kept here. For the same reason rows belong to one connection, as the report's
/// windows do: an account connected again (other marketplaces, maybe another seller) starts afresh, its first report
/// reading the whole window, and the replaced connection's rows are let go when that report is applied.
/// </remarks>
internal sealed class PendingFbaPackages(TimeSpan maxAge, int maxPerAccount = PendingFbaPackages.DefaultMaxPerAccount)
{
    /// <summary>
    /// Rows kept per account at most (roughly half a kilobyte each). Past it the oldest go first: they have the least
    /// time left for their order to arrive.
    /// </summary>
    public const int DefaultMaxPerAccount = 20_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ConnectedAt, IReadOnlyList<PendingFbaOrder> Orders)> _kept =
        new(StringComparer.Ordinal);

    /// <summary>
    /// What to attach along with a new report: the report's rows, then the rows kept from earlier reports for orders
    /// it does not list (a newer row replaces a kept one). Changes nothing; <see cref="Keep"/> does, once the report
    /// has been applied, so a store failure half-way loses nothing.
    /// </summary>
    public IReadOnlyList<PendingFbaOrder> WithKept(
        string account, DateTimeOffset connectedAt, IReadOnlyDictionary<string, IReadOnlyList<ImportedPackage>> report, DateTimeOffset now)
    {
        var kept = new Dictionary<string, PendingFbaOrder>(StringComparer.Ordinal);
        if (_kept.TryGetValue(account, out var held) && held.ConnectedAt == connectedAt)
        {
            foreach (var order in held.Orders)
            {
                kept[order.OrderId] = order;
            }
        }
        var orders = new List<PendingFbaOrder>(report.Count + kept.Count);
        foreach (var (orderId, packages) in report)
        {
            // A row without a ship date ages from the first report that listed its order, not the latest.
            var firstSeen = kept.Remove(orderId, out var earlier) ? earlier.FirstSeen : now;
            orders.Add(new PendingFbaOrder(orderId, packages, firstSeen, FromEarlierReport: false));
        }
        orders.AddRange(kept.Values.Select(k => k with { FromEarlierReport = true }));
        return orders;
    }

    /// <summary>
    /// Keeps the orders still not stored once a report was applied, in place of those kept before (a replaced
    /// connection's among them). Returns how many were given up: older than the window, or over the cap.
    /// </summary>
    public int Keep(string account, DateTimeOffset connectedAt, IReadOnlyCollection<PendingFbaOrder> unattached, DateTimeOffset now)
    {
        var oldest = now - maxAge;
        var keep = unattached.Where(o => o.Since >= oldest).OrderByDescending(o => o.Since).Take(maxPerAccount).ToList();
        if (keep.Count == 0)
        {
            _kept.TryRemove(account, out _);
        }
        else
        {
            _kept[account] = (connectedAt, keep);
        }
        return unattached.Count - keep.Count;
    }
}

/// <summary>One order's FBA parcels from a shipments report, waiting for the order to be stored.</summary>
internal sealed record PendingFbaOrder(string OrderId, IReadOnlyList<ImportedPackage> Packages, DateTimeOffset FirstSeen, bool FromEarlierReport)
{
    /// <summary>How old the row is: the parcels' earliest ship date, or when it was first seen when the report has none.</summary>
    public DateTimeOffset Since => Packages.Min(p => p.ShippedAt) ?? FirstSeen;
}
