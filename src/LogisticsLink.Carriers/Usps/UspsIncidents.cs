using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// Attributes an incident to its cause (weather, customs, the address, the recipient, damage). USPS's event codes name
/// the attempt reasons and the return reasons themselves; weather delays, customs holds and international customs
/// progress are filed under generic codes (DX, "Alert", "Processed") with an English text, so only those generic
/// details are narrowed, from that text. When no word matches, the code's own detail stands — never a guess.
/// </summary>
public static class UspsIncidents
{
    private static readonly (string[] Words, string Detail)[] ExceptionCauses =
    [
        (["weather", "natural disaster", "storm", "hurricane", "flood"], "exception.delayed_weather"),
        (["customs"], "exception.customs_hold"),
        (["address"], "exception.address_issue"),
        (["damage"], "exception.damaged"),
        (["refused"], "exception.refused"),
        (["no movement", "investigation", "not updated", "awaiting delivery scan"], "exception.no_scan"),
    ];

    private static readonly (string[] Words, string Detail)[] AttemptCauses =
    [
        (["business closed", "business was closed"], "attempt_failed.business_closed"),
        (["no authorized recipient", "no one", "not available", "recipient absent"], "attempt_failed.recipient_absent"),
        (["refused"], "attempt_failed.refused"),
        (["address"], "attempt_failed.address_issue"),
        (["no access", "no secure location"], "attempt_failed.no_access"),
    ];

    private static readonly (string[] Words, string Detail)[] TransitCauses =
    [
        (["customs clearance processing complete", "released from customs", "released by customs", "customs clearance complete"], "in_transit.customs_released"),
        (["customs"], "in_transit.customs"),
    ];

    /// <summary>Details general enough to be narrowed by the text.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "exception.status_not_updated", "exception.alert",
        "attempt_failed.notice_left", "attempt_failed.attempted",
        "in_transit.processed", "in_transit.on_the_way",
    };

    public static UspsMappedStatus Refine(UspsMappedStatus mapped, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Generic.Contains(mapped.Detail))
        {
            return mapped;
        }
        var causes = mapped.Status switch
        {
            TrackingStatus.Exception => ExceptionCauses,
            TrackingStatus.AttemptFailed => AttemptCauses,
            TrackingStatus.InTransit => TransitCauses,
            _ => [],
        };
        foreach (var (words, detail) in causes)
        {
            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return mapped with { Detail = detail };
            }
        }
        return mapped;
    }
}
