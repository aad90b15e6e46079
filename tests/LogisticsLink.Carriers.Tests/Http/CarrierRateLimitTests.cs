using System.Net;
using LogisticsLink.Carriers.Http;
using Microsoft.Extensions.Time.Testing;
using Polly.RateLimiting;

namespace LogisticsLink.Carriers.Tests.Http;

/// <summary>A call over a carrier's quota waits for a window seconds away, and is refused at once when it is an hour away.</summary>
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
}
