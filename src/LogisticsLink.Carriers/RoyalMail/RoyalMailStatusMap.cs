using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail <c>eventCode</c> → normalized status and detail. The first block is Royal Mail's published event-code
/// list; the second holds codes seen only in community clients, mapped conservatively. A code missing here is not
/// guessed: the event keeps the previous status and is reported.
/// </summary>
public static class RoyalMailStatusMap
{
    private static RoyalMailCode Transit(string sub) => new(TrackingStatus.InTransit, "in_transit." + sub);
    private static RoyalMailCode Attempt(string sub) => new(TrackingStatus.AttemptFailed, "attempt_failed." + sub);
    private static RoyalMailCode Delivered(string sub) => new(TrackingStatus.Delivered, "delivered." + sub);
    private static RoyalMailCode Returning(string sub) => new(TrackingStatus.Returning, "returning." + sub);
    private static RoyalMailCode Redelivery() => new(null, "info.redelivery_requested");

    public static readonly IReadOnlyDictionary<string, RoyalMailCode> Codes = new Dictionary<string, RoyalMailCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["EVAIP"] = new(TrackingStatus.InfoReceived, "info_received.sender_despatching"),
        ["EVAIE"] = new(TrackingStatus.InfoReceived, "info_received.sender_despatching"),
        ["EVBAH"] = Transit("at_national_hub"),
        ["EVDAC"] = Transit("at_mail_centre"),
        ["EVDAV"] = Transit("at_mail_centre"),
        ["EVIAV"] = Transit("reached_mail_centre"),
        ["EVIMC"] = Transit("reached_mail_centre"),
        ["EVGMI"] = Transit("mis_sort_rerouted"),
        ["EVIPI"] = Transit("mis_sort_rerouted"),
        ["EVNMI"] = Transit("mis_sort_rerouted"),
        ["EVGPD"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.due_today"),
        ["EVKSP"] = Delivered("recipient"),
        ["EVKOP"] = Delivered("recipient"),
        ["EVKSF"] = Delivered("safeplace"),
        ["EVKDN"] = Delivered("neighbour"),
        ["EVPLC"] = Delivered("collected_from_post_office"),
        ["EVNOC"] = Delivered("collected_from_delivery_office"),
        ["EVKLC"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.collection_point"),
        ["EVNKS"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.keepsafe"),
        ["EVKNA"] = Attempt("recipient_absent"),
        ["EVNDA"] = Attempt("recipient_absent"),
        ["EVKAA"] = Attempt("address_issue"),
        ["EVNAA"] = Attempt("address_issue"),
        ["EVNDN"] = Attempt("attempted"),
        ["EVKSU"] = Attempt("safeplace_unavailable"),
        ["EVNAR"] = Attempt("redelivery_next_working_day"),
        // Held at a do-not-deliver request; RoyalMailIncidents names other causes from the event name.
        ["EVNRT"] = new(TrackingStatus.Exception, "exception.held"),
        ["EVKAI"] = Returning("address_unidentified"),
        ["EVKGA"] = Returning("recipient_moved"),
        ["EVNGA"] = Returning("recipient_moved"),
        ["EVKRF"] = Returning("refused"),
        ["EVNRF"] = Returning("refused"),
        ["EVRTS"] = new(TrackingStatus.Returned, "returned.to_sender"),
        ["ASRXS"] = Redelivery(),
        ["RFRXS"] = Redelivery(),
        ["RNRXS"] = Redelivery(),
        ["RORXS"] = Redelivery(),
        ["RPRXS"] = Redelivery(),
        ["RSRXS"] = Redelivery(),

        // Community extras (not in Royal Mail's own list).
        ["EVPPA"] = Transit("accepted"),
        ["EVOCO"] = Transit("received_processing"),
        ["EVODO"] = Transit("at_delivery_office"),
        ["EVORI"] = Transit("received_international"),
        ["EVKNR"] = Attempt("attempted"),
    };

    /// <summary>The meaning of an event code, or null when Royal Mail sent one we do not know.</summary>
    public static RoyalMailCode? Map(string? code) =>
        code is { Length: > 0 } && Codes.TryGetValue(code.Trim(), out var mapped) ? mapped : null;
}
