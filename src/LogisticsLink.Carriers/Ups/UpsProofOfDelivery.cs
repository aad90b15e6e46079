using System.Text.Json;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// <c>deliveryInformation</c>: who signed, where the parcel was left, and whether UPS holds a signature image or a
/// delivery photo (the images themselves come only with returnSignature/returnPOD and are never requested here).
/// </summary>
public sealed record UpsProofOfDelivery(string ReceivedBy, string Location, bool HasSignature, bool HasPhoto)
{
    public static UpsProofOfDelivery? Read(JsonElement package)
    {
        if (package.Child("deliveryInformation") is not { } info)
        {
            return null;
        }
        var signature = info.Child("signature") is { } s && s.Text("image").Length > 0;
        var photo = info.Child("deliveryPhoto") is { } p && (p.Text("photo").Length > 0 || p.Flag("photoCaptureInd") == true);
        var pod = new UpsProofOfDelivery(info.Text("receivedBy"), info.Text("location"), signature, photo);
        return pod is { ReceivedBy: "", Location: "", HasSignature: false, HasPhoto: false } ? null : pod;
    }

    public Domain.Shipments.ProofOfDelivery ToDomain() => new(ReceivedBy, Location, HasSignature, HasPhoto);

    /// <summary>For the shipment's status description, e.g. "Delivered — received by J. MARTIN, left at Front Door, photo on file".</summary>
    public string Describe(string statusText)
    {
        var parts = new List<string>(4);
        if (ReceivedBy.Length > 0) parts.Add($"received by {ReceivedBy}");
        if (Location.Length > 0) parts.Add($"left at {Location}");
        if (HasSignature) parts.Add("signature on file");
        if (HasPhoto) parts.Add("photo on file");
        return parts.Count == 0 ? statusText : $"{statusText} — {string.Join(", ", parts)}";
    }
}
