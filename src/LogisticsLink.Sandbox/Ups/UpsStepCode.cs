using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Sandbox.Ups;

/// <summary>
/// A sandbox lifecycle step as UPS would report it: activity type, 2-character code, 3-digit status code and English
/// text. Status codes come from UPS's published "Status/Description codes"; for the few steps UPS has no code of
/// its own (a weather delay, a customs hold) the generic exception/delay code with a descriptive text is what UPS uses.
/// </summary>
public sealed record UpsStepCode(string Type, string Code, string StatusCode, string Description)
{
    private static readonly Dictionary<string, UpsStepCode> BySandboxCode = new(StringComparer.Ordinal)
    {
        ["MP"] = new("M", "MP", "003", "Shipper created a label, UPS has not received the package yet."),
        ["PU"] = new("I", "PU", "038", "Picked up by UPS"),
        ["AR"] = new("I", "AR", "005", "Arrived at Facility"),
        ["AD"] = new("I", "DS", "005", "Destination Scan"),
        ["OD"] = new("I", "OT", "021", "Out For Delivery Today"),
        ["DL"] = new("D", "KB", "011", "Delivered"),
        ["LK"] = new("D", "AP", "161", "Delivered to UPS Access Point. Awaiting customer pickup."),
        ["LC"] = new("D", "FS", "011", "Delivered: picked up at the UPS Access Point"),
        ["NH"] = new("X", "NH", "022", "The receiver was not available for delivery. We'll make a second attempt the next business day."),
        ["CC"] = new("I", "CC", "012", "Clearance in progress"),
        ["CH"] = new("X", "CH", "013", "Your package is held by the customs agency: a commercial invoice is required."),
        ["CR"] = new("X", "SR", "014", "Your package was released by the customs agency."),
        ["WX"] = new("X", "WX", "046", "Severe weather conditions have delayed delivery."),
        ["BA"] = new("X", "BA", "050", "The address is incomplete. Delivery is not possible until it is corrected."),
        ["RS"] = new("I", "RS", "035", "Returning to sender: the package could not be delivered."),
        ["RD"] = new("D", "RT", "034", "Returned to sender"),
        ["NS"] = new("X", "NS", "029", "No movement recorded. An investigation has been opened."),
        ["LO"] = new("X", "LF", "068", "Your package is in the UPS Lost and Found department."),
        ["VO"] = new("MV", "VP", "007", "Shipment information voided"),
    };

    public static UpsStepCode Of(SandboxStep step) => BySandboxCode.TryGetValue(step.RawCode, out var code) ? code : step.Status switch
    {
        TrackingStatus.InfoReceived => new("M", "MP", "003", step.Description),
        TrackingStatus.OutForDelivery => new("I", "OT", "021", step.Description),
        TrackingStatus.Delivered => new("D", "KB", "011", step.Description),
        TrackingStatus.Exception => new("X", "XX", "029", step.Description),
        TrackingStatus.Cancelled => new("MV", "VP", "007", step.Description),
        _ => new("I", "IT", "005", step.Description),
    };
}
