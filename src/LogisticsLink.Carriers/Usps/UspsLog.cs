using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Usps;

/// <summary>The USPS adapter's log lines. Credentials and tokens never appear in them.</summary>
internal static partial class UspsLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "USPS: tracking {TrackingNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingNumber, string status);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "USPS: tracking {TrackingNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "USPS: new OAuth token, valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning,
        Message = "USPS: event code {Code} for {TrackingNumber} is not in the status map; the event keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string trackingNumber);
}
