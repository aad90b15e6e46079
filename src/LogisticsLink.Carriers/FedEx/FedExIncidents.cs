using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// Attributes a FedEx incident (who or what caused it: the recipient, the address, customs, the weather) from the
/// scan's <c>exceptionCode</c>/<c>exceptionDescription</c> and <c>ancillaryDetails</c> reasons. FedEx publishes the
/// fields but no stable list of exception codes, so the English text is what is read; the code itself is kept in the
/// event description. When nothing matches, the generic detail of the event type stands — never a guess.
/// </summary>
public static class FedExIncidents
{
    private static readonly (string[] Words, string Detail)[] AttemptReasons =
    [
        (["business closed", "business was closed"], "attempt_failed.business_closed"),
        (["not available", "not in", "no one", "nobody", "recipient absent", "customer not available"], "attempt_failed.recipient_absent"),
        (["refused"], "attempt_failed.refused"),
        (["incorrect address", "address", "unable to locate"], "attempt_failed.address_issue"),
        (["access"], "attempt_failed.no_access"),
    ];

    private static readonly (string[] Words, string Detail)[] ExceptionReasons =
    [
        (["weather", "natural disaster"], "exception.delayed_weather"),
        (["customs", "clearance", "commercial invoice", "broker", "import"], "exception.customs_hold"),
        (["incorrect address", "address"], "exception.address_issue"),
        (["damaged", "damage"], "exception.damaged"),
        (["refused"], "exception.refused"),
    ];

    /// <summary>The code with its detail narrowed to the documented cause, when one is stated.</summary>
    public static FedExCode Refine(FedExCode code, string? reasonText)
    {
        if (string.IsNullOrWhiteSpace(reasonText))
        {
            return code;
        }
        var table = code.Status switch
        {
            TrackingStatus.AttemptFailed => AttemptReasons,
            TrackingStatus.Exception => ExceptionReasons,
            _ => null,
        };
        if (table is null)
        {
            return code;
        }
        foreach (var (words, detail) in table)
        {
            if (words.Any(w => reasonText.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return code with { Detail = detail };
            }
        }
        return code;
    }
}
