using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Usps;

/// <summary>
/// A sandbox lifecycle step as USPS reports it: event code (Pub 199 Appendix G-4) and English event text, plus the
/// top-level <c>statusCategory</c>. USPS has no codes of its own for a customs hold or a weather delay: like USPS,
/// the simulator files them under DX with a descriptive text, and customs progress under 10 ("Processed"). A voided
/// label never shows in USPS tracking, so the "label voided" step has no USPS form (<see cref="Of"/> returns null).
/// </summary>
public sealed record UspsStepCode(string EventCode, string EventType, string Category)
{
    private static readonly Dictionary<string, UspsStepCode> BySandboxCode = new(StringComparer.Ordinal)
    {
        ["MP"] = new("GX", "Shipping Label Created, USPS Awaiting Item", "Pre-Shipment"),
        ["PU"] = new("03", "USPS in possession of item", "Accepted"),
        ["AR"] = new("A1", "Arrived at USPS Regional Facility", "In Transit"),
        ["AD"] = new("07", "Arrived at Post Office", "In Transit"),
        ["OD"] = new("OF", "Out for Delivery", "Out for Delivery"),
        ["DL"] = new("01", "Delivered, Left with Individual", "Delivered"),
        ["LK"] = new("16", "Available for Pickup, Parcel Locker", "Available for Pickup"),
        ["LC"] = new("01", "Delivered, Parcel Locker", "Delivered"),
        ["NH"] = new("56", "Notice Left (No Authorized Recipient Available)", "Delivery Attempt"),
        ["CC"] = new("10", "Processed Through Facility, Inbound Into Customs", "In Transit"),
        ["CH"] = new("DX", "Held in Customs", "Alert"),
        ["CR"] = new("10", "Customs Clearance Processing Complete", "In Transit"),
        ["WX"] = new("DX", "Delayed Due to Weather", "Alert"),
        ["BA"] = new("05", "Undeliverable as Addressed", "Alert"),
        ["RS"] = new("09", "Return to Sender", "Return to Sender"),
        ["RD"] = new("01", "Delivered, To Original Sender", "Delivered"),
        ["NS"] = new("DX", "Delivery status not updated", "Alert"),
        ["LO"] = new("11", "Dead Letter", "Alert"),
    };

    public static UspsStepCode? Of(SandboxStep step) => BySandboxCode.TryGetValue(step.RawCode, out var code) ? code : step.Status switch
    {
        TrackingStatus.Cancelled => null,
        TrackingStatus.InfoReceived => new("GX", step.Description, "Pre-Shipment"),
        TrackingStatus.OutForDelivery => new("OF", step.Description, "Out for Delivery"),
        TrackingStatus.Delivered => new("01", step.Description, "Delivered"),
        TrackingStatus.Exception => new("DX", step.Description, "Alert"),
        _ => new("TL", step.Description, "In Transit"),
    };
}
