using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// Attributes a DHL failure to its cause from the event's texts (description, statusDetailed, remark): DHL Unified
/// has one "failure" code for every kind of trouble. A failure may turn out to be a lost parcel, a return to the
/// sender or a failed delivery attempt; a transit event that speaks of customs is customs progress. When no word
/// matches, the generic detail stands — never a guess.
/// </summary>
public static class DhlIncidents
{
    private static readonly (string[] Words, DhlMappedStatus Mapped)[] FailureCauses =
    [
        (["declared lost", "lost"], new(TrackingStatus.Lost, "lost.confirmed")),
        (["returned to sender", "return to sender", "being returned", "returned to the sender"], new(TrackingStatus.Returning, "returning.to_sender")),
        (["weather", "natural disaster", "storm"], new(TrackingStatus.Exception, "exception.delayed_weather")),
        (["customs"], new(TrackingStatus.Exception, "exception.customs_hold")),
        (["address"], new(TrackingStatus.Exception, "exception.address_issue")),
        (["damage"], new(TrackingStatus.Exception, "exception.damaged")),
        (["refused"], new(TrackingStatus.Exception, "exception.refused")),
        (["recipient not", "recipient was not", "not at home", "recipient absent"], new(TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent")),
        (["no movement", "investigation"], new(TrackingStatus.Exception, "exception.no_scan")),
    ];

    private static readonly (string[] Words, DhlMappedStatus Mapped)[] AttemptCauses =
    [
        (["recipient not", "recipient was not", "not at home", "recipient absent"], new(TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent")),
        (["address"], new(TrackingStatus.AttemptFailed, "attempt_failed.address_issue")),
        (["refused"], new(TrackingStatus.AttemptFailed, "attempt_failed.refused")),
    ];

    private static readonly (string[] Words, DhlMappedStatus Mapped)[] TransitCauses =
    [
        (["returned to sender", "return to sender", "being returned", "returned to the sender"], new(TrackingStatus.Returning, "returning.to_sender")),
        (["released by customs", "customs clearance completed", "cleared customs", "released from customs"], new(TrackingStatus.InTransit, "in_transit.customs_released")),
        (["customs"], new(TrackingStatus.InTransit, "in_transit.customs")),
    ];

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "exception.carrier", "attempt_failed.attempted", "in_transit.on_the_way", "in_transit.processed",
    };

    public static DhlMappedStatus Refine(DhlMappedStatus mapped, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Generic.Contains(mapped.Detail))
        {
            return mapped;
        }
        var causes = mapped.Status switch
        {
            TrackingStatus.Exception => FailureCauses,
            TrackingStatus.AttemptFailed => AttemptCauses,
            TrackingStatus.InTransit => TransitCauses,
            _ => [],
        };
        foreach (var (words, refined) in causes)
        {
            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                return refined;
            }
        }
        return mapped;
    }
}
