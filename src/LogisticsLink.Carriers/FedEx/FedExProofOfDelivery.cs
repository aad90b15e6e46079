using System.Text.Json;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// Who took the parcel and what evidence FedEx holds, from <c>deliveryDetails</c> and <c>availableImages</c>: given to
/// the snapshot as its proof of delivery, and also written into the delivery event's description, stored with the
/// history as evidence.
/// </summary>
public sealed record FedExProofOfDelivery(
    string ReceivedBy, string SignedBy, string Location, bool? Residential, bool SignatureImageAvailable)
{
    internal static FedExProofOfDelivery? From(JsonElement result)
    {
        var details = result.Prop("deliveryDetails");
        var signatureImage = result.Array("availableImages")
            .Any(i => i.Str("type").Equals("SIGNATURE_PROOF_OF_DELIVERY", StringComparison.OrdinalIgnoreCase));
        var pod = new FedExProofOfDelivery(
            details.Str("receivedByName").Trim(),
            details.Str("signedByName").Trim(),
            details.Str("locationDescription").Trim(),
            details.Prop("actualDeliveryAddress").Bool("residential"),
            signatureImage);
        return pod is { ReceivedBy: "", SignedBy: "", Location: "", SignatureImageAvailable: false } ? null : pod;
    }

    public Domain.Shipments.ProofOfDelivery ToDomain() =>
        new(SignedBy.Length > 0 ? SignedBy : ReceivedBy, Location, SignatureImageAvailable, HasPhoto: false);

    /// <summary>A short sentence for the delivery event, e.g. "received by J. MARTIN at Front door; signature image available".</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        var who = SignedBy.Length > 0 ? $"signed by {SignedBy}" : ReceivedBy.Length > 0 ? $"received by {ReceivedBy}" : "";
        var where = Location.Length > 0 ? $"at {Location}" : "";
        var whoWhere = string.Join(' ', new[] { who, where }.Where(p => p.Length > 0));
        if (whoWhere.Length > 0)
        {
            parts.Add(whoWhere);
        }
        if (Residential is { } residential)
        {
            parts.Add(residential ? "residential address" : "business address");
        }
        if (SignatureImageAvailable)
        {
            parts.Add("signature image available");
        }
        return string.Join("; ", parts);
    }
}
