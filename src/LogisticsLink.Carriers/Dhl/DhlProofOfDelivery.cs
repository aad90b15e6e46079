using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// <c>details.proofOfDelivery</c>: who signed (<c>signed</c>, a Person: given and family name, or a name), whether a
/// signature image exists (<c>signatureUrl</c>). DHL's answer names no place and no photo; its <c>documentUrl</c> is
/// the ePOD letter, kept out of the snapshot.
/// </summary>
internal static class DhlProofOfDelivery
{
    public static ProofOfDelivery? Read(JsonElement shipment)
    {
        if (shipment.Child("details")?.Child("proofOfDelivery") is not { } pod)
        {
            return null;
        }
        var signed = pod.Child("signed");
        var signedBy = signed switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString()?.Trim() ?? "",
            { ValueKind: JsonValueKind.Object } person when person.Text("givenName").Length > 0 && person.Text("familyName").Length > 0 =>
                $"{person.Text("givenName")} {person.Text("familyName")}",
            { ValueKind: JsonValueKind.Object } person => person.Text("name") is { Length: > 0 } n ? n : person.Text("familyName"),
            _ => "",
        };
        var signature = pod.Text("signatureUrl");
        var proof = new ProofOfDelivery(signedBy, "", HasSignature: signature.Length > 0, HasPhoto: false);
        return proof.IsEmpty ? null : proof;
    }

    /// <summary>For the status description: "Delivered — received by John Doe, signature on file".</summary>
    public static string Describe(ProofOfDelivery pod, string statusText)
    {
        var parts = new List<string>(2);
        if (pod.SignedBy.Length > 0) parts.Add($"received by {pod.SignedBy}");
        if (pod.HasSignature) parts.Add("signature on file");
        return parts.Count == 0 ? statusText : $"{statusText} — {string.Join(", ", parts)}";
    }
}
