using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// FedEx's own word that a parcel is late. FedEx says it in <c>latestStatusDetail</c> only — derived code <c>RL</c>
/// "Running Late", or <c>delayDetail.status</c> DELAYED (carriers.md l.143, l.164) — never in a scan, so a table of
/// scan codes cannot see it. The reference maps derived RL to EXCEPTION (carriers.md l.452), as FedEx's delay scans
/// (DD, DY) already are here: the parcel is reported late now, not only once the promise has passed.
/// </summary>
public static class FedExRunningLate
{
    public const string RunningLateCode = "RL";
    public const string DelayedStatus = "DELAYED";
    public const string Detail = "exception.running_late";

    public sealed record Delay(TrackingStatus Status, string Detail, string Text);

    /// <summary>The delay the summary states, or null when it states none.</summary>
    public static Delay? Read(JsonElement? latest)
    {
        var runningLate = latest.Str("derivedCode").Trim().Equals(RunningLateCode, StringComparison.OrdinalIgnoreCase);
        var delayed = latest.Prop("delayDetail").Str("status").Trim().Equals(DelayedStatus, StringComparison.OrdinalIgnoreCase);
        if (!runningLate && !delayed)
        {
            return null;
        }
        var text = latest.Str("statusByLocale") is { Length: > 0 } byLocale ? byLocale : latest.Str("description");
        // With RL FedEx's text says it ("Running Late"); beside a bare delayDetail it is the ordinary one ("In transit").
        var said = runningLate ? (text.Length > 0 ? text : "Running late") : (text.Length > 0 ? $"Delayed: {text}" : "Delayed");
        return new Delay(TrackingStatus.Exception, Detail, said);
    }

    /// <summary>
    /// Whether a delay replaces the status the scans give: only a status that reports no problem yet. A final scan
    /// (delivered, returned, cancelled…) makes a summary's delay stale, and a failed attempt, an exception or a return
    /// already says more about what went wrong than "late" does.
    /// </summary>
    public static bool Overrides(TrackingStatus? status) => status is null
        || (!status.Value.IsTerminal() && status.Value is not (TrackingStatus.AttemptFailed or TrackingStatus.Exception
            or TrackingStatus.Returning or TrackingStatus.Lost or TrackingStatus.NotFound));
}
