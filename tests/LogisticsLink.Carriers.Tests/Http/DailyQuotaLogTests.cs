using LogisticsLink.Carriers.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Http;

/// <summary>A spent day is told once per carrier per day, whichever refusal comes first; the next day's, once again.</summary>
public sealed class DailyQuotaLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Our_spent_budget_is_told_once_a_day_however_many_calls_it_refuses()
    {
        var clock = new FakeTimeProvider(Start);
        var logger = new Lines();
        var quota = new CarrierDailyQuota(2, clock, new DailyQuotaLog("Dhl", logger));
        quota.Take();
        quota.Take();

        for (var i = 0; i < 5; i++)
        {
            Assert.Throws<DailyQuotaSpentException>(quota.Take);
            Assert.Throws<DailyQuotaSpentException>(quota.ThrowIfSpent);
        }

        var line = Assert.Single(logger.Written);
        Assert.Equal((LogLevel.Warning, 4001), (line.Level, line.EventId));
        Assert.Equal(
            "Dhl: daily quota spent (daily quota of 2 calls spent until 2026-03-11 00:00 UTC); no call to it before 2026-03-11 00:00 UTC, " +
            "its refreshes fail as throttled until then. Budget: 2 calls a day (0: none of ours), set by Carriers:Dhl:DailyQuota", line.Text);

        clock.Advance(TimeSpan.FromHours(2)); // the next UTC day: a new budget, and a new day to tell once spent
        quota.Take();
        quota.Take();
        Assert.Throws<DailyQuotaSpentException>(quota.Take);
        Assert.Throws<DailyQuotaSpentException>(quota.Take);
        Assert.Equal(2, logger.Written.Count);
        Assert.Contains("until 2026-03-12 00:00 UTC", logger.Written[1].Text);
    }

    [Fact]
    public void The_carriers_word_that_its_day_is_spent_is_told_once_and_not_again_for_the_refusals_that_follow()
    {
        var clock = new FakeTimeProvider(Start);
        var logger = new Lines();
        var quota = new CarrierDailyQuota(0, clock, new DailyQuotaLog("FedEx", logger));

        quota.SpendUntilNextReset("Daily transaction quota exceeded. Retry after 12:00AM GMT");
        Assert.Throws<DailyQuotaSpentException>(quota.ThrowIfSpent);
        quota.SpendUntilNextReset("Daily transaction quota exceeded. Retry after 12:00AM GMT"); // a call already in flight

        var line = Assert.Single(logger.Written);
        Assert.Contains("FedEx: daily quota spent", line.Text);
        Assert.Contains("Retry after 12:00AM GMT", line.Text);
        Assert.Contains("Carriers:FedEx:DailyQuota", line.Text);
    }

    private sealed class Lines : ILogger
    {
        public List<(LogLevel Level, int EventId, string Text)> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
