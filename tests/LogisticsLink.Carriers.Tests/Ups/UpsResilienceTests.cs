using System.Diagnostics;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;

namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>Tokens, re-authentication, throttling, outages, timeouts and broken bodies, each served by the simulator on demand.</summary>
public sealed class UpsResilienceTests
{
    private static readonly CarrierRequest Request = new(UpsTestBed.Number(0), UpsTestBed.Start);

    [Fact]
    public async Task The_token_is_fetched_once_and_reused_each_call_with_its_own_transId()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.TrackAsync(Request, CancellationToken.None)).IsSuccess);
        }

        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
        Assert.Equal(3, bed.Simulator.TransactionIds.Distinct().Count());
    }

    [Fact]
    public async Task The_token_is_fetched_again_shortly_before_it_expires()
    {
        // One clock for both sides, so the simulator's expiry and the client's renewal are measured alike.
        await using var bed = await UpsTestBed.StartAsync(tokenLifetime: TimeSpan.FromMinutes(5));
        var client = bed.Client(time: bed.Clock);

        Assert.True((await client.TrackAsync(Request, CancellationToken.None)).IsSuccess);
        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True((await client.TrackAsync(Request, CancellationToken.None)).IsSuccess);
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);

        // Past expires_in minus the renewal margin (60 s): a new token, and no 401 on the way.
        bed.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True((await client.TrackAsync(Request, CancellationToken.None)).IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_on_tracking_reauthenticates_exactly_once_then_succeeds()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_second_401_is_a_failure_not_a_loop()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.StartsWith("ups: HTTP 401", result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_permanent_failure_and_the_secret_is_not_in_it()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client(secret: "wrong-secret");

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("credentials refused (HTTP 401)", result.FailureReason);
        Assert.DoesNotContain("wrong-secret", result.FailureReason);
        Assert.Equal(0, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task The_sandbox_answers_429_without_rate_headers_as_ups_does()
    {
        // carriers.md l.108: "a 429 is returned without rate headers".
        await using var bed = await UpsTestBed.StartAsync();
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        using var http = new HttpClient();

        using var answer = await http.GetAsync(new Uri(bed.Host.BaseUrlOf(bed.Simulator) + $"/api/track/v1/details/{UpsTestBed.Number(0)}"));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Null(answer.Headers.RetryAfter);
        Assert.DoesNotContain(answer.Headers, h => h.Key.Contains("RateLimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_after_the_pipelines_back_off_not_at_once()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var clock = new RecordingClock();
        var client = bed.Client(o => o.MaxRetries = 1, time: clock);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
        // A retry at once would create no timer; the attempts' timeouts are 10 s (or not yet armed, infinite).
        Assert.Single(clock.TimerDueTimes, t => t > TimeSpan.Zero && t < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_429_that_lasts_is_retried_a_bounded_number_of_times_then_is_a_transient_failure()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var clock = new RecordingClock();
        var client = bed.Client(o => o.MaxRetries = 2, time: clock);
        bed.Simulator.Faults.Enqueue(Enumerable.Repeat(SimulatorFault.TooManyRequests, 5).ToArray());

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient); // the scheduler's failure back-off takes over from here
        Assert.StartsWith("ups: HTTP 429", result.FailureReason);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
        Assert.Equal(2, clock.TimerDueTimes.Count(t => t > TimeSpan.Zero && t < TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.InfoReceived, result.Snapshot!.Status);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_lasts_is_a_transient_failure()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client(o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.StartsWith("ups: HTTP 503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_times_out_into_a_failure()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Equal("ups: timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_not_an_exception()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await client.TrackAsync(Request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
        Assert.Equal(1, bed.Simulator.Faults.TrackingCalls);
        // The next poll is fine again.
        Assert.True((await client.TrackAsync(Request, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task The_callers_cancellation_is_the_only_exception()
    {
        await using var bed = await UpsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);
        using var cancel = new CancellationTokenSource();

        var call = client.TrackAsync(Request, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
