using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Carriers.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Carriers.Tests.Http;

/// <summary>
/// A carrier asking for a longer wait than a refresh spends (over 30 s) is not asked again now, and the failed result
/// remembers until when it asked not to be, so the scheduler plans no check of that carrier before then.
/// </summary>
public sealed class LongRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_429_asking_for_120_seconds_fails_at_once_and_is_not_retried_before_then()
    {
        var carrier = new Answering(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        var result = await Track(carrier);

        Assert.False(result.IsSuccess);
        Assert.True(result.Transient);
        Assert.Equal(Now.AddSeconds(120), result.RetryNotBefore);
        Assert.Equal(1, carrier.Calls);
    }

    [Fact]
    public async Task A_503_asking_to_wait_until_a_date_fails_with_that_date()
    {
        var until = Now.AddMinutes(10);
        var carrier = new Answering(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(until));

        var result = await Track(carrier);

        Assert.False(result.IsSuccess);
        Assert.Equal(until, result.RetryNotBefore);
        Assert.Equal(1, carrier.Calls);
    }

    [Fact]
    public async Task A_failure_that_names_no_wait_has_no_retry_not_before()
    {
        var carrier = new Answering(HttpStatusCode.TooManyRequests, null);

        var result = await Track(carrier, maxRetries: 0);

        Assert.False(result.IsSuccess);
        Assert.Null(result.RetryNotBefore);
    }

    private static async Task<CarrierResult> Track(Answering carrier, int maxRetries = 3)
    {
        using var http = new HttpClient(carrier);
        var options = new CarrierOptions { BaseUrl = new Uri("https://dhl.invalid"), ApiKey = "key", MaxRetries = maxRetries, DailyQuota = 0 };
        var client = new DhlClient(http, options, new FakeTimeProvider(Now), NullLogger<DhlClient>.Instance);
        return await client.TrackAsync(new CarrierRequest("340434161090", Now), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class Answering(HttpStatusCode status, RetryConditionHeaderValue? retryAfter) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var response = new HttpResponseMessage(status) { Content = new StringContent("") };
            response.Headers.RetryAfter = retryAfter;
            return Task.FromResult(response);
        }
    }
}
