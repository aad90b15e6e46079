using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// The outcome of applying something to a shipment: its new state, the events to store, and what changed.
/// When <see cref="Kinds"/> is <see cref="ChangeKinds.None"/> the new state differs only in bookkeeping
/// (last check, next check) and no change is logged.
/// </summary>
public sealed record ShipmentChangeSet(
    ShipmentState State,
    IReadOnlyList<TrackingEvent> AddedEvents,
    ChangeKinds Kinds,
    TrackingStatus PreviousStatus)
{
    public bool HasChanges => Kinds != ChangeKinds.None;
}
