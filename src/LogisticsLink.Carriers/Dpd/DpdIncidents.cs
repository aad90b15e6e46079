using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// Who or what caused a DPD incident. DPD's lifecycle vocabulary has no exception, return, loss or cancellation
/// status; it reports trouble as <c>errorItems</c> on the status it happened at, in words. A status carrying error
/// items is therefore an exception whose cause (the sender's return, the weather, customs, the address, damage) is
/// read from those words, never claimed beyond them: a text saying "lost" stays an exception, not a confirmed loss.
/// A failed delivery's cause (recipient absent, business closed, refused, address, no access) comes from the
/// description. When no word matches, the code's own detail stands — never a guess.
/// </summary>
public static class DpdIncidents
{
    private static readonly (string[] Words, string Detail)[] ExceptionCauses =
    [
        (["return to sender", "returning to sender", "back to sender", "returned to sender", "retour"], "exception.return_to_sender"),
        (["cancelled", "canceled"], "exception.cancelled"),
        (["lost"], "exception.lost"),
        (["weather", "storm", "snow", "flood"], "exception.delayed_weather"),
        (["customs", "clearance", "commercial invoice", "import"], "exception.customs_hold"),
        (["address"], "exception.address_issue"),
        (["damage"], "exception.damaged"),
        (["refused"], "exception.refused"),
    ];

    private static readonly (string[] Words, string Detail)[] AttemptCauses =
    [
        (["business closed", "business was closed", "closed"], "attempt_failed.business_closed"),
        (["not at home", "not available", "not present", "absent", "nobody", "no one"], "attempt_failed.recipient_absent"),
        (["refused"], "attempt_failed.refused"),
        (["address"], "attempt_failed.address_issue"),
        (["access"], "attempt_failed.no_access"),
    ];

    /// <summary>The detail of an exception DPD reported in <paramref name="errorText"/>.</summary>
    public static DpdCode Exception(string errorText) =>
        new(TrackingStatus.Exception, Match(ExceptionCauses, errorText) ?? "exception.carrier");

    /// <summary>A status without error items, its detail narrowed by the description where DPD names a cause.</summary>
    public static DpdCode Refine(DpdCode code, string description)
    {
        if (description.Length == 0)
        {
            return code;
        }
        return code.Status switch
        {
            TrackingStatus.AttemptFailed when Match(AttemptCauses, description) is { } cause => code with { Detail = cause },
            TrackingStatus.InTransit when description.Contains("customs", StringComparison.OrdinalIgnoreCase) => code with { Detail = "in_transit.customs" },
            _ => code,
        };
    }

    private static string? Match((string[] Words, string Detail)[] table, string text)
    {
        foreach (var (words, detail) in table)
        {
            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return detail;
            }
        }
        return null;
    }
}
