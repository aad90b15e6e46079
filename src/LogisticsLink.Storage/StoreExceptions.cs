namespace LogisticsLink.Storage;

/// <summary>The row changed since it was read; reload and apply again.</summary>
public sealed class ConcurrencyConflictException(string shipmentId)
    : Exception($"Shipment {shipmentId} was changed by another writer.");

/// <summary>The (tenant, carrier, tracking number) is already tracked.</summary>
public sealed class DuplicateShipmentException(string carrier, string trackingNumber)
    : Exception($"{carrier} {trackingNumber} is already tracked.");
