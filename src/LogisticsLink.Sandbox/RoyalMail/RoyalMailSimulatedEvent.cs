using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.RoyalMail;

/// <summary>A sandbox lifecycle step in Royal Mail's vocabulary: the event code, its name and the summary's category.</summary>
internal sealed record RoyalMailSimulatedEvent(string Code, string Name, string StatusCategory)
{
    /// <summary>
    /// Royal Mail's published codes name no customs step, delay or loss: the simulator reports those as a hold
    /// (EVNRT) whose name states the reason, and customs progress as mail-centre scans. It has no cancellation code
    /// either, so a voided label gets no event at all (null).
    /// </summary>
    public static RoyalMailSimulatedEvent? From(SandboxStep step) => step.RawCode switch
    {
        "MP" => new("EVAIP", "Sender despatching item", "PRE-TRANSIT"),
        "PU" => new("EVIMC", "Item received at Mail Centre", "IN TRANSIT"),
        "AR" => new("EVBAH", "Item arrived at National Parcel Hub", "IN TRANSIT"),
        "AD" => new("EVDAV", "Item arrived at delivery Mail Centre", "IN TRANSIT"),
        "OD" => new("EVGPD", "Item out for delivery", "IN TRANSIT"),
        "DL" => new("EVKSP", "Delivered", "DELIVERED"),
        "LK" => new("EVKLC", "Delivered to collection point, ready to collect", "IN TRANSIT"),
        "LC" => new("EVPLC", "Collected from Post Office", "DELIVERED"),
        "NH" => new("EVKNA", "No answer at address, card left", "IN TRANSIT"),
        "BA" => new("EVKAA", "Address inaccessible", "IN TRANSIT"),
        "CC" => new("EVDAC", "Item arrived at international Mail Centre, customs clearance in progress", "IN TRANSIT"),
        "CH" => new("EVNRT", "Held by customs: commercial invoice required", "IN TRANSIT"),
        "CR" => new("EVDAV", "Item released by customs, arrived at delivery Mail Centre", "IN TRANSIT"),
        "WX" => new("EVNRT", "Held: severe weather in the area is delaying delivery", "IN TRANSIT"),
        "RS" => new("EVKAI", "Address unidentified, returning to sender", "RETURNED"),
        "RD" => new("EVRTS", "Delivered back to sender", "RETURNED"),
        "NS" => new("EVNRT", "Held: no movement recorded, investigation opened", "IN TRANSIT"),
        "LO" => new("EVNRT", "Held: item declared lost after investigation", "IN TRANSIT"),
        "VO" => null,
        _ => new("EVDAC", step.Description, "IN TRANSIT"),
    };

    public bool IsFinal => Code is "EVKSP" or "EVPLC" or "EVRTS";
}
