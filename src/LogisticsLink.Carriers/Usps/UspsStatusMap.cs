using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// USPS event codes (Pub 199 Appendix G-4, as listed in the reference) and the top-level <c>statusCategory</c>,
/// normalized. The event code decides; the category is the fallback for an answer whose newest event carries a code
/// this table does not know, or no event at all. Causes the codes do not name (weather, customs) are narrowed from
/// the event text by <see cref="UspsIncidents"/>.
/// </summary>
public static class UspsStatusMap
{
    public static readonly IReadOnlyDictionary<string, UspsMappedStatus> EventCodes = new Dictionary<string, UspsMappedStatus>(StringComparer.OrdinalIgnoreCase)
    {
        // Pre-shipment: the label exists, USPS does not have the parcel.
        ["MA"] = Info("manifest_received"),
        ["GX"] = Info("label_created"),
        // Accepted and moving.
        ["03"] = Transit("accepted"),
        ["TM"] = Transit("accepted"),
        ["PA"] = Transit("accepted"),
        ["10"] = Transit("processed"),
        ["PC"] = Transit("processed"),
        ["EF"] = Transit("departed_facility"),
        ["T1"] = Transit("departed_facility"),
        ["SF"] = Transit("departed_post_office"),
        ["07"] = Transit("arrived_at_post_office"),
        ["A1"] = Transit("arrived_at_facility"),
        ["TL"] = Transit("on_the_way"),
        ["06"] = Transit("forwarded"),
        ["08"] = Transit("missent"),
        ["15"] = Transit("missent"),
        // Handed between USPS and a shipping partner.
        ["42"] = Transit("partner_handoff"),
        ["80"] = Transit("partner_handoff"),
        ["81"] = Transit("partner_handoff"),
        ["82"] = Transit("partner_handoff"),
        ["OF"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        // Delivered: 01 to the address (narrowed from the text: locker, PO box, front desk…), 17/43 collected.
        ["01"] = Delivered("address"),
        ["17"] = Delivered("agent"),
        ["43"] = Delivered("picked_up"),
        // Attempts, with the reason the code names.
        ["02"] = Attempt("notice_left"),
        ["52"] = Attempt("notice_left"),
        ["53"] = Attempt("receptacle_blocked"),
        ["54"] = Attempt("receptacle_full"),
        ["55"] = Attempt("no_secure_location"),
        ["56"] = Attempt("recipient_absent"),
        ["30"] = Attempt("no_access"),
        ["51"] = Attempt("business_closed"),
        ["71"] = Attempt("rescheduled"),
        ["14"] = Pickup("arrived_at_pickup_point"),
        ["16"] = Pickup("held_for_pickup"),
        ["DX"] = Exception("status_not_updated"),
        ["05"] = Exception("address_issue"),
        ["11"] = new(TrackingStatus.Lost, "lost.dead_letter"),
        // Going back to the sender, with the reason the code names.
        ["04"] = Returning("refused"),
        ["09"] = Returning("to_sender"),
        ["21"] = Returning("no_such_number"),
        ["22"] = Returning("insufficient_address"),
        ["23"] = Returning("moved_no_forwarding"),
        ["24"] = Returning("forward_expired"),
        ["25"] = Returning("addressee_unknown"),
        ["26"] = Returning("vacant"),
        ["27"] = Returning("unclaimed"),
        ["28"] = Returning("deceased"),
        ["29"] = Returning("other"),
        ["31"] = Returning("not_picked_up"),
        ["44"] = Returning("sender_recall"),
    };

    /// <summary><c>statusCategory</c> values seen in USPS answers and documentation, compared without case or punctuation.</summary>
    public static readonly IReadOnlyDictionary<string, UspsMappedStatus> Categories = new Dictionary<string, UspsMappedStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["preshipment"] = Info("label_created"),
        ["pretransit"] = Info("label_created"),
        ["labelcreated"] = Info("label_created"),
        ["accepted"] = Transit("accepted"),
        ["intransit"] = Transit("on_the_way"),
        ["outfordelivery"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        ["deliveryattempt"] = Attempt("attempted"),
        ["availableforpickup"] = Pickup("held_for_pickup"),
        ["delivered"] = Delivered("address"),
        ["alert"] = Exception("alert"),
        ["returntosender"] = Returning("to_sender"),
    };

    /// <summary>Delivered-code details narrowed by the event text ("Delivered, Parcel Locker").</summary>
    private static readonly (string Words, string Detail)[] DeliveredPlaces =
    [
        ("parcel locker", "delivered.locker"),
        ("po box", "delivered.po_box"),
        ("front desk", "delivered.front_desk"),
        ("reception", "delivered.front_desk"),
        ("mail room", "delivered.mail_room"),
        ("left with individual", "delivered.recipient"),
        ("front door", "delivered.front_door"),
        ("porch", "delivered.front_door"),
        ("mailbox", "delivered.mailbox"),
        ("picked up at post office", "delivered.picked_up"),
        ("picked up at postal facility", "delivered.picked_up"),
        ("agent", "delivered.agent"),
    ];

    /// <summary>The meaning of an event code, narrowed by its text; null for a code the table does not know.</summary>
    public static UspsMappedStatus? Event(string eventCode, string eventText)
    {
        if (!EventCodes.TryGetValue(eventCode.Trim(), out var mapped))
        {
            return null;
        }
        if (mapped.Status == TrackingStatus.Delivered && mapped.Detail == "delivered.address")
        {
            foreach (var (words, detail) in DeliveredPlaces)
            {
                if (eventText.Contains(words, StringComparison.OrdinalIgnoreCase))
                {
                    return mapped with { Detail = detail };
                }
            }
            return mapped;
        }
        return UspsIncidents.Refine(mapped, eventText);
    }

    /// <summary>The meaning of a <c>statusCategory</c> ("In Transit", "In-Transit", "Out for Delivery"…), or null.</summary>
    public static UspsMappedStatus? Category(string category)
    {
        var key = new string([.. category.Where(char.IsAsciiLetter)]);
        return key.Length > 0 && Categories.TryGetValue(key, out var mapped) ? mapped : null;
    }

    private static UspsMappedStatus Info(string detail) => new(TrackingStatus.InfoReceived, "info_received." + detail);
    private static UspsMappedStatus Transit(string detail) => new(TrackingStatus.InTransit, "in_transit." + detail);
    private static UspsMappedStatus Delivered(string detail) => new(TrackingStatus.Delivered, "delivered." + detail);
    private static UspsMappedStatus Attempt(string detail) => new(TrackingStatus.AttemptFailed, "attempt_failed." + detail);
    private static UspsMappedStatus Pickup(string detail) => new(TrackingStatus.AvailableForPickup, "available_for_pickup." + detail);
    private static UspsMappedStatus Exception(string detail) => new(TrackingStatus.Exception, "exception." + detail);
    private static UspsMappedStatus Returning(string detail) => new(TrackingStatus.Returning, "returning." + detail);
}
