using System.Text;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Evidence;

/// <summary>
/// The plain-text summary of an evidence pack for Amazon's A-to-z response box, which takes no attachments and at
/// most 2,000 characters: the facts first, then as many of the latest carrier events as fit, then the pack's signature.
/// </summary>
public static class ClaimSummary
{
    public const int MaxLength = 2000;

    public static string Write(EvidenceSources sources, string chainHead)
    {
        var facts = EvidenceFacts.From(sources);
        var head = new StringBuilder();
        if (sources.Order is { } order)
        {
            head.Append("Order ").Append(order.OrderId).Append(" (").Append(order.Channel).Append(", ").Append(order.FulfillmentChannel).AppendLine(")");
        }
        foreach (var s in sources.Shipments)
        {
            head.Append("Carrier ").Append(Templates.CarrierNames.Display(s.State.Carrier)).Append(", tracking ").Append(s.State.TrackingNumber)
                .Append(", status ").Append(s.State.Status).AppendLine(s.State.DeliveredAt is { } d ? $", delivered {EvidenceEntries.Iso(d)}" : "");
            if (s.State.ProofOfDelivery is { IsEmpty: false } pod)
            {
                head.Append("Proof of delivery: ")
                    .Append(pod.SignedBy.Length > 0 ? $"signed by {pod.SignedBy}; " : "")
                    .Append(pod.Location.Length > 0 ? $"left at {pod.Location}; " : "")
                    .Append(pod.HasSignature ? "signature on file; " : "")
                    .AppendLine(pod.HasPhoto ? "photo on file" : "");
            }
        }
        head.Append("First carrier scan ").Append(Or(facts.FirstCarrierScanAt)).Append(", latest ship date ").Append(Or(facts.LatestShipDate))
            .Append(": shipped on time ").AppendLine(Yes(facts.ShippedOnTime));
        // A parcel Amazon ships has no carrier scans to show: "no" would read as the seller's failure in a claim file.
        head.Append("Valid tracking: ").AppendLine(facts.ValidTracking is { } valid ? valid ? "yes" : "no" : $"does not apply (Amazon ships {(facts.ShippedByAmazon.Count == 1 ? "the parcel" : "every parcel")})");
        head.Append("Promised by ").Append(Or(facts.PromisedBy)).Append(", delivered ").Append(Or(facts.DeliveredAt))
            .Append(": on time ").AppendLine(Yes(facts.DeliveredOnTime));
        if (facts.AnsweredWithin24Hours is { } answered)
        {
            head.Append("Buyer messages answered within 24 h: ").AppendLine(answered ? "yes" : "no");
        }
        var tail = $"Evidence pack SHA-256 chain head {chainHead} (signed).";
        var events = sources.Shipments
            .SelectMany(s => s.Events.Select(e => (s.State.TrackingNumber, e.Event)))
            .OrderByDescending(e => e.Event.OccurredAt)
            .ToList();
        var lines = new List<string>();
        var budget = MaxLength - head.Length - tail.Length - 40;
        foreach (var (number, e) in events)
        {
            var line = $"{EvidenceEntries.Iso(e.OccurredAt)} {number} {e.Status} [{e.RawCode}] {Trim(e.Description, 60)}{Place(e.Location)}";
            if (budget - line.Length - 1 < 0)
            {
                break;
            }
            budget -= line.Length + 1;
            lines.Add(line);
        }
        var text = new StringBuilder(head.ToString());
        text.AppendLine(lines.Count == events.Count ? "Carrier events (newest first):" : $"Latest {lines.Count} of {events.Count} carrier events:");
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }
        text.Append(tail);
        var result = text.ToString();
        return result.Length <= MaxLength ? result : result[..MaxLength];
    }

    private static string Or(DateTimeOffset? instant) => instant is null ? "unknown" : EvidenceEntries.Iso(instant);

    private static string Yes(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Place(TrackingLocation l) => l.City.Length > 0 ? $" ({l.City})" : "";
}
