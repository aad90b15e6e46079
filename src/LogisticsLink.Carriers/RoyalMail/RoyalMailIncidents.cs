using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Attributes a Royal Mail hold or failed attempt to its cause. Royal Mail's codes already name most causes (no
/// answer, address inaccessible, refused, moved); only the generic hold (EVNRT) and the plain "unable to deliver"
/// (EVNDN) are narrowed, from the English <c>eventName</c>. When no word matches the code's detail stands.
/// </summary>
public static class RoyalMailIncidents
{
    private static readonly (string[] Words, string Detail)[] ExceptionCauses =
    [
        (["weather", "storm", "snow", "flood"], "exception.delayed_weather"),
        (["customs", "clearance", "import duty", "commercial invoice"], "exception.customs_hold"),
        (["your request", "do not deliver", "recipient request", "customer request"], "exception.held_at_request"),
        (["address"], "exception.address_issue"),
        (["damage"], "exception.damaged"),
        (["lost"], "exception.lost"),
        (["investigation", "no movement", "enquiry"], "exception.investigation"),
    ];

    private static readonly (string[] Words, string Detail)[] AttemptCauses =
    [
        (["no answer", "nobody", "no one", "not in", "absent"], "attempt_failed.recipient_absent"),
        (["address", "access"], "attempt_failed.address_issue"),
        (["refused"], "attempt_failed.refused"),
        (["fee", "customs charge", "to pay"], "attempt_failed.payment_required"),
    ];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "exception.held", "attempt_failed.attempted" };

    public static RoyalMailCode Refine(RoyalMailCode code, string? eventName)
    {
        if (string.IsNullOrWhiteSpace(eventName) || !Generic.Contains(code.Detail))
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
            if (words.Any(w => eventName.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return code with { Detail = detail };
            }
        }
        return code;
    }
}
