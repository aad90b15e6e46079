using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// Attributes a La Poste problem (PB1), a non-delivery (ND1) or a delay to its cause — the recipient, the address,
/// customs, the weather, damage — from the event label, in French (the API's default language) or English. Only
/// the generic details are narrowed; when no word matches the code's own detail stands — never a guess.
/// </summary>
public static class LaPosteIncidents
{
    private static readonly (string[] Words, string Detail)[] ExceptionCauses =
    [
        (["météo", "intempérie", "weather", "storm", "tempête", "neige", "snow"], "exception.delayed_weather"),
        (["douane", "customs", "facture commerciale", "commercial invoice"], "exception.customs_hold"),
        (["adresse", "address"], "exception.address_issue"),
        (["endommagé", "abîmé", "damaged", "damage"], "exception.damaged"),
        (["refus", "refused"], "exception.refused"),
        (["perdu", "lost"], "exception.lost"),
        (["enquête", "investigation", "no movement", "aucun mouvement"], "exception.investigation"),
        (["retard", "delay"], "exception.delayed"),
    ];

    private static readonly (string[] Words, string Detail)[] AttemptCauses =
    [
        (["absent", "not available", "not at home", "personne", "no one"], "attempt_failed.recipient_absent"),
        (["adresse", "address"], "attempt_failed.address_issue"),
        (["refus", "refused"], "attempt_failed.refused"),
        (["accès", "access", "digicode"], "attempt_failed.no_access"),
        (["fermé", "closed"], "attempt_failed.business_closed"),
    ];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "exception.problem", "exception.delayed", "exception.preparation_problem", "attempt_failed.undeliverable",
    };

    public static LaPosteCode Refine(LaPosteCode code, string? label)
    {
        if (string.IsNullOrWhiteSpace(label) || !Generic.Contains(code.Detail))
        {
            return code;
        }
        var causes = code.Status switch
        {
            TrackingStatus.Exception => ExceptionCauses,
            TrackingStatus.AttemptFailed => AttemptCauses,
            _ => [],
        };
        foreach (var (words, detail) in causes)
        {
            if (words.Any(w => label.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return code with { Detail = detail };
            }
        }
        return code;
    }
}
