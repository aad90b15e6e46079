using System.Globalization;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// Turns the sources into the ordered entries of a pack: the order, then per shipment its header, every carrier event
/// (oldest first, with when it happened, when we received it, the source, the raw code and the payload's SHA-256) and
/// its proof of delivery; then the checks, the replies and the claims. The same sources give the same entries.
/// </summary>
public static class EvidenceEntries
{
    public static IReadOnlyList<EvidenceEntry> Build(EvidenceSources sources)
    {
        var entries = new List<EvidenceEntry>();
        if (sources.Order is { } order)
        {
            entries.Add(new(EvidenceKinds.Order, $"{order.Channel}:{order.OrderId}", Fields(
                ("channel", order.Channel), ("order_id", order.OrderId), ("fulfillment_channel", order.FulfillmentChannel.ToString()),
                ("status", order.Status), ("marketplace_id", order.MarketplaceId), ("purchased_at", Iso(order.PurchasedAt)),
                ("latest_ship_date", Iso(order.LatestShipDate)), ("latest_delivery_date", Iso(order.LatestDeliveryDate)),
                ("shipped_at", Iso(order.ShippedAt)))));
        }
        foreach (var shipment in sources.Shipments)
        {
            var s = shipment.State;
            entries.Add(new(EvidenceKinds.Shipment, s.Id, Fields(
                ("carrier", s.Carrier), ("tracking_number", s.TrackingNumber), ("status", s.Status.ToString()),
                ("status_detail", s.StatusDetail), ("tracking_url", s.TrackingUrl), ("registered_at", Iso(s.CreatedAt)),
                ("promised_by", Iso(s.PromisedBy)), ("delivered_at", Iso(s.DeliveredAt)))));
            foreach (var e in shipment.Events)
            {
                entries.Add(EventEntry(s.Id, e));
            }
            if (s.ProofOfDelivery is { IsEmpty: false } pod)
            {
                entries.Add(new(EvidenceKinds.ProofOfDelivery, s.Id, Fields(
                    ("signed_by", pod.SignedBy), ("location", pod.Location), ("has_signature", Bool(pod.HasSignature)),
                    ("has_photo", Bool(pod.HasPhoto)), ("delivered_at", Iso(s.DeliveredAt)))));
            }
        }
        var facts = EvidenceFacts.From(sources);
        entries.Add(new(EvidenceKinds.Check, "shipped_on_time", Fields(
            ("first_carrier_scan_at", Iso(facts.FirstCarrierScanAt)), ("latest_ship_date", Iso(facts.LatestShipDate)), ("result", Bool(facts.ShippedOnTime)))));
        entries.Add(new(EvidenceKinds.Check, "valid_tracking", ValidTrackingFields(facts)));
        entries.Add(new(EvidenceKinds.Check, "delivered_on_time", Fields(
            ("promised_by", Iso(facts.PromisedBy)), ("delivered_at", Iso(facts.DeliveredAt)), ("result", Bool(facts.DeliveredOnTime)))));
        entries.Add(new(EvidenceKinds.Check, "answered_within_24_hours", Fields(("result", Bool(facts.AnsweredWithin24Hours)))));
        foreach (var reply in sources.Replies)
        {
            entries.Add(new(EvidenceKinds.Reply, $"{Iso(reply.RenderedAt)}:{reply.TemplateId}", Fields(
                ("template_id", reply.TemplateId), ("template_version", reply.TemplateVersion.ToString(CultureInfo.InvariantCulture)),
                ("language", reply.Language), ("channel", reply.Channel), ("rendered_at", Iso(reply.RenderedAt)),
                ("inquiry_received_at", Iso(reply.InquiryReceivedAt)), ("compliant", Bool(reply.Compliant)), ("text", reply.Text))));
        }
        foreach (var claim in sources.Claims)
        {
            entries.Add(new(EvidenceKinds.Claim, claim.ClaimId, Fields(
                ("kind", claim.Kind), ("opened_at", Iso(claim.OpenedAt)), ("respond_by", Iso(claim.RespondBy)), ("registered_at", Iso(claim.RegisteredAt)))));
        }
        return entries;
    }

    /// <summary>A carrier event's entry; its key is the event's identity, the same in every pack.</summary>
    public static EvidenceEntry EventEntry(string shipmentId, EvidenceEvent e) =>
        new(EvidenceKinds.TrackingEvent, $"{shipmentId}|{e.Key}", Fields(
            ("occurred_at", Iso(e.Event.OccurredAt)), ("ingested_at", Iso(e.Event.IngestedAt)), ("source", e.Event.Source),
            ("raw_code", e.Event.RawCode), ("status", e.Event.Status.ToString()), ("status_detail", e.Event.StatusDetail),
            ("description", e.Event.Description), ("location", Place(e.Event.Location)), ("payload_sha256", e.PayloadSha256)));

    /// <summary>
    /// The valid tracking check: <c>not_applicable</c> when Amazon ships every parcel, and the parcels Amazon ships named
    /// when there are any. A pack without one keeps the check as it always was (its result alone), so the same sources
    /// give the same entry and hash as before; packs are verified from their own entries, so old ones verify unchanged.
    /// </summary>
    private static Dictionary<string, string> ValidTrackingFields(EvidenceFacts facts)
    {
        var fields = Fields(("result", facts.ValidTracking is null ? NotApplicable : Bool(facts.ValidTracking)));
        if (facts.ShippedByAmazon.Count > 0)
        {
            fields["shipped_by_amazon"] = string.Join(", ", facts.ShippedByAmazon);
        }
        return fields;
    }

    /// <summary>A check's result when it is not asked of the order's parcels.</summary>
    public const string NotApplicable = "not_applicable";

    public static string Iso(DateTimeOffset? instant) =>
        instant is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "unknown" };

    private static string Place(TrackingLocation l) =>
        string.Join(", ", new[] { l.City, l.Region, l.PostalCode, l.CountryCode }.Where(p => p.Length > 0));

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
