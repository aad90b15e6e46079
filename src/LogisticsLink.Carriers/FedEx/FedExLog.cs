using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>The adapter's log lines. Tokens and client secrets never appear in them.</summary>
internal static partial class FedExLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "FedEx access token obtained, valid for {Lifetime}")]
    public static partial void TokenObtained(ILogger logger, TimeSpan lifetime);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "FedEx token request failed with HTTP {StatusCode}")]
    public static partial void TokenRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "FedEx tracking request for {Count} number(s) failed: {Reason}")]
    public static partial void BatchFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "FedEx returned {Candidates} results for {TrackingNumber}; using the most recent ({UniqueId})")]
    public static partial void DuplicateResults(ILogger logger, string trackingNumber, int candidates, string uniqueId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "FedEx scan code {Code} for {TrackingNumber} is not in the status map; the scan keeps the previous status")]
    public static partial void UnknownCode(ILogger logger, string code, string trackingNumber);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "FedEx result for {TrackingNumber} not usable: {Reason}")]
    public static partial void ResultFailed(ILogger logger, string trackingNumber, string reason);
}
