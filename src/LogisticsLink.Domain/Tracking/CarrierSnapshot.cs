using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// What a carrier adapter returns for one tracking number: everything it reported, already normalized.
/// </summary>
/// <param name="Status">The carrier's overall status, when it gives one; otherwise the newest event's status is used.</param>
/// <param name="Events">The carrier's events in any order; duplicates allowed.</param>
/// <param name="PayloadSha256">Hash of the raw carrier payload, kept with the events as evidence.</param>
/// <param name="DeliveryWindow">The carrier's delivery window, when it gives one (EstimatedDelivery is then its end).</param>
/// <param name="ProofOfDelivery">Who signed, where it was left, which images exist; only for delivered parcels.</param>
/// <param name="ObservedAt">
/// When the sender's information was current, for a push that says so (its signing time, the activity's time); null
/// for a poll, whose answer is current when it is applied. A push dated before the estimate kept cannot replace it.
/// </param>
public sealed record CarrierSnapshot(
    TrackingStatus? Status,
    IReadOnlyList<TrackingEvent> Events,
    DateTimeOffset? EstimatedDelivery = null,
    string StatusDetail = "",
    string StatusDescription = "",
    string TrackingUrl = "",
    string PayloadSha256 = "",
    DeliveryWindow? DeliveryWindow = null,
    ProofOfDelivery? ProofOfDelivery = null,
    DateTimeOffset? ObservedAt = null)
{
    /// <summary>The carrier says it does not know the number (UPS TW0001, DHL's 404…): the seller may have a wrong number.</summary>
    public static CarrierSnapshot NotFound(string description = "The carrier does not know this number yet.") =>
        new(TrackingStatus.NotFound, [], StatusDescription: description);

    /// <summary>
    /// The carrier knows the number but has no status for it yet (UPS "NA", 000, 148, 163; DHL <c>unknown</c>): the
    /// reference's UNKNOWN, "no data" (carriers.md §4.2), which is PENDING, not NOT_FOUND, so the seller is not told the
    /// number looks wrong. Both are unknown to the tracker: neither erases a known status, and the same deadline expires them.
    /// </summary>
    public static CarrierSnapshot NoInformationYet(string description) =>
        new(TrackingStatus.Pending, [], StatusDescription: description);
}
