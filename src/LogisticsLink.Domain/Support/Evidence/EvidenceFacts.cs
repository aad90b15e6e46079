using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// What a claim response needs (reference: marketplaces.md §5.4, §5.8): shipped on time (the first carrier scan
/// against the latest ship date), valid tracking (at least one physical carrier scan), promised against actual
/// delivery, and whether every buyer message was answered within 24 hours.
/// </summary>
public sealed record EvidenceFacts(
    DateTimeOffset? FirstCarrierScanAt, DateTimeOffset? LatestShipDate, bool? ShippedOnTime, bool ValidTracking,
    DateTimeOffset? PromisedBy, DateTimeOffset? DeliveredAt, bool? DeliveredOnTime, bool? AnsweredWithin24Hours)
{
    public static EvidenceFacts From(EvidenceSources sources)
    {
        var scans = sources.Shipments.SelectMany(s => s.Events)
            .Where(e => IsPhysicalScan(e.Event.Status))
            .Select(e => e.Event.OccurredAt)
            .ToList();
        DateTimeOffset? firstScan = scans.Count == 0 ? null : scans.Min();
        var shipBy = sources.Order?.LatestShipDate;
        var promised = sources.Order?.LatestDeliveryDate ?? sources.Shipments.Select(s => s.State.PromisedBy).FirstOrDefault(p => p is not null);
        var delivered = sources.Shipments.Count > 0 && sources.Shipments.All(s => s.State.DeliveredAt is not null)
            ? sources.Shipments.Max(s => s.State.DeliveredAt)
            : null;
        var answered = sources.Replies.Where(r => r.InquiryReceivedAt is not null).ToList();
        return new EvidenceFacts(
            firstScan,
            shipBy,
            firstScan is { } f && shipBy is { } s ? f <= s : null,
            sources.Shipments.Count > 0 && sources.Shipments.All(sh => sh.Events.Any(e => IsPhysicalScan(e.Event.Status))),
            promised,
            delivered,
            delivered is { } d && promised is { } p ? d <= p : null,
            answered.Count == 0 ? null : answered.All(r => r.RenderedAt <= r.InquiryReceivedAt!.Value + Inquiries.SupportClocks.InquiryResponse));
    }

    /// <summary>A scan made by the carrier handling the parcel: anything past "label created".</summary>
    public static bool IsPhysicalScan(TrackingStatus status) =>
        status is not (TrackingStatus.Unspecified or TrackingStatus.Pending or TrackingStatus.NotFound or TrackingStatus.InfoReceived
            or TrackingStatus.Cancelled or TrackingStatus.Expired);
}
