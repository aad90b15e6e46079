using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Bench.Seeding;

/// <summary>A shipment to write straight into the database, with the events it holds.</summary>
public sealed record SeedShipment(ShipmentState State, IReadOnlyList<TrackingEvent> Events);

/// <summary>A change-log row to write straight into the database; <see cref="Payload"/> is a mapped ShipmentChange.</summary>
public sealed record SeedChange(
    string TenantId,
    string ShipmentId,
    ChangeKinds Kinds,
    TrackingStatus PreviousStatus,
    TrackingStatus Status,
    long Version,
    DateTimeOffset CommittedAt,
    byte[] Payload);
