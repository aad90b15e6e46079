using System.Diagnostics;
using System.Net;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>The adapter's HTTP behaviour against the simulator: IBM client headers, not found, errors, faults.</summary>
public sealed class RoyalMailClientTests
{
    [Fact]
    public void Royal_Mail_publishes_no_numeric_rate_limit_and_the_client_needs_its_id_and_secret()
    {
        Assert.Equal("royalmail", RoyalMailDefaults.Code);
        var options = new CarrierOptions { BaseUrl = new Uri("http://127.0.0.1:1/royalmail"), ClientId = "id" };

        Assert.Throws<ArgumentException>(() => new RoyalMailClient(new HttpClient(), options, TimeProvider.System, NullLogger<RoyalMailClient>.Instance));
    }

    [Fact]
    public async Task An_unrecognised_barcode_is_not_found_not_a_failure()
    {
        await using var rig = await RoyalMailRig.StartAsync();

        var result = await rig.TrackAsync("FQ087430677GB"); // scenario 7: E1142 at HTTP 400

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Contains("isn't recognised", result.Snapshot.StatusDescription);
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/FQ087430677GB", result.Snapshot.TrackingUrl);
    }

    [Fact]
    public async Task Punctuation_and_spaces_are_dropped_from_the_number()
    {
        await using var rig = await RoyalMailRig.StartAsync();

        var result = await rig.TrackAsync(" fq 0874 3067 0GB ");

        Assert.Equal(TrackingStatus.InfoReceived, result.Snapshot!.Status);
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/FQ08743067" + "0GB", result.Snapshot.TrackingUrl);
    }

    [Fact]
    public async Task A_number_that_cannot_be_Royal_Mails_fails_without_a_call()
    {
        await using var rig = await RoyalMailRig.StartAsync();

        var result = await rig.TrackAsync("12345");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_permanent_failure_after_one_call()
    {
        await using var rig = await RoyalMailRig.StartAsync(secret: "not-the-secret");

        var result = await rig.TrackAsync("FQ087430600GB");

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Contains("401", result.FailureReason);
        Assert.Contains("Client id not registered", result.FailureReason);
        Assert.Equal(1, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_401_is_not_retried_there_is_no_token_to_renew()
    {
        await using var rig = await RoyalMailRig.StartAsync(o => o.MaxRetries = 2);
        rig.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var failed = await rig.TrackAsync("FQ087430610GB");
        var next = await rig.TrackAsync("FQ087430610GB");

        Assert.False(failed.IsSuccess);
        Assert.True(next.IsSuccess, next.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var rig = await RoyalMailRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);
        var clock = Stopwatch.StartNew();

        var result = await rig.TrackAsync("FQ087430620GB");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}, Retry-After was 1 s");
    }

    [Fact]
    public async Task A_429_that_persists_is_a_transient_failure_naming_E0010()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.TooManyRequests);

        var result = await rig.TrackAsync("FQ087430630GB");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("E0010", result.FailureReason);
    }

    [Fact]
    public async Task A_503_is_retried_then_succeeds()
    {
        await using var rig = await RoyalMailRig.StartAsync(o => o.MaxRetries = 1, realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("FQ087430640GB");

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(2, rig.Simulator.Faults.TrackingCalls);
    }

    [Fact]
    public async Task A_503_that_persists_is_a_transient_failure()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.ServerError);

