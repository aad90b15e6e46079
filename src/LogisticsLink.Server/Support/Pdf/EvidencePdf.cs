using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.V1;
using PdfSharp.Pdf;

namespace LogisticsLink.Server.Support.Pdf;

/// <summary>
/// An evidence pack as a PDF for buyer-seller messages: the order, each shipment with its timeline (when it happened,
/// when we received it, the source, the raw code, the payload SHA-256), proof of delivery, the checks, the replies
/// and the claims, then the chain head and signature so the printed pack can be matched to the signed one. The PDF
/// is a rendering of the pack, entry by entry in the pack's order; the pack (JSON) stays the verifiable record.
/// </summary>
public static class EvidencePdf
{
    public const string ContentType = "application/pdf";

    /// <summary>
    /// Timeline columns, in points from the left margin of an A4 page (515 points wide): the two instants whole
    /// ("2026-11-20T10:00:00Z" is about 84 points at 8 points), then source, raw code, status and description.
    /// </summary>
    internal static readonly double[] Columns = [0, 92, 184, 236, 290, 360];

    public static byte[] Render(EvidencePack pack)
    {
        EmbeddedFontResolver.Install();
        using var document = new PdfDocument();
        var subject = pack.OrderId.Length > 0 ? $"{pack.Channel} order {pack.OrderId}" : $"shipment {pack.ShipmentId}";
        document.Info.Title = $"Evidence pack — {subject}";
        document.Info.Subject = $"Chain head {pack.ChainHead}";
        document.Info.Author = "LogisticsLink";
        if (pack.GeneratedAt is { } generated)
        {
            document.Info.CreationDate = generated.ToDateTime();
        }
        using (var writer = new PdfPageWriter(document))
        {
            writer.Title($"Evidence pack — {subject}");
            writer.Field("Seller account", pack.Tenant);
            writer.Field("Generated", Iso(pack.GeneratedAt));
            writer.Field("Entries", pack.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var section = "";
            foreach (var entry in pack.Entries)
            {
                Write(writer, entry, ref section);
            }
            writer.Heading("Integrity");
            writer.Field("Algorithm", pack.Algorithm);
            writer.Field("Chain head", pack.ChainHead);
            writer.Field("Signature", pack.Signature);
            writer.Small("Each entry's hash is SHA-256 over the previous entry's hash and the entry; the chain head is the last one. " +
                "VerifyEvidence checks a pack against the store.");
            writer.Footers($"Evidence pack {subject} · chain head {Short(pack.ChainHead)}");
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Write(PdfPageWriter writer, V1.EvidenceEntry entry, ref string section)
    {
        var f = entry.Fields;
        switch (entry.Kind)
        {
            case EvidenceKinds.Order:
                writer.Heading($"Order {Get(f, "order_id")}");
                Fields(writer, f, "channel", "fulfillment_channel", "status", "marketplace_id", "purchased_at", "latest_ship_date",
                    "latest_delivery_date", "shipped_at");
                section = EvidenceKinds.Order;
                break;
            case EvidenceKinds.Shipment:
                writer.Heading($"Shipment {Get(f, "tracking_number")} ({Get(f, "carrier")})");
                Fields(writer, f, "status", "status_detail", "tracking_url", "registered_at", "promised_by", "delivered_at");
                writer.Field("Shipment id", entry.Key);
                section = EvidenceKinds.Shipment;
                break;
            case EvidenceKinds.TrackingEvent:
                if (section != EvidenceKinds.TrackingEvent)
                {
                    writer.Row(Cells("Happened (UTC)", "Received (UTC)", "Source", "Raw code", "Status", "Description, location"), bold: true);
                    section = EvidenceKinds.TrackingEvent;
                }
                writer.Row(Cells(Get(f, "occurred_at"), Get(f, "ingested_at"), Get(f, "source"), Get(f, "raw_code"),
                    Join(Get(f, "status"), Get(f, "status_detail")), Join(Get(f, "description"), Get(f, "location"))));
                writer.Small($"payload SHA-256 {Dash(Get(f, "payload_sha256"))}", indent: Columns[1]);
                break;
            case EvidenceKinds.ProofOfDelivery:
                writer.Heading("Proof of delivery");
                Fields(writer, f, "delivered_at", "signed_by", "location", "has_signature", "has_photo");
                section = EvidenceKinds.ProofOfDelivery;
                break;
            case EvidenceKinds.Check:
                if (section != EvidenceKinds.Check)
                {
                    writer.Heading("Checks");
                    section = EvidenceKinds.Check;
                }
                writer.Line($"{entry.Key}: {Get(f, "result")}" + Details(f));
                break;
            case EvidenceKinds.Reply:
                if (section != EvidenceKinds.Reply)
                {
                    writer.Heading("Replies to the buyer");
                    section = EvidenceKinds.Reply;
                }
                writer.Line($"{Get(f, "rendered_at")} · template {Get(f, "template_id")} v{Get(f, "template_version")} · {Get(f, "language")} · " +
                    $"{Get(f, "channel")} · message received {Dash(Get(f, "inquiry_received_at"))} · compliant {Get(f, "compliant")}");
                writer.Line(Get(f, "text"), indent: 12);
                break;
            case EvidenceKinds.Claim:
                if (section != EvidenceKinds.Claim)
                {
                    writer.Heading("Claims");
                    section = EvidenceKinds.Claim;
                }
                writer.Line($"{entry.Key}: {Get(f, "kind")} opened {Get(f, "opened_at")}, respond by {Get(f, "respond_by")}, registered {Get(f, "registered_at")}");
                break;
            default:
                writer.Heading(entry.Kind);
                Fields(writer, f, f.Keys.Order(StringComparer.Ordinal).ToArray());
                section = entry.Kind;
                break;
        }
    }

    private static void Fields(PdfPageWriter writer, IDictionary<string, string> fields, params string[] names)
    {
        foreach (var name in names)
        {
            writer.Field(name.Replace('_', ' '), Get(fields, name), indent: 6);
        }
    }

    private static string Details(IDictionary<string, string> fields)
    {
        var details = fields.Where(p => p.Key != "result" && p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key.Replace('_', ' ')} {p.Value}").ToList();
        return details.Count == 0 ? "" : $" ({string.Join(", ", details)})";
    }

    private static (double, string)[] Cells(params string[] texts) => texts.Select((t, i) => (Columns[i], t)).ToArray();

    private static string Get(IDictionary<string, string> fields, string name) => fields.TryGetValue(name, out var v) ? v : "";

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a} · {b}";

    private static string Dash(string value) => value.Length > 0 ? value : "—";

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;

    private static string Iso(Google.Protobuf.WellKnownTypes.Timestamp? t) => EvidenceEntries.Iso(t?.ToDateTimeOffset());
}
