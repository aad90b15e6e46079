using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// What the delivery event says about the delivery: <c>name</c> (who signed), <c>firm</c> (the company it was
/// delivered to), <c>authorizedAgent</c>, and where it was left (the event text after "Delivered, ", e.g.
/// "Parcel Locker"). USPS holds the signature for a POD letter when a name was captured; the tracking answer carries
/// no image and no photo.
/// </summary>
internal static class UspsProofOfDelivery
{
    public static ProofOfDelivery? Read(JsonElement deliveredEvent)
    {
        var name = deliveredEvent.Text("name");
        var firm = deliveredEvent.Text("firm");
        var signedBy = name.Length > 0 && firm.Length > 0 ? $"{name}, {firm}" : name.Length > 0 ? name : firm;
        if (signedBy.Length > 0 && deliveredEvent.Flag("authorizedAgent") == true)
        {
            signedBy += " (authorized agent)";
        }
        var text = deliveredEvent.Text("eventType");
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var place = comma >= 0 ? text[(comma + 1)..].Trim() : "";
        var pod = new ProofOfDelivery(signedBy, place, HasSignature: name.Length > 0, HasPhoto: false);
        return pod.IsEmpty ? null : pod;
    }

    /// <summary>For the status description: "Delivered, Parcel Locker — received by J MARTIN".</summary>
    public static string Describe(ProofOfDelivery pod, string statusText) =>
        pod.SignedBy.Length == 0 ? statusText : $"{statusText} — received by {pod.SignedBy}";
}
