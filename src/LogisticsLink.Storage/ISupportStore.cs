using LogisticsLink.Domain.Support.Evidence;

namespace LogisticsLink.Storage;

/// <summary>
/// The support desk's records, in the same database as shipments and orders: tenant reply templates (every version
/// kept), replies rendered for orders (the record that the seller answered, and when) and claims.
/// </summary>
public interface ISupportStore
{
    /// <summary>Stores a new version of a tenant template (1 for the first, then +1) and returns it.</summary>
    Task<ReplyTemplateRecord> SaveTemplateAsync(
        string tenantId, string templateId, string language, string channel, string body, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The latest version of a tenant template for a language: the one for <paramref name="channel"/> when there is
    /// one, else the one for every channel. Null when the tenant has neither.
    /// </summary>
    Task<ReplyTemplateRecord?> FindTemplateAsync(
        string tenantId, string templateId, string language, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Records a reply as sent. A reply with the same text to the same buyer message (its
    /// <see cref="ReplyRecord.InquiryReceivedAt"/>) is recorded once: a retried call adds nothing. Without a received time
    /// nothing tells a retry from a second answer, and each is recorded.
    /// </summary>
    Task RecordReplyAsync(string tenantId, string channel, string orderId, ReplyRecord reply, CancellationToken cancellationToken);

    /// <summary>Replies rendered for an order, oldest first.</summary>
    Task<IReadOnlyList<ReplyRecord>> ListRepliesAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a claim and, in the same transaction, marks its order to be judged again (CLAIM_OPEN); returns it. When the
    /// order already has a claim of the same kind (every claim stays open), that one is returned and nothing is stored:
    /// a retried registration opens no second claim.
    /// </summary>
    Task<ClaimRecord> SaveClaimAsync(string tenantId, ClaimRecord claim, CancellationToken cancellationToken);

    /// <summary>Claims on an order, oldest first.</summary>
    Task<IReadOnlyList<ClaimRecord>> ListClaimsAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken);

    /// <summary>A shipment's events, oldest first, each with the SHA-256 of the carrier payload it came from.</summary>
    Task<IReadOnlyList<EvidenceEvent>> GetEvidenceEventsAsync(string shipmentId, CancellationToken cancellationToken);
}

public sealed record ReplyTemplateRecord(
    string TemplateId, string Language, string Channel, int Version, string Body, DateTimeOffset UpdatedAt);