        var result = await rig.TrackAsync("FQ087430650GB");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("503", result.FailureReason);
    }

    [Fact]
    public async Task A_hanging_carrier_is_a_timeout_failure()
    {
        await using var rig = await RoyalMailRig.StartAsync(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300), realClientClock: true);
        rig.Simulator.Faults.Enqueue(SimulatorFault.Hang);

        var result = await rig.TrackAsync("FQ087430660GB");

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Contains("timed out", result.FailureReason);
    }

    [Fact]
    public async Task A_malformed_body_is_a_failure()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        rig.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var result = await rig.TrackAsync("FQ087430670GB");

        Assert.False(result.IsSuccess);
        Assert.Contains("malformed", result.FailureReason);
    }

    [Fact]
    public async Task The_documented_headers_are_sent_and_the_terms_accepted()
    {
        using var handler = new RecordingHandler();
        var options = new CarrierOptions { BaseUrl = new Uri("http://rm.test/prefix"), ClientId = "id-1", ClientSecret = "secret-1", MaxRetries = 0 };
        var client = new RoyalMailClient(new HttpClient(handler), options, TimeProvider.System, NullLogger<RoyalMailClient>.Instance);

        await client.TrackAsync(new CarrierRequest("FQ087430672GB", RoyalMailRig.Start), CancellationToken.None);

        var request = handler.Last!;
        Assert.Equal("http://rm.test/prefix/mailpieces/v2/FQ087430672GB/events", request.RequestUri!.ToString());
        Assert.Equal("id-1", request.Headers.GetValues("X-IBM-Client-Id").Single());
        Assert.Equal("secret-1", request.Headers.GetValues("X-IBM-Client-Secret").Single());
        Assert.Equal("yes", request.Headers.GetValues("X-Accept-RMG-Terms").Single());
        Assert.Equal("application/json", request.Headers.Accept.Single().MediaType);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "E1283", false)]
    [InlineData(HttpStatusCode.NotFound, "E1307", true)]
    [InlineData(HttpStatusCode.BadRequest, "E0004", false)]
    public async Task Item_and_technical_error_codes_are_told_apart(HttpStatusCode status, string code, bool transient)
    {
        using var handler = new RecordingHandler(status, $$"""{"httpCode":"{{(int)status}}","httpMessage":"x","errors":[{"errorCode":"{{code}}","errorDescription":"d"}]}""");
        var options = new CarrierOptions { BaseUrl = new Uri("http://rm.test"), ClientId = "id", ClientSecret = "s", MaxRetries = 0 };
        var client = new RoyalMailClient(new HttpClient(handler), options, TimeProvider.System, NullLogger<RoyalMailClient>.Instance);

        var result = await client.TrackAsync(new CarrierRequest("FQ087430672GB", RoyalMailRig.Start), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(transient, result.Transient);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "E1284")]
    [InlineData(HttpStatusCode.NotFound, "E1308")]
    [InlineData(HttpStatusCode.BadRequest, "E1284")]
    public async Task Update_not_available_means_Royal_Mail_has_nothing_to_show_yet_not_a_failed_refresh(HttpStatusCode status, string code)
    {
        using var handler = new RecordingHandler(status, $$"""{"httpCode":"{{(int)status}}","httpMessage":"x","errors":[{"errorCode":"{{code}}","errorDescription":"Update not available"}]}""");
        var options = new CarrierOptions { BaseUrl = new Uri("http://rm.test"), ClientId = "id", ClientSecret = "s", MaxRetries = 0 };
        var client = new RoyalMailClient(new HttpClient(handler), options, TimeProvider.System, NullLogger<RoyalMailClient>.Instance);

        var result = await client.TrackAsync(new CarrierRequest("FQ087430672GB", RoyalMailRig.Start), CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Contains("Update not available", result.Snapshot.StatusDescription);
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/FQ087430672GB", result.Snapshot.TrackingUrl);
    }

    [Fact]
    public async Task A_500_without_an_error_code_is_a_transient_failure_with_Royal_Mails_words()
    {
        using var handler = new RecordingHandler(HttpStatusCode.InternalServerError, """{"httpCode":"500","httpMessage":"Internal Server Error","moreInformation":"Backend failure"}""");
        var options = new CarrierOptions { BaseUrl = new Uri("http://rm.test"), ClientId = "id", ClientSecret = "s", MaxRetries = 0 };
        var client = new RoyalMailClient(new HttpClient(handler), options, TimeProvider.System, NullLogger<RoyalMailClient>.Instance);

        var result = await client.TrackAsync(new CarrierRequest("FQ087430672GB", RoyalMailRig.Start), CancellationToken.None);

        Assert.True(result.Transient);
        Assert.Contains("Backend failure", result.FailureReason);
    }

    private sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string body = RoyalMailFixtures.InTransit) : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }
}
