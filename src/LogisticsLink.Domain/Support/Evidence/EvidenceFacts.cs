using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// What a claim response needs (reference: marketplaces.md §5.4, §5.8): shipped on time (the first carrier scan
/// against the latest ship date), valid tracking (at least one physical carrier scan), promised against actual
/// delivery, and whether every buyer message was answered within 24 hours by a compliant reply. A cancelled (voided)
/// label is no parcel: it counts in none of them.
/// </summary>
/// <param name="FirstCarrierScanAt">When the order was handed over: each parcel's first carrier scan, the latest of
/// those (a second parcel shipped late makes the order late).</param>
/// <param name="ValidTracking">Whether every parcel the seller ships has a physical carrier scan (false without a
/// parcel); null when Amazon ships every parcel: valid tracking is asked of seller-fulfilled shipments
/// (marketplaces.md §5.4), and a parcel Amazon ships has no carrier scans to show, so the check does not apply.</param>
/// <param name="ShippedByAmazon">The tracking numbers of the parcels Amazon ships (<see cref="ShipmentState.ShippedByAmazon"/>),
/// which the valid tracking check leaves out.</param>
public sealed record EvidenceFacts(
    DateTimeOffset? FirstCarrierScanAt, DateTimeOffset? LatestShipDate, bool? ShippedOnTime, bool? ValidTracking,
    DateTimeOffset? PromisedBy, DateTimeOffset? DeliveredAt, bool? DeliveredOnTime, bool? AnsweredWithin24Hours,
    IReadOnlyList<string> ShippedByAmazon)
{
    public static EvidenceFacts From(EvidenceSources sources)
    {
        var parcels = Parcels(sources);
        var firstScans = parcels.Select(FirstScan).ToList();
        var scanned = firstScans.OfType<DateTimeOffset>().ToList();
        DateTimeOffset? handedOver = scanned.Count == 0 ? null : scanned.Max();
        var shipBy = sources.Order?.LatestShipDate;
        var promised = sources.Order?.LatestDeliveryDate ?? parcels.Select(s => s.State.PromisedBy).FirstOrDefault(p => p is not null);
        var delivered = parcels.Count > 0 && parcels.All(s => s.State.DeliveredAt is not null)
            ? parcels.Max(s => s.State.DeliveredAt)
            : null;
        return new EvidenceFacts(
            handedOver,
            shipBy,
            ShippedBy(firstScans, shipBy),
            ValidTrackingOf(parcels),
            promised,
            delivered,
            delivered is { } d && promised is { } p ? d <= DateOnlyPromise.Deadline(p) : null,
            AnsweredInTime(sources.Replies),
            parcels.Where(s => s.State.ShippedByAmazon).Select(s => s.State.TrackingNumber).ToList());
    }

    /// <summary>The parcels valid tracking is asked of: those the seller ships, not those Amazon ships.</summary>
    public static IReadOnlyList<EvidenceShipment> SellerShipped(IReadOnlyList<EvidenceShipment> parcels) =>
        parcels.Where(s => !s.State.ShippedByAmazon).ToList();

    private static bool? ValidTrackingOf(IReadOnlyList<EvidenceShipment> parcels) =>
        parcels.Count > 0 && SellerShipped(parcels).Count == 0 ? null
        : parcels.Count > 0 && SellerShipped(parcels).All(HasPhysicalScan);

    /// <summary>The shipments that are parcels: every one but a cancelled (voided) label.</summary>
    public static IReadOnlyList<EvidenceShipment> Parcels(EvidenceSources sources) =>
        sources.Shipments.Where(s => s.State.Status != TrackingStatus.Cancelled).ToList();

    /// <summary>Whether the carrier has physically scanned the parcel (a "label created" event is no scan).</summary>
    public static bool HasPhysicalScan(EvidenceShipment parcel) => FirstScan(parcel) is not null;

    private static DateTimeOffset? FirstScan(EvidenceShipment parcel) =>
        parcel.Events.Where(e => e.Event.Status.IsPhysicalScan()).Select(e => (DateTimeOffset?)e.Event.OccurredAt).Min();

    // Only a compliant reply answers: one that breaks the channel's messaging policy is not one the seller may send
    // (replies recorded before ResolveInquiry stopped recording them are still stored). A message is answered by its
    // first reply: a later update to the same message ("we will update you") does not make it late. A reply without
    // the message's time cannot show it was in time, so it leaves the check unknown; a message first answered late
    // makes it false whatever the others say.
    private static bool? AnsweredInTime(IReadOnlyList<ReplyRecord> recorded) =>
        recorded.Where(r => r.Compliant).ToList() is not { Count: > 0 } replies ? null
        : replies.Where(r => r.InquiryReceivedAt is not null).GroupBy(r => r.InquiryReceivedAt!.Value)
            .Any(message => message.Min(r => r.RenderedAt) > message.Key + Inquiries.SupportClocks.InquiryResponse) ? false
        : replies.All(r => r.InquiryReceivedAt is not null) ? true
        : null;

    // Late as soon as one parcel was scanned after the date; on time only when every parcel was scanned by it.
    private static bool? ShippedBy(IReadOnlyList<DateTimeOffset?> firstScans, DateTimeOffset? shipBy) =>
        shipBy is not { } by || firstScans.Count == 0 ? null
        : firstScans.Any(f => f > DateOnlyPromise.Deadline(by)) ? false
        : firstScans.All(f => f is not null) ? true
        : null;
}
