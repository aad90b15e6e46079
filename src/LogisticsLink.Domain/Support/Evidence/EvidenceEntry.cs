namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// One fact of an evidence pack: the order, a shipment, a carrier event, the proof of delivery, a check, a reply sent
/// or a claim. <see cref="Fields"/> holds the facts as text (instants as ISO 8601 UTC); the chain hashes them.
/// </summary>
/// <param name="Kind">One of <see cref="EvidenceKinds"/>.</param>
/// <param name="Key">What the entry is about, stable across packs (an event's identity, a shipment id…).</param>
public sealed record EvidenceEntry(string Kind, string Key, IReadOnlyDictionary<string, string> Fields);

public static class EvidenceKinds
{
    public const string Order = "order";
    public const string Shipment = "shipment";
    public const string TrackingEvent = "tracking_event";
    public const string ProofOfDelivery = "proof_of_delivery";
    public const string Check = "check";
    public const string Reply = "reply";
    public const string Claim = "claim";
}
