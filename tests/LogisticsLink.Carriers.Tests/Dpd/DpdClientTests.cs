using System.Diagnostics;
using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.Dpd;

/// <summary>The DPD adapter's SOAP behaviour against the simulator: login, token reuse and refusal, not found, faults.</summary>
public sealed class DpdClientTests
{
    [Fact]
    public void No_rate_limit_is_published_so_none_is_set()
    {
        Assert.Equal(0, DpdDefaults.RateLimitPermits);
        Assert.Equal("dpd", new DpdClient(new HttpClient(), new CarrierOptions { ClientId = "id", ClientSecret = "pw" },
            TimeProvider.System, NullLogger<DpdClient>.Instance).Code);
    }

    [Fact]
    public void Missing_credentials_are_refused_at_construction()
    {
        var e = Assert.Throws<ArgumentException>(() => new DpdClient(new HttpClient(), new CarrierOptions { ClientId = "id" },
            TimeProvider.System, NullLogger<DpdClient>.Instance));
        Assert.Contains("Carriers:Dpd", e.Message);
    }

    [Fact]
    public async Task An_unknown_parcel_is_not_found_not_a_failure()
    {
        await using var rig = await DpdRig.StartAsync();

        var result = await rig.TrackAsync("05308801410057");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Equal(64, result.Snapshot.PayloadSha256.Length);
    }

    [Fact]
    public async Task A_number_that_is_no_DPD_form_is_a_permanent_failure_without_a_call()
    {
        await using var rig = await DpdRig.StartAsync();

        var result = await rig.TrackAsync("1Z999AA10123456784");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Theory]
    [InlineData("0530 8801 4100 50")]                    // spaced
    [InlineData("05308801410050X")]                      // with a check character
    [InlineData("1234567053088014100501010560")]         // the 28-character label barcode
    public async Task Every_form_of_the_number_asks_for_the_14_digit_parcel(string number)
    {
        await using var rig = await DpdRig.StartAsync();

        var result = await rig.TrackAsync(number);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.InfoReceived, result.Snapshot!.Status);
        Assert.Contains("parcelNumber=05308801410050", result.Snapshot.TrackingUrl);
    }

    [Fact]
    public async Task The_token_is_fetched_once_reused_and_fetched_again_when_it_nears_expiry()
    {
        await using var rig = await DpdRig.StartAsync();

        await rig.TrackAsync("05308801410100");
        rig.Time.Advance(TimeSpan.FromHours(12));
        await rig.TrackAsync("05308801410100");
        Assert.Equal(1, rig.Simulator.Faults.TokenCalls);

        rig.Time.Advance(TimeSpan.FromHours(12)); // 24 hours after the login: the announced expiry
        var result = await rig.TrackAsync("05308801410100");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(3, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_refused_token_causes_exactly_one_new_login_then_succeeds()
    {
        await using var rig = await DpdRig.StartAsync(o => o.MaxRetries = 3);
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("05308801410200");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TokenCalls);
        // The fault came with HTTP 500, yet it was not retried as a server error: one refused call, one good one.
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_second_refusal_in_a_row_is_a_permanent_failure_not_a_loop()
    {
        await using var rig = await DpdRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var result = await rig.TrackAsync("05308801410210");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("DELICOM_ERR_AUTHENTICATION", result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_wrong_password_is_a_permanent_failure_not_an_exception()
    {
        await using var rig = await DpdRig.StartAsync(o => o.MaxRetries = 3, password: "not-the-password");

        var result = await rig.TrackAsync("05308801410220");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("login refused", result.FailureReason);
        Assert.Equal(1, rig.Simulator.Faults.TokenCalls);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_fault_of_the_login_service_that_is_not_about_the_credentials_is_no_refused_login()
    {
        // DPD's back end answers the login with a technical fault, HTTP 500 like every fault.
        const string fault = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
            <faultcode>soap:Server</faultcode><faultstring>Fault occured</faultstring>
            <detail><faults><faultCode>DELICOM_ERR_SYSTEM</faultCode><message>System not available</message></faults></detail>
            </soap:Fault></soap:Body></soap:Envelope>
            """;
        using var http = new HttpClient(new AlwaysAnswers(System.Net.HttpStatusCode.InternalServerError, fault));
        var client = new DpdClient(http, new CarrierOptions
        {
            BaseUrl = new Uri("https://dpd.invalid"), ClientId = "id", ClientSecret = "pw", MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10),
        }, TimeProvider.System, NullLogger<DpdClient>.Instance);

        var result = await client.TrackAsync(new CarrierRequest("05308801410220", DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.DoesNotContain("login refused", result.FailureReason);
        Assert.Contains("DELICOM_ERR_SYSTEM", result.FailureReason);
    }

    private sealed class AlwaysAnswers(System.Net.HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "text/xml") });
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var rig = await DpdRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var result = await rig.TrackAsync("05308801410300");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, Retry-After was 1 s");
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var rig = await DpdRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("05308801410400");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_transient_failure()
    {
        await using var rig = await DpdRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("05308801410410");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_service_is_a_timeout_failure()
    {
        await using var rig = await DpdRig.StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300), realClientClock: true);
        await rig.TrackAsync("05308801410500"); // log in before the fault, so the hang hits tracking
        rig.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await rig.TrackAsync("05308801410500");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure()
    {
        await using var rig = await DpdRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await rig.TrackAsync("05308801410600");

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }
}
