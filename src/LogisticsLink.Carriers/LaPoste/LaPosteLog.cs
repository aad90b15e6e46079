using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>The La Poste adapter's log lines. The Okapi key never appears in them.</summary>
internal static partial class LaPosteLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Debug, Message = "La Poste: tracking {TrackingNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingNumber, string status);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "La Poste: tracking {TrackingNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "La Poste: a call for {Count} numbers failed: {Reason}")]
    public static partial void BatchFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Information, Message = "La Poste: unknown event code {Code} on {TrackingNumber}; the event keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string trackingNumber);
}
