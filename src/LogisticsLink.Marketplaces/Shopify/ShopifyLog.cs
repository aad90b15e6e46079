using Microsoft.Extensions.Logging;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>The Shopify importer's log lines. Access tokens and webhook secrets never appear in them.</summary>
internal static partial class ShopifyLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Shopify: {Shop} answered {Count} orders (more: {HasMore})")]
    public static partial void PageFetched(ILogger logger, string shop, int count, bool hasMore);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Shopify: {Account} sync failed: {Reason} (transient: {Transient})")]
    public static partial void SyncFailed(ILogger logger, string account, string reason, bool transient);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Debug, Message = "Shopify: waiting {Wait} for {Shop}'s query cost bucket to refill")]
    public static partial void WaitingForBucket(ILogger logger, string shop, TimeSpan wait);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "Shopify: {Shop} throttled the query (attempt {Attempt})")]
    public static partial void Throttled(ILogger logger, string shop, int attempt);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "Shopify: unreadable sync cursor for {Account}, starting again from {From}")]
    public static partial void CursorUnreadable(ILogger logger, string account, DateTimeOffset from);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Information,
        Message = "Shopify: {Shop} has more changed orders than one search pages through; searching again from {Since}")]
    public static partial void SearchRestarted(ILogger logger, string shop, DateTimeOffset since);
}
