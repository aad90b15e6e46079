namespace LogisticsLink.Storage;

/// <summary>The row changed since it was read; reload and apply again.</summary>
public sealed class ConcurrencyConflictException(string shipmentId)
    : Exception($"{shipmentId} was changed by another writer.");

/// <summary>The (tenant, carrier, tracking number) is already tracked.</summary>
public sealed class DuplicateShipmentException(string carrier, string trackingNumber)
    : Exception($"{carrier} {trackingNumber} is already tracked.");

public sealed class DuplicateOrderException(string channel, string orderId)
    : Exception($"{channel} order {orderId} already exists.");
