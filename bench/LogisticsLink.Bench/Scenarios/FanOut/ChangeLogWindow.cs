using LogisticsLink.Storage;
using LogisticsLink.Storage.Sql;

namespace LogisticsLink.Bench.Scenarios.FanOut;

/// <summary>
/// The change log between two sequences, read through the real store from a second process (SQLite's WAL lets a reader
/// beside the server's writer; PostgreSQL serves any number of clients): the ground truth each subscriber is audited against.
/// </summary>
internal sealed class ChangeLogWindow
{
    private readonly Dictionary<string, List<long>> _byShipment = new(StringComparer.Ordinal);
    private readonly List<long> _all = [];

    private ChangeLogWindow(long after, long through)
    {
        After = after;
        Through = through;
    }

    public long After { get; }

    public long Through { get; }

    public int Count => _all.Count;

    public static async Task<long> HeadAsync(Func<SqlShipmentStore> open, CancellationToken cancellationToken)
    {
        await using var store = open();
        return await store.GetHeadSequenceAsync(cancellationToken);
    }

    public static async Task<ChangeLogWindow> ReadAsync(Func<SqlShipmentStore> open, long after, long through, CancellationToken cancellationToken)
    {
        var window = new ChangeLogWindow(after, through);
        await using var store = open();
        for (var position = after; position < through;)
        {
            var batch = await store.ReadChangesAsync(ChangeQuery.All, position, 10_000, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var change in batch.Where(c => c.Sequence <= through))
            {
                window._all.Add(change.Sequence);
                if (!window._byShipment.TryGetValue(change.ShipmentId, out var list))
                {
                    window._byShipment[change.ShipmentId] = list = [];
                }
                list.Add(change.Sequence);
            }
            position = batch[^1].Sequence;
        }
        return window;
    }

    /// <summary>The sequences a subscriber to <paramref name="shipmentIds"/> (empty: all) must receive in this window.</summary>
    public HashSet<long> ExpectedFor(IReadOnlyList<string> shipmentIds) => shipmentIds.Count == 0
        ? [.. _all]
        : [.. shipmentIds.SelectMany(id => _byShipment.TryGetValue(id, out var list) ? list : [])];

    public bool Contains(long sequence) => sequence > After && sequence <= Through;
}
