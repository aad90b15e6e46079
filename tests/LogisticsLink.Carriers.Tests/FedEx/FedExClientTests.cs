using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Tests.Support;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.FedEx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.FedEx;

/// <summary>The adapter's HTTP behaviour against the simulator: auth, batching, not found, duplicates, faults.</summary>
public sealed class FedExClientTests
{
    [Fact]
    public void The_published_rate_limit_is_exposed_for_wiring()
    {
        Assert.Equal(1400, FedExDefaults.RateLimitPermits);
        Assert.Equal(TimeSpan.FromSeconds(10), FedExDefaults.RateLimitWindow);
        Assert.Equal(30, FedExDefaults.MaxNumbersPerRequest);
    }

    [Theory]
    [InlineData("794600000107")] // scenario 7: never known
    [InlineData("12345")]        // not a FedEx number at all
    public async Task An_unknown_number_is_not_found_not_a_failure(string number)
    {
        await using var rig = await FedExRig.StartAsync();

        var result = await rig.TrackAsync(number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Contains("cannot be found", result.Snapshot.StatusDescription);
    }

    [Fact]
    public async Task Thirty_one_numbers_take_two_requests_and_each_gets_its_own_answer()
    {
        await using var rig = await FedExRig.StartAsync();
        var numbers = Enumerable.Range(1, 31).Select(i => $"{i:D11}0").ToList();
        numbers[30] = "794600000207"; // one unknown among them

        var results = await rig.Client.TrackManyAsync(
            [.. numbers.Select(n => new CarrierRequest(n, FedExRig.Start))], CancellationToken.None);

        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.Equal(31, results.Count);
        Assert.All(results.Take(30), r => Assert.Equal(TrackingStatus.InfoReceived, r.Snapshot!.Status));
        Assert.Equal(TrackingStatus.NotFound, results[30].Snapshot!.Status);
        Assert.Equal($"https://www.fedex.com/fedextrack/?trknbr={numbers[5]}", results[5].Snapshot!.TrackingUrl);
    }

    [Fact]
    public async Task Of_duplicate_results_the_current_shipment_wins()
    {
        await using var rig = await FedExRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync(FedExSimulator.DuplicateTrackingNumber, 1)).Snapshot!;

        // The simulator lists the delivered shipment of 90 days ago first; the adapter keeps today's.
        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal(2, snapshot.Events.Count);
        Assert.All(snapshot.Events, e => Assert.True(e.OccurredAt >= FedExRig.Start));
    }

