using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>The Amazon adapter's log lines. The LWA client secret, refresh token and access tokens never appear.</summary>
internal static partial class AmazonLog
{
    [LoggerMessage(EventId = 4901, Level = LogLevel.Debug, Message = "Amazon: tracking {TrackingId} ({CarrierId}) answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingId, string carrierId, string status);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Warning, Message = "Amazon: tracking {TrackingId} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingId, string reason, bool transient);

    [LoggerMessage(EventId = 4903, Level = LogLevel.Debug, Message = "Amazon: new LWA access token, valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 4904, Level = LogLevel.Warning,
        Message = "Amazon event code {Code} for {TrackingId} is not in the status map; the event keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string trackingId);

    [LoggerMessage(EventId = 4905, Level = LogLevel.Warning, Message = "Amazon LWA token request refused with HTTP {StatusCode} ({Error})")]
    public static partial void TokenRefused(ILogger logger, int statusCode, string error);
}
