using Microsoft.Extensions.Logging;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>The Amazon importer's log lines. Credentials and tokens never appear in them; accounts print as their tenant.</summary>
internal static partial class AmazonLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Amazon: new LWA access token for {Account}, valid for {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, string account, TimeSpan lifetime);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Amazon: {Operation} answered HTTP {Status} (x-amzn-RequestId {RequestId})")]
    public static partial void Called(ILogger logger, string operation, int status, string requestId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Amazon: Orders v2026-01-01 refused at {Endpoint} (HTTP {Status}); using Orders v0 there until {Until}")]
    public static partial void FallingBackToV0(ILogger logger, string endpoint, int status, DateTimeOffset until);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Amazon: {Operation} for {Account} failed: {Reason} (transient: {Transient})")]
    public static partial void Failed(ILogger logger, string operation, string account, string reason, bool transient);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug, Message = "Amazon: {Account} region {Region}: {Count} orders changed, more pages: {HasMore}")]
    public static partial void OrdersPage(ILogger logger, string account, string region, int count, bool hasMore);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Debug, Message = "Amazon: report {ReportId} is {Status}")]
    public static partial void ReportStatus(ILogger logger, string reportId, string status);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Amazon: sync cursor of {Account} unreadable; starting again from the requested start")]
    public static partial void CursorUnreadable(ILogger logger, string account);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Amazon: {Account} region {Region}: paging token dropped ({Why}); reading the window again from its start")]
    public static partial void PageTokenDropped(ILogger logger, string account, string region, string why);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Debug, Message = "Amazon: {Account}: {Count} Multi-Channel Fulfillment order(s) read")]
    public static partial void McfOrders(ILogger logger, string account, int count);
}
