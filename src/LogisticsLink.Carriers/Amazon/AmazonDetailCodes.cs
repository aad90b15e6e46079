using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// <c>summary.trackingDetailCodes</c> (<c>forward[]</c>, <c>returns[]</c>): how a delivery was made (the proof
/// kept for claims) and why one failed, which attributes the incident — to the recipient (absent, closed, refused,
/// unreachable, no access, payment), the address, the carrier (damage) or the sender (incorrect items, hazmat). A
/// cause narrows the detail of the leg's newest failed-attempt, exception or return; codes that name no cause
/// (Undeliverable, ArrivedAtLocalFacility, NotRequired, DeliveryAttempted) change nothing.
/// </summary>
public static class AmazonDetailCodes
{
    private static readonly IReadOnlyDictionary<string, string> Causes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BusinessClosed"] = "business_closed",
        ["CustomerUnavailable"] = "recipient_absent",
        ["PaymentNotReady"] = "payment_not_ready",
        ["OtpNotAvailable"] = "otp_unavailable",
        ["UnableToAccess"] = "no_access",
        ["UnableToContactRecipient"] = "recipient_unreachable",
        ["AddressNotFound"] = "address_issue",
        ["Damaged"] = "damaged",
        ["IncorrectItems"] = "incorrect_items",
        ["Rejected"] = "refused",
        ["RejectedByRecipientWithVerification"] = "refused",
        ["CancelledByRecipient"] = "cancelled_by_recipient",
        ["HazmatShipment"] = "hazmat",
    };

    private static readonly IReadOnlyDictionary<string, string> Places = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DeliveredToPorch"] = "Porch",
        ["DeliveredToGarage"] = "Garage",
        ["DeliveredToGarden"] = "Garden",
        ["DeliveredToGreenhouse"] = "Greenhouse",
        ["DeliveredToMailSlot"] = "Mail slot",
        ["DeliveredToMailRoom"] = "Mail room",
        ["DeliveredToNeighbor"] = "Neighbour",
        ["DeliveredToRearDoor"] = "Rear door",
        ["DeliveredToReceptionist"] = "Receptionist",
        ["DeliveredToShed"] = "Shed",
        ["DeliveredToBehindWheelieBin"] = "Behind wheelie bin",
    };

    /// <summary>The code narrowed by the first cause in <paramref name="codes"/> (the leg's codes), if it is a failure.</summary>
    public static AmazonCode Refine(AmazonCode code, IReadOnlyList<string> codes)
    {
        var family = code.Status switch
        {
            TrackingStatus.AttemptFailed => "attempt_failed.",
            TrackingStatus.Exception => "exception.",
            TrackingStatus.Returning => "returning.",
            _ => null,
        };
        if (family is null)
        {
            return code;
        }
        var cause = codes.Select(c => Causes.TryGetValue(c, out var sub) ? sub : null).FirstOrDefault(s => s is not null);
        return cause is null ? code : code with { Detail = family + cause };
    }

    /// <summary>How a delivery was made: signed, by one-time password, or left at a named place.</summary>
    public static string DeliveryDetail(IReadOnlyList<string> codes) =>
        codes.Contains("Signed", StringComparer.OrdinalIgnoreCase) ? "delivered.signed"
        : codes.Contains("DeliveredWithOTP", StringComparer.OrdinalIgnoreCase) ? "delivered.with_otp"
        : codes.Any(c => c.Equals("DeliveredToNeighbor", StringComparison.OrdinalIgnoreCase)) ? "delivered.neighbour"
        : codes.Any(Places.ContainsKey) ? "delivered.safe_place"
        : "delivered.recipient";

    /// <summary>The proof of a forward delivery, or null when the codes name none.</summary>
    public static ProofOfDelivery? Proof(IReadOnlyList<string> codes)
    {
        var place = codes.Select(c => Places.TryGetValue(c, out var p) ? p : null).FirstOrDefault(p => p is not null) ?? "";
        var signed = codes.Contains("Signed", StringComparer.OrdinalIgnoreCase);
        var proof = new ProofOfDelivery("", place, signed, HasPhoto: false);
        return proof.IsEmpty ? null : proof;
    }
}
