using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// What the last refresh of a shipment left stored (<see cref="KnownEvents"/>), so that the next refresh applies the
/// carrier's answer without reading the keys back. An entry holds for one <see cref="ShipmentState.Version"/>:
/// every write that stores scans moves the version, so a copy whose version differs, because another writer or node
/// stored scans since, is never used; and a refresh commits only on the revision it read, so a version that moved
/// after the lookup fails that refresh's commit and it reads again. Bounded by entry count; size 0 turns it off.
/// </summary>
public sealed class KnownEventsCache(IOptions<TrackingOptions> options) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.KnownEventsCacheSize > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.KnownEventsCacheSize })
        : null;

    /// <summary>The shipment's stored keys, newest scan and latest delivery at <paramref name="version"/>, if kept.</summary>
    public KnownEvents? Find(string shipmentId, long version) =>
        _cache is not null && _cache.TryGetValue(shipmentId, out Entry? entry) && entry!.Version == version ? entry.Known : null;

    /// <summary>
    /// Keeps what a commit just left stored for the shipment; a shipment no longer polled (delivered, returned, expired)
    /// is forgotten: another answer for it is rare, and its entry would only take room from parcels still moving.
    /// </summary>
    public void Remember(ShipmentState committed, KnownEvents known)
    {
        if (committed.NextCheckAt is null)
        {
            _cache?.Remove(committed.Id);
        }
        else
        {
            _cache?.Set(committed.Id, new Entry(committed.Version, known), new MemoryCacheEntryOptions { Size = 1 });
        }
    }

    public void Dispose() => _cache?.Dispose();

    private sealed record Entry(long Version, KnownEvents Known);
}
