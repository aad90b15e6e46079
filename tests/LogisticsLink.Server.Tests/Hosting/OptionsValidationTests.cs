using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Tracking;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// The intervals that drive a timer are bounded at start-up, naming the key: a timer refuses a period above about
/// 49.7 days, and it would throw only once its service runs, naming "period" instead of the key.
/// </summary>
public sealed class OptionsValidationTests
{
    private static readonly OptionsValidation Validation = new();

    public static TheoryData<string, TimeSpan> TimerKeys => new()
    {
        { "Scheduler:PollInterval", TimeSpan.FromDays(60) },
        { "Marketplaces:SyncInterval", TimeSpan.FromDays(60) },
        { "Marketplaces:Amazon:FbaReportInterval", TimeSpan.FromDays(60) },
        { "Streams:LogPollInterval", TimeSpan.FromDays(60) },
        { "Orders:SweepInterval", TimeSpan.FromDays(2) },
        { "Streams:HeartbeatInterval", TimeSpan.FromDays(60) },
        { "Streams:WriteTimeout", TimeSpan.FromDays(60) },
        // Also the default ResolveInquiry deadline, which is at most 60 s.
        { "Tracking:RefreshWait", TimeSpan.FromMinutes(2) },
    };

    [Theory]
    [MemberData(nameof(TimerKeys))]
    public void An_interval_too_long_for_its_timer_is_refused_naming_the_key(string key, TimeSpan value)
    {
        var result = ValidateOne(key, value);

        Assert.True(result.Failed);
        Assert.Contains($"{key} must be", result.FailureMessage);
        Assert.Contains($"(got {value})", result.FailureMessage);
    }

    [Theory]
    [InlineData("Scheduler:PollInterval", "30.00:00:00")]
    [InlineData("Marketplaces:SyncInterval", "30.00:00:00")]
    [InlineData("Marketplaces:Amazon:FbaReportInterval", "30.00:00:00")]
    [InlineData("Streams:LogPollInterval", "30.00:00:00")]
    [InlineData("Orders:SweepInterval", "1.00:00:00")]
    [InlineData("Scheduler:PollInterval", "00:00:00.050")]
    [InlineData("Orders:SweepInterval", "00:00:01")]
    [InlineData("Streams:HeartbeatInterval", "01:00:00")]
    [InlineData("Streams:WriteTimeout", "30.00:00:00")]
    [InlineData("Tracking:RefreshWait", "00:01:00")]
    public void An_interval_within_its_bounds_is_accepted(string key, string value)
    {
        Assert.True(ValidateOne(key, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Succeeded);
    }

    [Fact]
    public void Orders_SweepInterval_under_a_second_is_refused_naming_the_key()
    {
        var result = Validation.Validate(null, new OrderOptions { SweepInterval = TimeSpan.FromMilliseconds(500) });

        Assert.True(result.Failed);
        Assert.Equal("Orders:SweepInterval must be between 00:00:01 and 1.00:00:00 (got 00:00:00.5000000).", result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void An_order_review_concurrency_out_of_its_bounds_is_refused_naming_the_key(int value)
    {
        var result = Validation.Validate(null, new OrderOptions { ReviewConcurrency = value });

        Assert.True(result.Failed);
        Assert.Equal($"Orders:ReviewConcurrency must be between 1 and 64 (got {value}).", result.FailureMessage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000_001)]
    public void A_known_events_cache_size_out_of_its_bounds_is_refused_naming_the_key(long value)
    {
        var result = Validation.Validate(null, new TrackingOptions { KnownEventsCacheSize = value });

        Assert.True(result.Failed);
        Assert.Equal($"Tracking:KnownEventsCacheSize must be between 0 and 100000000 (got {value}).", result.FailureMessage);
    }

    private static ValidateOptionsResult ValidateOne(string key, TimeSpan value) => key switch
    {
        "Scheduler:PollInterval" => Validation.Validate(null, new SchedulerOptions { PollInterval = value }),
        "Marketplaces:SyncInterval" => Validation.Validate(null, new MarketplaceSyncOptions { SyncInterval = value }),
        "Marketplaces:Amazon:FbaReportInterval" => Validation.Validate(null, new MarketplaceSyncOptions { Amazon = new() { FbaReportInterval = value } }),
        "Streams:LogPollInterval" => Validation.Validate(null, new StreamOptions { LogPollInterval = value }),
        "Orders:SweepInterval" => Validation.Validate(null, new OrderOptions { SweepInterval = value }),
        "Streams:HeartbeatInterval" => Validation.Validate(null, new StreamOptions { HeartbeatInterval = value }),
        "Streams:WriteTimeout" => Validation.Validate(null, new StreamOptions { WriteTimeout = value }),
        "Tracking:RefreshWait" => Validation.Validate(null, new LogisticsLink.Server.Tracking.TrackingOptions { RefreshWait = value }),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No options class for this key in the test."),
    };
}
