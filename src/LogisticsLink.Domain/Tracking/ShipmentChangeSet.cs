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

    /// <summary>
    /// The order the shipment was linked to before this change (none for a new shipment). When it differs from the
    /// new state's, that order lost the parcel and must be judged again, as the new one must.
    /// </summary>
    public OrderLink PreviousOrder { get; init; } = OrderLink.None;

    public bool OrderLinkChanged => PreviousOrder != State.Order;
}
