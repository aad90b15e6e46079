using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// Attributes an exception or failed attempt to its cause (weather, customs, the address, the recipient, damage).
/// UPS's code tables name some causes (050 address, 059 damage, 064 refused, 061/062 recipient) but file weather and
/// customs holds under the generic exception and delay codes, so only those generic details are narrowed, from the
/// English description UPS sends with them. When no word matches, the code's own detail stands — never a guess.
/// </summary>
public static class UpsIncidents
{
    private static readonly (string[] Words, string Detail)[] ExceptionCauses =
    [
        (["weather", "natural disaster", "storm"], "exception.delayed_weather"),
        (["customs", "clearance", "commercial invoice", "brokerage", "import"], "exception.customs_hold"),
        (["address"], "exception.address_issue"),
        (["damage"], "exception.damaged"),
        (["refused"], "exception.refused"),
    ];

    private static readonly (string[] Words, string Detail)[] AttemptCauses =
    [
        (["business was closed", "business closed"], "attempt_failed.business_closed"),
        (["not available", "not home", "no one", "nobody", "absent", "receiver was not available"], "attempt_failed.recipient_absent"),
        (["refused"], "attempt_failed.refused"),
        (["address"], "attempt_failed.address_issue"),
    ];

    /// <summary>Details general enough to be narrowed by the description.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "exception.carrier", "exception.delayed", "exception.undeliverable",
        "attempt_failed.first_attempt", "attempt_failed.second_attempt", "attempt_failed.final_attempt", "attempt_failed.attempted",
    };

    public static UpsMappedStatus Refine(UpsMappedStatus mapped, string? description)
    {
        if (string.IsNullOrWhiteSpace(description) || !Generic.Contains(mapped.Detail))
        {
            return mapped;
        }
        var causes = mapped.Status switch
        {
            TrackingStatus.Exception => ExceptionCauses,
            TrackingStatus.AttemptFailed => AttemptCauses,
            _ => [],
        };
        foreach (var (words, detail) in causes)
        {
            if (words.Any(w => description.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return mapped with { Detail = detail };
            }
        }
        return mapped;
    }
}
