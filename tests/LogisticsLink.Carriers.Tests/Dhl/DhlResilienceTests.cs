using System.Diagnostics;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;

namespace LogisticsLink.Carriers.Tests.Dhl;

/// <summary>The API key, throttling, outages, timeouts and broken bodies, each served by the simulator on demand.</summary>
public sealed class DhlResilienceTests
{
    private static readonly string Number = DhlTestBed.Number(0);

    [Fact]
    public async Task The_key_travels_in_the_header_and_the_number_in_the_query()
    {
        await using var bed = await DhlTestBed.StartAsync();

        Assert.True((await DhlTestBed.Track(bed.Client(), Number)).IsSuccess);

        Assert.Equal([$"?trackingNumber={Number}&language=en"], bed.Simulator.Queries);
    }

    [Fact]
    public async Task A_refused_key_is_a_permanent_failure_after_one_call_and_the_key_is_not_in_it()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(apiKey: "wrong-key");

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal("dhl: API key refused (HTTP 401)", result.FailureReason);
        Assert.Equal(1, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_is_not_retried_there_is_nothing_to_renew()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(1, bed.Simulator.Faults.TrackingCalls);
        Assert.Equal(0, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_it_names()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var started = Stopwatch.GetTimestamp();

        var result = await DhlTestBed.Track(client, Number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_429_that_lasts_is_a_transient_failure_with_the_problem_text()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Equal("dhl: HTTP 429 (Too Many Requests Rate limit exceeded.)", result.FailureReason);
    }

    [Fact]
    public async Task A_spent_daily_quota_sends_nothing_until_the_next_utc_midnight()
    {
        // carriers.md l.238: 250 calls a day on the starter plan, reset at 24:00 GMT; a budget of 3 shows the same.
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o => (o.DailyQuota, o.MaxRetries) = (3, 0), time: bed.Clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await DhlTestBed.Track(client, Number)).IsSuccess);
        }

        var refused = await DhlTestBed.Track(client, Number);

        var midnight = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);
        Assert.False(refused.IsSuccess);
        Assert.True(refused.Transient); // as a throttled call: the shipment keeps its state, marked stale
        Assert.Equal(midnight, refused.RetryNotBefore);
        Assert.Equal("dhl: not called (daily quota of 3 calls spent until 2026-03-11 00:00 UTC)", refused.FailureReason);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);

        bed.Clock.Advance(midnight - bed.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.False((await DhlTestBed.Track(client, Number)).IsSuccess);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await DhlTestBed.Track(client, Number)).IsSuccess);
        Assert.Equal(4, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Every_request_sent_counts_against_the_daily_quota_retries_included()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o => o.DailyQuota = 2); // real clock: the retry's back-off really elapses
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        Assert.True((await DhlTestBed.Track(client, Number)).IsSuccess); // a 503, then the retry: two calls
        var before = DateTimeOffset.UtcNow;
        var refused = await DhlTestBed.Track(client, Number);

        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
        Assert.False(refused.IsSuccess);
        Assert.Contains(refused.RetryNotBefore, new[] { Midnight(before), Midnight(DateTimeOffset.UtcNow) }.Cast<DateTimeOffset?>());
    }

    [Fact]
    public async Task A_daily_quota_of_zero_caps_nothing()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o => (o.DailyQuota, o.MaxRetries) = (0, 0), time: bed.Clock);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await DhlTestBed.Track(client, Number)).IsSuccess);
        }
        Assert.Equal(5, bed.Simulator.Faults.TrackingCalls);
    }

    private static DateTimeOffset Midnight(DateTimeOffset now) => new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await DhlTestBed.Track(client, Number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.InfoReceived, result.Snapshot!.Status);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_lasts_is_a_transient_failure()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.StartsWith("dhl: HTTP 503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_times_out_into_a_failure()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Equal("dhl: timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_not_an_exception()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await DhlTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
        Assert.True((await DhlTestBed.Track(client, Number)).IsSuccess);
    }

    [Fact]
    public async Task The_callers_cancellation_is_the_only_exception()
    {
        await using var bed = await DhlTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);
        using var cancel = new CancellationTokenSource();

        var call = client.TrackAsync(new CarrierRequest(Number, DhlTestBed.Start), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
