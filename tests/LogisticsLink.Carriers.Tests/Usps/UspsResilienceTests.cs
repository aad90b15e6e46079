using System.Diagnostics;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>Tokens and their scope, re-authentication, throttling, outages, timeouts and broken bodies, each served by the simulator on demand.</summary>
public sealed class UspsResilienceTests
{
    private static readonly string Number = UspsTestBed.Number(0);

    [Fact]
    public async Task The_token_is_asked_for_with_the_tracking_scope_fetched_once_and_reused()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await UspsTestBed.Track(client, Number)).IsSuccess);
        }

        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
        Assert.Equal(["tracking"], bed.Simulator.RequestedScopes);
    }

    [Fact]
    public async Task The_token_is_fetched_again_shortly_before_it_expires()
    {
        // One clock for both sides, so the simulator's expiry and the client's renewal are measured alike.
        await using var bed = await UspsTestBed.StartAsync(tokenLifetime: TimeSpan.FromMinutes(5));
        var client = bed.Client(time: bed.Clock);

        Assert.True((await UspsTestBed.Track(client, Number)).IsSuccess);
        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True((await UspsTestBed.Track(client, Number)).IsSuccess);
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);

        // Past expires_in minus the renewal margin (60 s): a new token, and no 401 on the way.
        bed.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True((await UspsTestBed.Track(client, Number)).IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_on_tracking_reauthenticates_exactly_once_then_succeeds()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await UspsTestBed.Track(client, Number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_second_401_is_a_permanent_failure_not_a_loop()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.StartsWith("usps: HTTP 401", result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_permanent_failure_and_the_secret_is_not_in_it()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client(secret: "wrong-secret");

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("credentials refused (HTTP 401)", result.FailureReason);
        Assert.DoesNotContain("wrong-secret", result.FailureReason);
        Assert.Equal(0, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_token_without_the_tracking_scope_fails_at_once_without_a_tracking_call()
    {
        await using var bed = await UspsTestBed.StartAsync(grantedScopes: "addresses prices labels");
        var client = bed.Client();

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("lacks the 'tracking' scope", result.FailureReason);
        Assert.Equal(0, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_it_names()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var started = Stopwatch.GetTimestamp();

        var result = await UspsTestBed.Track(client, Number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
        // Retry-After: 1 — the pipeline's own first back-off would have been about half that.
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_429_that_lasts_is_a_transient_failure_with_the_quota_message()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client(o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.StartsWith("usps: HTTP 429", result.FailureReason);
        Assert.Contains("Exceeded quota limit", result.FailureReason);
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await UspsTestBed.Track(client, Number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.InfoReceived, result.Snapshot!.Status);
        Assert.Equal(2, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_lasts_is_a_transient_failure()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client(o => o.MaxRetries = 0);
        bed.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.StartsWith("usps: HTTP 503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_times_out_into_a_failure()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Equal("usps: timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_not_an_exception()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await UspsTestBed.Track(client, Number);

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
        Assert.Equal(1, bed.Simulator.Faults.TrackingCalls);
        // The next poll is fine again.
        Assert.True((await UspsTestBed.Track(client, Number)).IsSuccess);
    }

    [Fact]
    public async Task A_number_with_other_characters_is_refused_without_a_call()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();

        var result = await UspsTestBed.Track(client, "9400/1091");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, bed.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task The_callers_cancellation_is_the_only_exception()
    {
        await using var bed = await UspsTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Hang);
        using var cancel = new CancellationTokenSource();

        var call = client.TrackAsync(new CarrierRequest(Number, UspsTestBed.Start), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
