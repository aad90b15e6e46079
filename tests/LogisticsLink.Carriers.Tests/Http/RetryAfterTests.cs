using System.Net;
using System.Net.Http.Headers;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Carriers.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_and_dates_are_read_on_429_and_503_and_capped()
    {
        using var seconds = Response(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        using var date = Response(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Now.AddSeconds(12)));
        using var huge = Response(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromHours(1)));
        using var past = Response(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(Now.AddSeconds(-5)));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Of(seconds, Now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Of(date, Now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Of(huge, Now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(past, Now, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Other_answers_or_no_header_ask_for_nothing()
    {
        using var ok = Response(HttpStatusCode.OK, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        using var bare = Response(HttpStatusCode.TooManyRequests, null);

        Assert.Null(RetryAfter.Of(ok, Now, TimeSpan.FromSeconds(30)));
        Assert.Null(RetryAfter.Of(bare, Now, TimeSpan.FromSeconds(30)));
        Assert.Null(RetryAfter.Of(null, Now, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void Only_throttling_and_server_errors_are_transient(HttpStatusCode status, bool transient)
    {
        using var response = new HttpResponseMessage(status);
        Assert.Equal(transient, CarrierResilience.IsTransient(Outcome.FromResult(response)));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
