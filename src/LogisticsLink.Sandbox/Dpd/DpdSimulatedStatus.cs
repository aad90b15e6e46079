using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.Dpd;

/// <summary>
/// A sandbox step in DPD's lifecycle vocabulary: the status code, its label and description, and error items. DPD has
/// no status for customs holds, delays, returns, losses or cancellations; like the real service, the simulator
/// reports those as error items on the nearest status (or on the shipment data, for a cancellation before pickup).
/// </summary>
internal sealed record DpdSimulatedStatus(string Status, string Label, string Description, string ErrorText = "")
{
    /// <summary>The shipment data exists, no parcel scanned yet: rendered as shipmentInfo only.</summary>
    public bool IsShipmentData => Status == "SHIPMENT";

    private const string NotDelivered = "Unfortunately we have not been able to deliver your parcel";

    public static DpdSimulatedStatus From(SandboxStep step) => step.RawCode switch
    {
        "MP" => new("SHIPMENT", "Shipment data received", "DPD has received the shipment data."),
        "VO" => new("SHIPMENT", "Shipment data received", "DPD has received the shipment data.", "Shipment cancelled by the sender."),
        "PU" => new("PickedUp", "Parcel handed to DPD", "DPD has received your parcel."),
        "AR" => new("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre."),
        "AD" => new("Depot", "At parcel delivery centre", "At parcel delivery centre."),
        "OD" => new("Courier", "Parcel out for delivery", "The parcel has left the parcel delivery centre and is on its way to the consignee."),
        "DL" => new("Delivered", "Delivered", "The parcel has been delivered."),
        "LK" => new("ParcelShop", "Parcel out for delivery", "Delivered by driver to Pickup parcelshop"),
        "LC" => new("Delivered", "Delivered", "The parcel has been collected from the Pickup parcelshop."),
        "NH" => new("DeliveryFailure", "Parcel out for delivery", NotDelivered + ": the consignee was not at home."),
        "BA" => new("DeliveryFailure", "Parcel out for delivery", NotDelivered + ": the address is incomplete."),
        "CC" => new("BetweenDepots", "In transit", "Customs clearance in progress."),
        "CH" => new("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", "Held by customs: commercial invoice required."),
        "CR" => new("BetweenDepots", "In transit", "Released by customs."),
        "WX" => new("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", "Delayed: severe weather in the area."),
        "RS" => new("Depot", "At parcel delivery centre", "At parcel delivery centre.", "Returning to sender: undeliverable."),
        "RD" => new("Delivered", "Delivered", "The parcel has been delivered back to the sender."),
        "NS" => new("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", "No movement recorded, investigation opened."),
        "LO" => new("BetweenDepots", "In transit", "The parcel is at the parcel dispatch centre.", "Parcel declared lost after investigation."),
        _ => new("BetweenDepots", "In transit", step.Description),
    };
}
