using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// La Poste Suivi v2 event codes (shared by Courrier, Colissimo and Chronopost) → normalized status and detail.
/// The first block is the published table; the second holds codes seen only in third-party clients, mapped
/// conservatively. A code missing here is not guessed: the event keeps the previous status and is reported.
/// </summary>
public static class LaPosteStatusMap
{
    private static LaPosteCode Info(string sub) => new(TrackingStatus.InfoReceived, "info_received." + sub);
    private static LaPosteCode Transit(string sub) => new(TrackingStatus.InTransit, "in_transit." + sub);
    private static LaPosteCode Exception(string sub) => new(TrackingStatus.Exception, "exception." + sub);

    public static readonly IReadOnlyDictionary<string, LaPosteCode> Codes = new Dictionary<string, LaPosteCode>(StringComparer.OrdinalIgnoreCase)
    {
        ["DR1"] = Info("label_created"),                   // Déclaratif réceptionné
        ["PC1"] = Transit("picked_up"),                    // Pris en charge
        ["PC2"] = Transit("picked_up"),                    // … dans le pays d'expédition
        ["ET1"] = Transit("processing"),                   // En cours de traitement
        ["ET2"] = Transit("processing_origin_country"),
        ["ET3"] = Transit("processing_destination_country"),
        ["ET4"] = Transit("processing_transit_country"),
        ["EP1"] = Transit("awaiting_presentation"),        // En attente de présentation
        ["DO1"] = Transit("customs"),                      // Entrée en douane
        ["DO2"] = Transit("customs_released"),             // Sortie de douane
        ["DO3"] = Exception("customs_hold"),               // Retenu en douane
        ["PB1"] = Exception("problem"),                    // Problème en cours; LaPosteIncidents names the cause
        ["PB2"] = Transit("problem_resolved"),             // Problème résolu
        ["MD2"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        // Non distribuable: a failed presentation; a return, when it follows, comes as RE1.
        ["ND1"] = new(TrackingStatus.AttemptFailed, "attempt_failed.undeliverable"),
        ["AG1"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.awaiting_collection"),
        ["RE1"] = new(TrackingStatus.Returning, "returning.to_sender"),
        ["DI1"] = new(TrackingStatus.Delivered, "delivered.recipient"),
        ["DI2"] = new(TrackingStatus.Returned, "returned.to_sender"),

        // Lower confidence (third-party enums only).
        ["DI0"] = new(TrackingStatus.Delivered, "delivered.batch"),
        ["DR2"] = Exception("preparation_problem"),
        ["DI3"] = Exception("delayed"),
        ["ID0"] = new(null, "info.customs_information"),
    };

    /// <summary>The meaning of an event code, or null when La Poste sent one we do not know.</summary>
    public static LaPosteCode? Map(string? code) =>
        code is { Length: > 0 } && Codes.TryGetValue(code.Trim(), out var mapped) ? mapped : null;
}
