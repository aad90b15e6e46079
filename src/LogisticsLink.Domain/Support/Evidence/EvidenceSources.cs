using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>A stored carrier event with the SHA-256 of the raw carrier payload it was read from.</summary>
/// <param name="Identity">The event's identity as stored (its de-duplication key); the one computed from the event when empty.</param>
public sealed record EvidenceEvent(TrackingEvent Event, string PayloadSha256, string Identity = "")
{
    public string Key => Identity.Length > 0 ? Identity : Event.DedupKey;
}

/// <summary>A shipment with its full history, oldest event first.</summary>
public sealed record EvidenceShipment(ShipmentState State, IReadOnlyList<EvidenceEvent> Events);

/// <summary>A reply rendered for the order (the record that the seller answered, and when).</summary>
/// <param name="InquiryReceivedAt">When the buyer's message arrived, when the reply answered one.</param>
public sealed record ReplyRecord(
    string TemplateId, int TemplateVersion, string Language, string Channel, string Text, bool Compliant,
    DateTimeOffset RenderedAt, DateTimeOffset? InquiryReceivedAt);

/// <summary>A claim against an order (an A-to-z Guarantee claim, a chargeback…).</summary>
public sealed record ClaimRecord(string ClaimId, string Channel, string OrderId, string Kind, DateTimeOffset OpenedAt, DateTimeOffset RespondBy, DateTimeOffset RegisteredAt);

/// <summary>Everything an evidence pack is made from.</summary>
public sealed record EvidenceSources(
    string TenantId, OrderState? Order, IReadOnlyList<EvidenceShipment> Shipments, IReadOnlyList<ReplyRecord> Replies, IReadOnlyList<ClaimRecord> Claims);
