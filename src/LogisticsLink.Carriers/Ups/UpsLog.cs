using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Ups;

/// <summary>The UPS adapter's log lines. Credentials and tokens never appear in them.</summary>
internal static partial class UpsLog
{
    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "UPS: tracking {TrackingNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingNumber, string status);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "UPS: tracking {TrackingNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Debug, Message = "UPS: new OAuth token, valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, TimeSpan lifetime);
}
