using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>The DPD adapter's log lines. The DELIS password and auth tokens never appear in them.</summary>
internal static partial class DpdLog
{
    [LoggerMessage(EventId = 4701, Level = LogLevel.Debug, Message = "DPD: tracking {ParcelNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string parcelNumber, string status);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "DPD: tracking {ParcelNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string parcelNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Debug, Message = "DPD: new authToken for depot {Depot}, valid for {Lifetime}")]
    public static partial void LoggedIn(ILogger logger, string depot, TimeSpan lifetime);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Warning,
        Message = "DPD status {Code} for {ParcelNumber} is not in the status map; the scan keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string parcelNumber);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Information, Message = "DPD refused the authToken for {ParcelNumber}; logging in again once")]
    public static partial void TokenRefused(ILogger logger, string parcelNumber);
}
