using LogisticsLink.Carriers.Sandbox;

namespace LogisticsLink.Sandbox.LaPoste;

/// <summary>A sandbox lifecycle step in La Poste's vocabulary: the event code, its label and its timeline step (1–5).</summary>
internal sealed record LaPosteSimulatedEvent(string Code, string Label, int TimelineStep)
{
    /// <summary>
    /// Null for a step La Poste has no event for: it publishes no cancellation code, so a voided label simply never
    /// gets another event (the parcel stays "label received", as it does on laposte.fr).
    /// </summary>
    public static LaPosteSimulatedEvent? From(SandboxStep step) => step.RawCode switch
    {
        "MP" => new("DR1", "Your parcel is being prepared by the sender and will soon be handed over to us.", 1),
        "PU" => new("PC1", "Your parcel has been dropped off at a postal point.", 2),
        "AR" => new("ET1", "Your parcel is in transit on our logistics platforms.", 3),
        "AD" => new("EP1", "Your parcel has arrived at its delivery site and is awaiting delivery.", 3),
        "OD" => new("MD2", "Your parcel is out for delivery.", 4),
        "DL" => new("DI1", "Your parcel has been delivered.", 5),
        "LK" => new("AG1", "Your parcel is awaiting collection at your pickup point.", 4),
        "LC" => new("DI1", "Your parcel has been collected from your pickup point.", 5),
        "NH" => new("ND1", "Recipient absent: your parcel could not be delivered. A new attempt will be made tomorrow.", 4),
        "BA" => new("ND1", "Incomplete address: your parcel could not be delivered.", 4),
        "CC" => new("DO1", "Your parcel is going through customs.", 3),
        "CH" => new("DO3", "Your parcel is held by customs: a commercial invoice is required.", 3),
        "CR" => new("DO2", "Your parcel has cleared customs.", 3),
        "WX" => new("PB1", "Bad weather conditions are delaying your parcel.", 3),
        "RS" => new("RE1", "Your parcel is being returned to the sender: it could not be delivered.", 4),
        "RD" => new("DI2", "Your parcel has been delivered back to the sender.", 5),
        "NS" => new("PB1", "No movement recorded for your parcel: an investigation has been opened.", 3),
        "LO" => new("PB1", "Your parcel has been declared lost after investigation.", 3),
        "VO" => null,
        _ => new("ET1", step.Description, 3),
    };

    /// <summary>A problem on the way: the timeline shows the current step as KO.</summary>
    public bool IsProblem => Code is "PB1" or "DO3" or "ND1";
}
