using Microsoft.Extensions.Logging;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>The eBay importer's log lines. Client secrets, refresh tokens and access tokens never appear in them.</summary>
internal static partial class EbayLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "eBay: {Account} answered {Count} orders from offset {Offset} of {Total}")]
    public static partial void PageFetched(ILogger logger, string account, int count, int offset, int total);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "eBay: {Account} sync failed: {Reason} (transient: {Transient})")]
    public static partial void SyncFailed(ILogger logger, string account, string reason, bool transient);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Debug, Message = "eBay: new user access token for app {ClientId}, valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, string clientId, TimeSpan lifetime);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "eBay: unreadable sync cursor for {Account}, starting again from {From}")]
    public static partial void CursorUnreadable(ILogger logger, string account, DateTimeOffset from);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "eBay: {Account} sync start {Requested} is older than eBay's 90-day window; starting at {Clamped}")]
    public static partial void StartClamped(ILogger logger, string account, DateTimeOffset requested, DateTimeOffset clamped);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Warning, Message = "eBay: {Account} stops calling the Fulfillment API: {Reason}; calls resume at {ResumeAt}")]
    public static partial void QuotaExhausted(ILogger logger, string account, string reason, DateTimeOffset resumeAt);
}
