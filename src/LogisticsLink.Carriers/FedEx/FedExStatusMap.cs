using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx "Tracking Status Codes" → normalized status and <c>status_detail</c>. Scan <c>eventType</c> and
/// <c>latestStatusDetail.code</c> share this vocabulary; <c>derivedStatusCode</c> is a coarser roll-up that hides
/// out-for-delivery and ready-for-pickup behind IT, so it is only ever a fallback (<see cref="Derived"/>).
/// </summary>
public static class FedExStatusMap
{
    private static FedExCode Info(string sub) => new(TrackingStatus.InfoReceived, "info_received." + sub);
    private static FedExCode Transit(string sub) => new(TrackingStatus.InTransit, "in_transit." + sub);
    private static FedExCode Out(string sub) => new(TrackingStatus.OutForDelivery, "out_for_delivery." + sub);
    private static FedExCode Pickup(string sub) => new(TrackingStatus.AvailableForPickup, "available_for_pickup." + sub);
    private static FedExCode Exception(string sub) => new(TrackingStatus.Exception, "exception." + sub);
    private static FedExCode Cancelled(string sub) => new(TrackingStatus.Cancelled, "cancelled." + sub);
    private static FedExCode Informational(string sub) => new(null, "info." + sub);

    /// <summary>Scan eventType / latestStatusDetail.code. Case matters only for "Ow", which FedEx spells that way.</summary>
    public static readonly IReadOnlyDictionary<string, FedExCode> EventTypes = new Dictionary<string, FedExCode>(StringComparer.OrdinalIgnoreCase)
    {
        // Before the parcel moves: label, pickup being organised, return labels issued.
        ["OC"] = Info("label_created"),
        ["OX"] = Info("sent_to_usps"),
        ["EP"] = Info("pickup_en_route"),
        ["AP"] = Info("at_pickup"),
        ["DS"] = Info("pickup_vehicle_dispatched"),
        ["RP"] = Info("return_label_emailed"),
        ["RG"] = Info("return_label_expiring"),
        // Moving through the network (customs progress included: it is not a problem until it is a delay).
        ["PU"] = Transit("picked_up"),
        ["PX"] = Transit("picked_up"),
        ["IT"] = Transit("in_transit"),
        ["IX"] = Transit("in_transit"),
        ["Ow"] = Transit("in_transit"),
        ["PM"] = Transit("in_transit"),
        ["AR"] = Transit("arrived_at_facility"),
        ["AF"] = Transit("arrived_at_facility"),
        ["OF"] = Transit("arrived_at_facility"),
        ["SF"] = Transit("arrived_at_facility"),
        ["FD"] = Transit("arrived_at_destination_facility"),
        ["AA"] = Transit("at_airport"),
        ["EA"] = Transit("en_route_to_airport"),
        ["EO"] = Transit("en_route_to_airport"),
        ["PF"] = Transit("in_flight"),
        ["PL"] = Transit("plane_landed"),
        ["DP"] = Transit("departed_facility"),
        ["LO"] = Transit("departed_facility"),
        ["AO"] = Transit("on_time"),
        ["TR"] = Transit("transferred"),
        ["AX"] = Transit("at_partner_facility"),
        ["AC"] = Transit("at_partner_facility"),
        ["CP"] = Transit("customs"),
        ["CC"] = Transit("customs_cleared"),
        // Last mile: FedEx's derived code shows these as IT.
        ["OD"] = Out("on_vehicle"),
        ["ED"] = Out("on_vehicle"),
        ["AD"] = Out("at_delivery_address"),
        ["HL"] = Pickup("hold_at_location"),
        ["HP"] = Pickup("ready_for_pickup"),
        // A delivery exception is a failed attempt; FedExIncidents refines the reason.
        ["DE"] = new(TrackingStatus.AttemptFailed, "attempt_failed.delivery_exception"),
        ["DL"] = new(TrackingStatus.Delivered, "delivered.recipient"),
        ["SE"] = Exception("shipment_exception"),
        ["CD"] = Exception("customs_hold"),
        ["DD"] = Exception("delayed"),
        ["DY"] = Exception("delayed"),
        ["PD"] = Exception("pickup_delayed"),
        ["CH"] = Exception("location_changed"),
        ["RS"] = new(TrackingStatus.Returning, "returning.to_sender"),
        ["CA"] = Cancelled("shipment_cancelled"),
        // On a return-label number, a withdrawn or lapsed label means the return will not happen.
        ["LP"] = Cancelled("return_label_cancelled"),
        ["RD"] = Cancelled("return_label_expired"),
        // Say nothing about where the parcel is.
        ["RR"] = Informational("delivery_option_requested"),
        ["RM"] = Informational("delivery_option_modified"),
        ["RC"] = Informational("delivery_option_cancelled"),
        ["DR"] = Informational("vehicle_not_used"),
        ["SP"] = Informational("split_status"),
    };

    /// <summary>derivedStatusCode / latestStatusDetail.derivedCode values that are not also event types.</summary>
    public static readonly IReadOnlyDictionary<string, FedExCode> DerivedOnly = new Dictionary<string, FedExCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["IN"] = Info("label_created"),
        ["RL"] = Exception("delayed"),
    };

    /// <summary>The meaning of a scan's eventType, or null when FedEx sent a code we do not know.</summary>
    public static FedExCode? Event(string? eventType) =>
        eventType is { Length: > 0 } && EventTypes.TryGetValue(eventType.Trim(), out var code) ? code : null;

    /// <summary>Fallback for when the event type is missing or unknown: the coarse derived code.</summary>
    public static FedExCode? Derived(string? derivedCode) =>
        derivedCode is not { Length: > 0 } ? null
        : DerivedOnly.TryGetValue(derivedCode.Trim(), out var only) ? only
        : Event(derivedCode);
}
