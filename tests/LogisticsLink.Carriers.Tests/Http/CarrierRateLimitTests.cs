using System.Net;
using LogisticsLink.Carriers.Http;
using Microsoft.Extensions.Time.Testing;
using Polly.RateLimiting;

namespace LogisticsLink.Carriers.Tests.Http;

/// <summary>
/// A call over a carrier's quota waits for a window seconds away, and is refused at once when it is an hour away; every
/// attempt, retries included, takes a permit; a server asking for a long wait is not asked again at once.
/// </summary>
public sealed class CarrierRateLimitTests
{
    private static readonly HttpResponseMessage Ok = new(HttpStatusCode.OK);

    [Fact]
    public async Task Over_an_hourly_quota_the_call_is_refused_at_once_instead_of_queued_for_the_hour()
    {
        var pipeline = CarrierResilience.Build(new CarrierOptions { RateLimitPermits = 1, RateLimitWindow = TimeSpan.FromHours(1) }, new FakeTimeProvider());
        await pipeline.ExecuteAsync(_ => ValueTask.FromResult(Ok));

        var second = pipeline.ExecuteAsync(_ => ValueTask.FromResult(Ok)).AsTask();

        Assert.True(second.IsCompleted, "the call over the quota waits for the next hourly window");
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => second);
    }

    [Fact]
    public async Task Over_a_quota_of_seconds_the_call_waits_for_the_next_window()
    {
        var pipeline = CarrierResilience.Build(new CarrierOptions { RateLimitPermits = 1, RateLimitWindow = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);
        await pipeline.ExecuteAsync(_ => ValueTask.FromResult(Ok));

        var second = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(Ok));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Retries_take_permits_so_they_cannot_exceed_the_quota()
    {
        var pipeline = CarrierResilience.Build(new CarrierOptions { RateLimitPermits = 1, RateLimitWindow = TimeSpan.FromHours(1) }, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<RateLimiterRejectedException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)); }));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_429_asking_for_an_hour_is_answered_at_once_not_retried_after_a_shortened_wait()
    {
        var pipeline = CarrierResilience.Build(new CarrierOptions(), TimeProvider.System);
        var attempts = 0;

        var answer = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return ValueTask.FromResult(throttled);
        });

        Assert.Equal((HttpStatusCode.TooManyRequests, 1), (answer.StatusCode, attempts));
    }
}
