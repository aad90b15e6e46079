using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>One item of evidence a claim response asks for, whether the order has it, and what it is.</summary>
public sealed record ClaimEvidenceItem(string Item, bool Available, string Detail);

/// <summary>
/// The evidence RegisterClaim reports (reference: marketplaces.md §5.8, "dispatch method, proof of delivery, tracking
/// number, and carrier details", plus the checks of <see cref="EvidenceFacts"/>), over every parcel of the order: a
/// claim is about the whole order, and a delivered parcel's signature does not show that a lost one arrived (an unclear
/// delivery favours the buyer). A voided label is no dispatch: the evidence is the parcels that went out.
/// </summary>
public static class ClaimEvidence
{
    public static IReadOnlyList<ClaimEvidenceItem> From(EvidenceSources sources)
    {
        var facts = EvidenceFacts.From(sources);
        var parcels = EvidenceFacts.Parcels(sources).Select(p => p.State).OrderBy(s => s.CreatedAt).ToList();
        var shipped = parcels.Count > 0;
        var unscanned = EvidenceFacts.Parcels(sources).Where(p => !EvidenceFacts.HasPhysicalScan(p))
            .OrderBy(p => p.State.CreatedAt).Select(p => p.State.TrackingNumber).ToList();
        var unscannedBySeller = EvidenceFacts.SellerShipped(EvidenceFacts.Parcels(sources)).Where(p => !EvidenceFacts.HasPhysicalScan(p))
            .OrderBy(p => p.State.CreatedAt).Select(p => p.State.TrackingNumber).ToList();
        var carriers = parcels.Select(s => CarrierNames.Display(s.Carrier)).Distinct().ToList();
        return
        [
            new("dispatch_method", shipped, shipped ? $"shipped with {string.Join(", ", carriers)}" : "no parcel (other than a voided label) is linked to the order"),
            new("tracking_number", shipped, shipped ? string.Join(", ", parcels.Select(s => s.TrackingNumber)) : "none"),
            new("carrier", shipped, !shipped ? "none"
                : parcels.Count == 1 ? parcels[0].Carrier
                : string.Join(", ", parcels.Select(s => $"{s.Carrier} ({s.TrackingNumber})"))),
            new("valid_tracking", facts.ValidTracking == true, ValidTrackingDetail(facts, shipped, unscannedBySeller)),
            new("shipped_on_time", facts.ShippedOnTime == true, ShippedOnTimeDetail(facts, shipped, unscanned)),
            new("proof_of_delivery", shipped && parcels.All(HasProofOfDelivery), ProofOfDeliveryDetail(parcels)),
            new("replies_within_24h", facts.AnsweredWithin24Hours == true,
                facts.AnsweredWithin24Hours is null
                    ? sources.Replies.Count == 0 ? "no recorded reply to a buyer message" : "a reply was recorded without the message's received_at: unknown"
                    : facts.AnsweredWithin24Hours.Value ? "every buyer message answered within 24 h" : "a buyer message was first answered after 24 h"),
        ];
    }

    private const string NoParcel = "no parcel is linked to the order";

    /// <summary>
    /// Whether each parcel the seller ships was scanned. A parcel Amazon ships is not the seller's to scan: the check
    /// does not apply to it, which is said as for an order without a parcel rather than judged "no".
    /// </summary>
    private static string ValidTrackingDetail(EvidenceFacts facts, bool shipped, IReadOnlyList<string> unscanned)
    {
        var byAmazon = $"Amazon ships {string.Join(", ", facts.ShippedByAmazon)}";
        return !shipped ? NoParcel
            : facts.ValidTracking is null ? $"does not apply: {byAmazon} (valid tracking is asked of seller-fulfilled shipments)"
            : facts.ShippedByAmazon.Count == 0
                ? unscanned.Count == 0 ? "at least one carrier scan per parcel" : $"no carrier scan for {string.Join(", ", unscanned)}"
            : unscanned.Count == 0 ? $"at least one carrier scan per parcel the seller ships; {byAmazon}"
            : $"no carrier scan for {string.Join(", ", unscanned)}; {byAmazon}";
    }

    private static bool HasProofOfDelivery(ShipmentState parcel) => parcel.ProofOfDelivery is { IsEmpty: false };

    /// <summary>When the order was handed over, as far as scans show it, against its ship-by date; a parcel not scanned is named.</summary>
    private static string ShippedOnTimeDetail(EvidenceFacts facts, bool shipped, IReadOnlyList<string> unscanned)
    {
        var waiting = $"no carrier scan yet for {string.Join(", ", unscanned)}";
        var handedOver = !shipped ? "nothing shipped"
            : facts.FirstCarrierScanAt is not { } scan ? waiting
            : unscanned.Count == 0 ? $"first carrier scan of the last parcel shipped {EvidenceEntries.Iso(scan)}"
            : $"first carrier scan of the last scanned parcel {EvidenceEntries.Iso(scan)}, {waiting}";
        var shipBy = facts.LatestShipDate is { } by ? $"latest ship date {EvidenceEntries.Iso(by)}" : "the order has no latest ship date";
        return $"{handedOver}, {shipBy}";
    }

    /// <summary>Each parcel's proof of delivery, or that it has none, named by its tracking number when there are several.</summary>
    private static string ProofOfDeliveryDetail(IReadOnlyList<ShipmentState> parcels)
    {
        static string Of(ShipmentState parcel) => parcel.ProofOfDelivery is { IsEmpty: false } pod
            ? $"signed by '{pod.SignedBy}', left at '{pod.Location}'"
            : "the carrier gave no proof of delivery";
        return parcels.Count switch
        {
            0 => NoParcel,
            1 => Of(parcels[0]),
            _ => string.Join("; ", parcels.Select(p => $"{p.TrackingNumber}: {Of(p)}")),
        };
    }
}
