using LogisticsLink.Domain.Tracking;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// What the last refresh of a shipment left stored (<see cref="KnownEvents"/>), so that the next refresh applies the
/// carrier's answer without reading the keys back. An entry holds for one <see cref="Domain.Shipments.ShipmentState.Version"/>:
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

    /// <summary>Keeps what is stored for the shipment at <paramref name="version"/>, which a commit just made so.</summary>
    public void Remember(string shipmentId, long version, KnownEvents known) =>
        _cache?.Set(shipmentId, new Entry(version, known), new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _cache?.Dispose();

    private sealed record Entry(long Version, KnownEvents Known);
}
