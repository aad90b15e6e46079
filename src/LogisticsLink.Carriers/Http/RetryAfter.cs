using System.Net;
using System.Net.Http.Headers;

namespace LogisticsLink.Carriers.Http;

/// <summary>Reads a server's <c>Retry-After</c> (seconds or an HTTP date) on 429 and 503 answers.</summary>
public static class RetryAfter
{
    /// <summary>The wait the server asked for, capped, or null when it asked for none.</summary>
    public static TimeSpan? Of(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }
        var wait = Parse(response.Headers.RetryAfter, now);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }

    private static TimeSpan? Parse(RetryConditionHeaderValue? header, DateTimeOffset now) =>
        header?.Delta ?? (header?.Date is { } date ? date - now : null);
}
