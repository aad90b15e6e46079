using System.Diagnostics;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>The adapter's HTTP behaviour against the simulator: the Okapi key, batching, not found, faults.</summary>
public sealed class LaPosteClientTests
{
    [Fact]
    public void The_published_rate_limit_and_batch_size_are_exposed_for_wiring()
    {
        Assert.Equal("laposte", LaPosteDefaults.Code);
        Assert.Equal(10, LaPosteDefaults.RateLimitPermits);
        Assert.Equal(TimeSpan.FromSeconds(1), LaPosteDefaults.RateLimitWindow);
        Assert.Equal(10, LaPosteDefaults.MaxIdsPerRequest);
    }

    [Fact]
    public void An_Okapi_key_is_required()
    {
        var options = new CarrierOptions { BaseUrl = new Uri("http://127.0.0.1:1/laposte") };

        Assert.Throws<ArgumentException>(() => new LaPosteClient(new HttpClient(), options, TimeProvider.System, NullLogger<LaPosteClient>.Instance));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_not_a_failure()
    {
        await using var rig = await LaPosteRig.StartAsync();

        var result = await rig.TrackAsync("6A156026767"); // scenario 7: never known; La Poste answers 404 / returnCode 104

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Contains("not available yet", result.Snapshot.StatusDescription);
        Assert.Equal("https://www.laposte.fr/outils/suivre-vos-envois?code=6A156026767", result.Snapshot.TrackingUrl);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("6A15602676300000000")]
    [InlineData("6A15-6026-7630")]
    public async Task An_id_outside_the_documented_format_fails_without_a_call(string id)
    {
        await using var rig = await LaPosteRig.StartAsync();

        var result = await rig.TrackAsync(id);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Eleven_ids_take_two_calls_of_at_most_ten_and_each_gets_its_own_answer()
    {
        await using var rig = await LaPosteRig.StartAsync();
        var ids = Enumerable.Range(1, 11).Select(i => $"6A1560{i:D4}0").ToList();
        ids[10] = "6A156020007"; // one unknown among them

        var results = await rig.Client.TrackManyAsync([.. ids.Select(id => new CarrierRequest(id, LaPosteRig.Start))], CancellationToken.None);

        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.Equal(new[] { 10, 1 }, rig.Simulator.Calls.Select(c => c.Count));
        Assert.All(results.Take(10), r => Assert.Equal(TrackingStatus.InfoReceived, r.Snapshot!.Status));
        Assert.Equal(TrackingStatus.NotFound, results[10].Snapshot!.Status);
        Assert.Equal($"https://www.laposte.fr/outils/suivre-vos-envois?code={ids[4]}", results[4].Snapshot!.TrackingUrl);
    }

    [Fact]
    public async Task A_multi_status_answer_is_read_per_id()
    {
        await using var rig = await LaPosteRig.StartAsync();

        var results = await rig.Client.TrackManyAsync(
            [new("6A156020007", LaPosteRig.Start), new("6A156020000", LaPosteRig.Start)], CancellationToken.None);

        Assert.Equal(TrackingStatus.NotFound, results[0].Snapshot!.Status);
        Assert.Equal(TrackingStatus.InfoReceived, results[1].Snapshot!.Status);
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task The_same_id_asked_twice_is_sent_once()
    {
        await using var rig = await LaPosteRig.StartAsync();

        var results = await rig.Client.TrackManyAsync(
            [new("6A156020100", LaPosteRig.Start), new("6a15 6020 100", LaPosteRig.Start)], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(TrackingStatus.InfoReceived, r.Snapshot!.Status));
        Assert.Equal(new[] { "6A156020100" }, rig.Simulator.Calls.Single());
    }

    [Fact]
    public async Task A_wrong_key_is_a_permanent_failure_after_one_call()
    {
        await using var rig = await LaPosteRig.StartAsync(apiKey: "not-the-key");

        var result = await rig.TrackAsync("6A156020200");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("401", result.FailureReason);
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_is_not_retried_there_is_no_token_to_renew()
    {
        await using var rig = await LaPosteRig.StartAsync(o => o.MaxRetries = 2);
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var failed = await rig.TrackAsync("6A156020210");
        var next = await rig.TrackAsync("6A156020210");

        Assert.False(failed.IsSuccess);
        Assert.Contains("Okapi key refused", failed.FailureReason);
        Assert.True(next.IsSuccess, next.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var rig = await LaPosteRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var result = await rig.TrackAsync("6A156020300");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, Retry-After was 1 s");
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var rig = await LaPosteRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("6A156020400");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_transient_failure()
    {
        await using var rig = await LaPosteRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("6A156020410");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_is_a_timeout_failure()
    {
        await using var rig = await LaPosteRig.StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300), realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await rig.TrackAsync("6A156020500");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure_for_every_id_of_the_call()
    {
        await using var rig = await LaPosteRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var results = await rig.Client.TrackManyAsync(
            [new("6A156020600", LaPosteRig.Start), new("6A156020610", LaPosteRig.Start)], CancellationToken.None);

        Assert.All(results, r =>
        {
            Assert.False(r.IsSuccess);
            Assert.Contains("malformed", r.FailureReason);
        });
    }
}
