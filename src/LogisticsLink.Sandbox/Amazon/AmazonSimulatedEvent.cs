using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.Amazon;

/// <summary>
/// A sandbox step in Amazon Shipping's vocabulary: the event code, its leg, and the tracking detail codes it sets.
/// Amazon has no code for customs holds, delays or missing scans: those steps are rendered as the facility scan they
/// happen at, as the real service would show them.
/// </summary>
internal sealed record AmazonSimulatedEvent(string Code, bool Returns = false, params string[] DetailCodes)
{
    public static AmazonSimulatedEvent From(SandboxStep step) => step.RawCode switch
    {
        "MP" => new("ReadyForReceive"),
        "PU" => new("PickupDone"),
        "AR" or "AD" or "CH" or "WX" or "NS" => new("ArrivedAtCarrierFacility"),
        "CC" or "CR" => new("Departed"),
        "OD" => new("OutForDelivery"),
        "DL" => new("Delivered", false, "DeliveredToPorch"),
        "LK" => new("AvailableForPickup"),
        "LC" => new("Delivered", false, "Signed"),
        "NH" => new("DeliveryAttempted", false, "CustomerUnavailable"),
        "BA" => new("DeliveryAttempted", false, "AddressNotFound"),
        "RS" => new("ReturnInitiated", true),
        "RD" => new("Delivered", true, "Signed"),
        "LO" => new("Lost"),
        "VO" => new("PickupCancelled"),
        _ => new("ArrivedAtCarrierFacility"),
    };

    /// <summary>
    /// <c>summary.status</c> for a parcel whose newest event is this one. The summary has no return status: a parcel on
    /// its way back reads InTransit, and one delivered back reads Delivered (Amazon's own example shows the latter).
    /// </summary>
    public string SummaryStatus => Code switch
    {
        "ReadyForReceive" => "PreTransit",
        "OutForDelivery" when !Returns => "OutForDelivery",
        "DeliveryAttempted" => "DeliveryAttempted",
        "AvailableForPickup" => "AwaitingCustomerPickup",
        "Delivered" => "Delivered",
        "Lost" => "Lost",
        "PickupCancelled" => "PickupCancelled",
        _ => "InTransit",
    };
}
