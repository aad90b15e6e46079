using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// Read-through cache of shipments with their event histories, for GetShipment. Bounded by entry count, and
/// invalidated by every committed change this node sees (its own commits and, through the hub, other nodes').
/// <para>
/// A read that raced a commit must not put the older row back after the invalidation: each key hashes to a stripe
/// whose counter every invalidation bumps, and a loaded entry is only stored if its stripe did not move meanwhile.
/// </para>
/// </summary>
public sealed class ShipmentCache(IShipmentStore store, IOptions<TrackingOptions> options) : IDisposable
{
    private const int Stripes = 1024;
    private readonly long[] _epochs = new long[Stripes];
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheSize });

    /// <summary>The tenant's shipment with its events (newest first), or null when the tenant has no such shipment.</summary>
    public async Task<CachedShipment?> GetAsync(string tenantId, string shipmentId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(shipmentId, out CachedShipment? hit) && hit is not null)
        {
            // Ids are global; a foreign tenant's id is answered exactly like an unknown one.
            return hit.Stored.State.TenantId == tenantId ? hit : null;
        }
        var stripe = StripeOf(shipmentId);
        var epoch = Volatile.Read(ref _epochs[stripe]);
        var stored = await store.FindAsync(tenantId, shipmentId, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var loaded = new CachedShipment(stored, await store.GetEventsAsync(shipmentId, cancellationToken));
        if (Volatile.Read(ref _epochs[stripe]) == epoch)
        {
            _cache.Set(shipmentId, loaded, new MemoryCacheEntryOptions { Size = 1 });
        }
        return loaded;
    }

    /// <summary>The shipment changed (or its row did): forget it.</summary>
    public void Invalidate(string shipmentId)
    {
        Interlocked.Increment(ref _epochs[StripeOf(shipmentId)]);
        _cache.Remove(shipmentId);
    }

    public void Dispose() => _cache.Dispose();

    private static int StripeOf(string shipmentId) => (int)((uint)StringComparer.Ordinal.GetHashCode(shipmentId) % Stripes);
}

/// <summary>A shipment row and its event history as read together.</summary>
public sealed record CachedShipment(StoredShipment Stored, IReadOnlyList<TrackingEvent> Events);
