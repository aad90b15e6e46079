using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// Where a carrier's <see cref="CarrierDailyQuota"/> says its day is spent: once per carrier per day, at Warning, with
/// what an operator needs (the budget, the reset, the key that sets it). The refusals that follow until the reset are
/// not logged here: with thousands of parcels one line each would flood the log (the tracker logs them at Debug).
/// </summary>
/// <param name="carrier">The carrier's configuration name (<c>Dhl</c>, <c>FedEx</c>…), as in <c>Carriers:&lt;Name&gt;</c>.</param>
public sealed partial class DailyQuotaLog(string carrier, ILogger logger)
{
    public void Spent(int dailyQuota, DateTimeOffset resetsAt, string reason) =>
        LogSpent(logger, carrier, dailyQuota, resetsAt.UtcDateTime, reason, $"Carriers:{carrier}:DailyQuota");

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "{Carrier}: daily quota spent ({Reason}); no call to it before {ResetsAt:yyyy-MM-dd HH:mm} UTC, its refreshes fail as throttled until then. Budget: {DailyQuota} calls a day (0: none of ours), set by {Key}")]
    private static partial void LogSpent(ILogger logger, string carrier, int dailyQuota, DateTime resetsAt, string reason, string key);
}
