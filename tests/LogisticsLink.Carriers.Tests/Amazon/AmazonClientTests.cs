using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.Amazon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>The Amazon adapter's HTTP behaviour against the simulator: LWA, the access-token header, not found, faults.</summary>
public sealed class AmazonClientTests
{
    [Fact]
    public async Task The_sandbox_answers_getTracking_inside_payload_as_documented()
    {
        // carriers.md l.313-317: payload { trackingId, alternateLegTrackingId, promisedDeliveryDate, eventHistory[], summary }.
        var options = new AmazonSimulatorOptions();
        var simulator = new AmazonSimulator(options, new FakeTimeProvider(AmazonRig.Start));
        await using var host = await LoopbackSimulatorHost.StartAsync(simulator);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrlOf(simulator) + "/") };
        using var tokenAnswer = await http.PostAsync("auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret,
            ["refresh_token"] = options.RefreshToken,
        }));
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "shipping/v2/tracking?trackingId=TBA000000000010&carrierId=AMZN_UK");
        request.Headers.Add("x-amz-access-token", token);

        using var answer = await http.SendAsync(request);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["payload"], body.Select(p => p.Key));
        var payload = body["payload"]!.AsObject();
        Assert.Equal("TBA000000000010", payload["trackingId"]!.GetValue<string>());
        Assert.Equal(["trackingId", "alternateLegTrackingId", "eventHistory", "promisedDeliveryDate", "summary"], payload.Select(p => p.Key));
    }

    [Fact]
    public void The_published_usage_plan_is_exposed_for_wiring()
    {
        Assert.Equal(80, AmazonDefaults.RateLimitPermits);
        Assert.Equal(TimeSpan.FromSeconds(1), AmazonDefaults.RateLimitWindow);
    }

    [Fact]
    public void Missing_credentials_are_refused_at_construction()
    {
        var e = Assert.Throws<ArgumentException>(() => new AmazonClient(new HttpClient(),
            new CarrierOptions { ClientId = "id", ClientSecret = "secret" }, TimeProvider.System, NullLogger<AmazonClient>.Instance));
        Assert.Contains("ApiKey", e.Message);
    }

    [Fact]
    public async Task An_unknown_tracking_id_is_not_found_not_a_failure()
    {
        await using var rig = await AmazonRig.StartAsync();

        var result = await rig.TrackAsync("TBA000000000017");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Contains("AMZN_UK", result.Snapshot.StatusDescription);
    }

    [Fact]
    public async Task The_carrier_id_comes_from_the_number_and_picks_the_shipping_business()
    {
        await using var rig = await AmazonRig.StartAsync();

        var uk = await rig.TrackAsync("TBA000000000010");
        var us = await rig.TrackAsync("AMZN_US:TBA000000000020");
        var other = await rig.TrackAsync("FOOSHIPGRD:1578648261970");

        Assert.All([uk, us, other], r => Assert.Equal(TrackingStatus.InfoReceived, r.Snapshot!.Status));
        Assert.Equal(["AmazonShipping_UK", "AmazonShipping_US", ""], rig.Simulator.BusinessIds);
        Assert.Equal("https://track.amazon.com/tracking/TBA000000000020", us.Snapshot!.TrackingUrl);
    }

    [Fact]
    public async Task The_token_is_fetched_once_reused_and_fetched_again_when_it_nears_expiry()
    {
        await using var rig = await AmazonRig.StartAsync();

        await rig.TrackAsync("TBA000000000100");
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        await rig.TrackAsync("TBA000000000100");
        Assert.Equal(1, rig.Simulator.Faults.TokenCalls);

        rig.Time.Advance(TimeSpan.FromMinutes(30)); // an hour after the token was issued
        var result = await rig.TrackAsync("TBA000000000100");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(3, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task An_expired_token_answer_causes_exactly_one_new_token_then_succeeds()
    {
        await using var rig = await AmazonRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("TBA000000000200");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_second_refusal_in_a_row_is_a_permanent_failure_not_a_loop()
    {
        await using var rig = await AmazonRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("TBA000000000210");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("403", result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_a_permanent_failure_not_an_exception()
    {
        await using var rig = await AmazonRig.StartAsync(refreshToken: "Atzr|revoked");

        var result = await rig.TrackAsync("TBA000000000220");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("invalid_grant", result.FailureReason);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var rig = await AmazonRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var result = await rig.TrackAsync("TBA000000000300");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, Retry-After was 1 s");
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var rig = await AmazonRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("TBA000000000400");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_transient_failure_with_Amazons_error()
    {
        await using var rig = await AmazonRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("TBA000000000410");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("503", result.FailureReason);
        Assert.Contains("ServiceUnavailable", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_service_is_a_timeout_failure()
    {
        await using var rig = await AmazonRig.StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300), realClientClock: true);
        await rig.TrackAsync("TBA000000000500"); // fetch the token before the fault, so the hang hits tracking
        rig.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await rig.TrackAsync("TBA000000000500");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure()
    {
        await using var rig = await AmazonRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await rig.TrackAsync("TBA000000000600");

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AMZN_UK:")]
    public async Task An_empty_tracking_id_is_a_permanent_failure_without_a_call(string number)
    {
        await using var rig = await AmazonRig.StartAsync();

        var result = await rig.TrackAsync(number);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }
}
