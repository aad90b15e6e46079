using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Dhl;

/// <summary>
/// A sandbox lifecycle step as DHL Unified reports it for a parcel-de shipment: the structured <c>statusCode</c>, the
/// parcel-de short code in <c>status</c> where DHL has one (VA, AE, ES, AA, PO, ZF, ZN, ZU), and the English text.
/// Customs, weather, address trouble, returns and losses have no short code: DHL reports them as transit or failure
/// with a text. A voided label never shows in DHL tracking, so that step has no DHL form (<see cref="Of"/> returns null).
/// </summary>
public sealed record DhlStepCode(string StatusCode, string Status, string Description)
{
    private static readonly Dictionary<string, DhlStepCode> BySandboxCode = new(StringComparer.Ordinal)
    {
        ["MP"] = new("pre-transit", "VA", "The instruction data for this shipment have been provided by the sender to DHL electronically"),
        ["PU"] = new("transit", "AE", "The shipment has been picked up from the sender"),
        ["AR"] = new("transit", "ES", "The shipment has been processed in the parcel center of origin"),
        ["AD"] = new("transit", "AA", "The shipment has been processed in the destination parcel center"),
        ["OD"] = new("transit", "PO", "The shipment has been loaded onto the delivery vehicle"),
        ["DL"] = new("delivered", "ZU", "The shipment has been successfully delivered"),
        ["LK"] = new("transit", "ZF", "The shipment has been delivered to the Packstation 59800-A12 and is ready for collection"),
        ["LC"] = new("delivered", "ZU", "The shipment has been collected from the Packstation"),
        ["NH"] = new("failure", "ZN", "A delivery attempt was unsuccessful: the recipient was not at home. Next attempt tomorrow"),
        ["CC"] = new("transit", "", "The shipment is being processed by customs"),
        ["CH"] = new("failure", "", "The shipment is held by customs: a commercial invoice is required"),
        ["CR"] = new("transit", "", "The shipment has been released by customs"),
        ["WX"] = new("failure", "", "Delivery is delayed due to severe weather conditions"),
        ["BA"] = new("failure", "", "The address is incomplete; the shipment cannot be delivered"),
        ["RS"] = new("transit", "", "The shipment is being returned to the sender"),
        ["RD"] = new("delivered", "ZU", "The shipment has been delivered back to the sender"),
        ["NS"] = new("failure", "", "No movement recorded; an investigation has been opened"),
        ["LO"] = new("failure", "", "The shipment has been declared lost"),
    };

    public static DhlStepCode? Of(SandboxStep step) => BySandboxCode.TryGetValue(step.RawCode, out var code) ? code : step.Status switch
    {
        TrackingStatus.Cancelled => null,
        TrackingStatus.InfoReceived => new("pre-transit", "VA", step.Description),
        TrackingStatus.OutForDelivery => new("transit", "PO", step.Description),
        TrackingStatus.Delivered => new("delivered", "ZU", step.Description),
        TrackingStatus.Exception => new("failure", "", step.Description),
        _ => new("transit", "", step.Description),
    };
}
