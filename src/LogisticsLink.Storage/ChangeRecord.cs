using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage;

/// <summary>One committed entry of the change log. <see cref="Payload"/> is opaque to the store.</summary>
public sealed record ChangeRecord(
    long Sequence,
    string TenantId,
    string ShipmentId,
    ChangeKinds Kinds,
    TrackingStatus PreviousStatus,
    TrackingStatus Status,
    long Version,
    DateTimeOffset CommittedAt,
    byte[] Payload);

/// <summary>Which part of the log a reader wants. A null tenant reads every tenant (the hub's pump).</summary>
/// <summary>
/// Which part of the log a reader wants. A null tenant reads every tenant (the hub's pump); empty collections mean
/// "any shipment" and "any status" (the status after the change).
/// </summary>
public sealed record ChangeQuery(
    string? TenantId,
    IReadOnlyCollection<string> ShipmentIds,
    IReadOnlyCollection<TrackingStatus> Statuses)
{
    public static readonly ChangeQuery All = new(null, [], []);
}
