using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.FedEx;

/// <summary>A sandbox lifecycle step in FedEx's vocabulary: the event type, FedEx's coarser derived code, and texts.</summary>
internal sealed record FedExSimulatedScan(
    string EventType, string DerivedCode, string Description, string ExceptionCode = "", string ExceptionDescription = "")
{
    /// <summary>
    /// FedEx's derived status shows out-for-delivery and ready-for-pickup as plain IT; the simulator reproduces that
    /// quirk (in scans and in latestStatusDetail) so the adapter has to read the event type.
    /// </summary>
    public bool HiddenByDerivedCode => EventType is "OD" or "HP";

    /// <summary>Picked up and moving between facilities: the stretch where FedEx may say a parcel is running late.</summary>
    public bool MovingThroughNetwork => DerivedCode is "PU" or "IT" && !HiddenByDerivedCode;

    /// <param name="afterReturn">A delivery once the parcel was turned back is the delivery to the shipper.</param>
    public static FedExSimulatedScan From(SandboxStep step, bool afterReturn) => step.RawCode switch
    {
        "MP" => new("OC", "IN", "Shipment information sent to FedEx"),
        "PU" => new("PU", "PU", "Picked up"),
        "AR" => new("AR", "IT", "Arrived at FedEx location"),
        "AD" => new("AF", "IT", "At local FedEx facility"),
        "OD" => new("OD", "IT", "On FedEx vehicle for delivery"),
        "DL" or "LC" or "RD" => new("DL", "DL", afterReturn ? "Delivered to shipper" : "Delivered"),
        "LK" => new("HP", "IT", "Ready for recipient pickup"),
        "NH" => new("DE", "DE", "Delivery exception", "08", "Recipient not available, delivery will be reattempted"),
        "BA" => new("DE", "DE", "Delivery exception", "03", "Incorrect address"),
        "CC" => new("CP", "IT", "Clearance in progress"),
        "CH" => new("CD", "DY", "Clearance delay", "", "Commercial invoice required by customs"),
        "CR" => new("CC", "IT", "International shipment release - Import"),
        "WX" => new("DY", "DY", "Delay", "", "Severe weather conditions have delayed delivery"),
        "RS" => new("RS", "RS", "Returning package to shipper"),
        "NS" => new("SE", "SE", "Shipment exception", "", "Package not scanned, trace opened"),
        "LO" => new("SE", "SE", "Shipment exception", "", "Package could not be located after trace"),
        "VO" => new("CA", "CA", "Shipment cancelled by sender"),
        _ => new("IT", "IT", step.Description),
    };
}
