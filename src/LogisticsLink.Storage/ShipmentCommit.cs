using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage;

/// <summary>
/// One atomic write. <see cref="ExpectedRevision"/> 0 inserts a new shipment; otherwise the row must still have that
/// revision. <see cref="ChangePayload"/> null means no change-log entry (bookkeeping only, such as the next check time).
/// </summary>
public sealed record ShipmentCommit(
    ShipmentState State,
    long ExpectedRevision,
    IReadOnlyList<TrackingEvent> AddedEvents,
    ChangeKinds Kinds,
    TrackingStatus PreviousStatus,
    byte[]? ChangePayload,
    string PayloadSha256 = "")
{
    /// <summary>
    /// Orders to judge again because of this change (<see cref="IOrderStore.ListOrdersToReviewAsync"/>), marked in the
    /// same transaction.
    /// </summary>
    public IReadOnlyList<OrderLink> OrdersToReview { get; init; } = [];
}

/// <summary>
/// What a commit produced: the new row revision and the change's sequence (0 when none was logged), and when the
/// change was committed (the log's <c>committed_at</c>, stamped in the committing transaction).
/// </summary>
public sealed record CommitResult(long Revision, long Sequence)
{
    public DateTimeOffset CommittedAt { get; init; }

    /// <summary>
    /// An order commit only: the order was marked to be judged again after its <see cref="OrderCommit.ReviewMark"/> was
    /// read, so what was stored was decided on shipments that have changed since.
    /// </summary>
    public bool ReviewPending { get; init; }
}
