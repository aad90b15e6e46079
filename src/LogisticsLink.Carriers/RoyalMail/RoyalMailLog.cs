using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>The Royal Mail adapter's log lines. The client id and secret never appear in them.</summary>
internal static partial class RoyalMailLog
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Royal Mail: tracking {TrackingNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingNumber, string status);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Royal Mail: tracking {TrackingNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Royal Mail: unknown event code {Code} on {TrackingNumber}; the event keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string trackingNumber);
}