    [Theory]
    [InlineData("794600000040", 4, "OD", "IT", "")]       // out for delivery: only the derived code hides it
    [InlineData("794600000041", 4, "HP", "IT", "")]       // ready for pickup, likewise
    [InlineData(FedExSimulator.RunningLateTrackingNumber, 2, "AR", "RL", "DELAYED")]
    public async Task The_sandbox_summary_keeps_the_real_event_code_and_only_the_derived_code_is_coarse(
        string number, int steps, string code, string derivedCode, string delayStatus)
    {
        var time = new FakeTimeProvider(FedExRig.Start);
        var options = new FedExSimulatorOptions { StepInterval = FedExRig.Step };
        var simulator = new FedExSimulator(options, time);
        await using var host = await LoopbackSimulatorHost.StartAsync(simulator);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrlOf(simulator) + "/") };
        using var tokenAnswer = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret,
        }));
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        async Task<JsonNode> LatestAsync()
        {
            using var answer = await http.PostAsync("track/v1/trackingnumbers", new StringContent(
                $$$"""{"includeDetailedScans":true,"trackingInfo":[{"trackingNumberInfo":{"trackingNumber":"{{{number}}}"}}]}""",
                Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            return body["output"]!["completeTrackResults"]![0]!["trackResults"]![0]!["latestStatusDetail"]!;
        }
        await LatestAsync();
        time.Advance(FedExRig.Step * steps);
        var latest = await LatestAsync();

        Assert.Equal(code, latest["code"]!.GetValue<string>());
        Assert.Equal(derivedCode, latest["derivedCode"]!.GetValue<string>());
        Assert.Equal(delayStatus, latest["delayDetail"]?["status"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task The_token_is_fetched_once_reused_and_fetched_again_when_it_nears_expiry()
    {
        await using var rig = await FedExRig.StartAsync();

        await rig.TrackAsync("794600000300");
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        await rig.TrackAsync("794600000300");
        Assert.Equal(1, rig.Simulator.Faults.TokenCalls);

        rig.Time.Advance(TimeSpan.FromMinutes(30)); // 60 minutes after the token was issued
        var result = await rig.TrackAsync("794600000300");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(3, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_causes_exactly_one_reauthentication_then_succeeds()
    {
        await using var rig = await FedExRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("794600000400");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_second_401_in_a_row_is_a_failure_not_a_loop()
    {
        await using var rig = await FedExRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("794600000410");

        Assert.False(result.IsSuccess);
        Assert.Contains("401", result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_failure_not_an_exception()
    {
        await using var rig = await FedExRig.StartAsync(secret: "not-the-secret");

        var result = await rig.TrackAsync("794600000420");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("401", result.FailureReason);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Refused_OAuth_credentials_are_a_permanent_failure_for_the_whole_batch(HttpStatusCode status)
    {
        using var handler = new TokenEndpointStub(status, """{"transactionId":"t-1","errors":[{"code":"NOT.AUTHORIZED.ERROR","message":"Client credentials refused."}]}""");
        var client = StubbedClient(handler);

        var results = await client.TrackManyAsync(
            [new CarrierRequest("794600000420", DateTimeOffset.UnixEpoch), new CarrierRequest("794600000421", DateTimeOffset.UnixEpoch)],
            CancellationToken.None);

        Assert.All(results, result =>
        {
            Assert.False(result.IsSuccess);
            Assert.False(result.Transient);
            Assert.Equal($"fedex: OAuth credentials refused (HTTP {(int)status})", result.FailureReason);
        });
        Assert.Equal(0, handler.TrackingCalls);
    }

    [Fact]
    public async Task A_token_endpoint_outage_stays_transient()
    {
        using var handler = new TokenEndpointStub(HttpStatusCode.ServiceUnavailable, """{"errors":[{"code":"SERVICE.UNAVAILABLE.ERROR"}]}""");
        var client = StubbedClient(handler);

        var result = await client.TrackAsync(new CarrierRequest("794600000420", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
    }

    private static FedExClient StubbedClient(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new CarrierOptions { BaseUrl = new Uri("http://fedex.test"), ClientId = "id", ClientSecret = "secret", MaxRetries = 0 },
            TimeProvider.System, NullLogger<FedExClient>.Instance);

    /// <summary>Answers every token request with one status and body; counts tracking calls, which should not happen.</summary>
    private sealed class TokenEndpointStub(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public int TrackingCalls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != FedExDefaults.TokenPath)
            {
                TrackingCalls++;
            }
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }

    [Theory]
    [InlineData(SimulatorFault.TooManyRequests, "too many requests in a short duration")]
    [InlineData(SimulatorFault.DailyQuotaExceeded, "Daily transaction quota exceeded. Retry after 12:00AM GMT")]
    public async Task The_sandbox_answers_429_without_Retry_After_in_fedexs_error_shape(SimulatorFault fault, string message)
    {
        // carriers.md l.168 (the request-level error shape) and l.170 (the daily quota's 429 names 12:00AM GMT in its text).
        var simulator = new FedExSimulator(new FedExSimulatorOptions(), new FakeTimeProvider(FedExRig.Start));
        await using var host = await LoopbackSimulatorHost.StartAsync(simulator);
        using var http = new HttpClient();
        simulator.Faults.Enqueue(fault);

        using var answer = await http.PostAsync(new Uri(host.BaseUrlOf(simulator) + "/track/v1/trackingnumbers"),
            new StringContent("""{"trackingInfo":[{"trackingNumberInfo":{"trackingNumber":"794600000500"}}]}""", Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["errors"]![0]!;

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Null(answer.Headers.RetryAfter);
        Assert.False(string.IsNullOrEmpty(error["code"]?.GetValue<string>()));
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_after_the_pipelines_back_off()
    {
        await using var rig = await FedExRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var result = await rig.TrackAsync("794600000500");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_daily_quota_429_is_not_retried_and_fedex_is_not_asked_again_before_midnight_gmt()
    {
        await using var rig = await FedExRig.StartAsync(o => o.MaxRetries = 3); // the fake clock: 2026-03-10 08:00 UTC
        rig.Simulator.Faults.Enqueue(SimulatorFault.DailyQuotaExceeded);
        var midnight = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);

        var refused = await rig.TrackAsync("794600000500");

        Assert.False(refused.IsSuccess);
        Assert.True(refused.Transient); // reported as a spent daily budget is: the parcel keeps its state, stale
        Assert.Equal(midnight, refused.RetryNotBefore);
        Assert.Contains("Daily transaction quota exceeded", refused.FailureReason);
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls); // not retried

        var meanwhile = await rig.TrackManyAsync(["794600000500", "794600000510"]);
        Assert.All(meanwhile, r => Assert.Equal(midnight, r.RetryNotBefore));
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls); // not asked again the same day

        rig.Time.Advance(midnight - rig.Time.GetUtcNow());
        Assert.True((await rig.TrackAsync("794600000500")).IsSuccess);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var rig = await FedExRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("794600000600");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_transient_failure()
    {
        await using var rig = await FedExRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("794600000610");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_is_a_timeout_failure()
    {
        await using var rig = await FedExRig.StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300), realClientClock: true);
        await rig.TrackAsync("794600000700"); // fetch the token before the fault, so the hang hits tracking
        rig.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await rig.TrackAsync("794600000700");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure()
    {
        await using var rig = await FedExRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await rig.TrackAsync("794600000800");

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }

    [Fact]
    public async Task The_same_number_asked_twice_in_a_batch_is_sent_once()
    {
        await using var rig = await FedExRig.StartAsync();

        var results = await rig.Client.TrackManyAsync(
            [new("794600000900", FedExRig.Start), new("7946 0000 0900", FedExRig.Start)], CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(TrackingStatus.InfoReceived, r.Snapshot!.Status));
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls);
    }
}
