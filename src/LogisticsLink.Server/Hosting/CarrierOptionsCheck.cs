using System.Globalization;
using LogisticsLink.Carriers.Http;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// The <c>Carriers:&lt;Name&gt;</c> values a connector's pipeline cannot run with, each message naming its key. They
/// stop the server at start-up like every other invalid setting, rather than fail the carrier's first call with a
/// library's message, or (a negative count) silently switch retries or the quota off.
/// </summary>
public static class CarrierOptionsCheck
{
    public static IEnumerable<string> Errors(CarrierOptions o, string key)
    {
        // Without its scheme ("onlinetools.ups.com") a URL binds as a relative URI, which no request can be sent to.
        if (o.BaseUrl is { } baseUrl && !(baseUrl.IsAbsoluteUri && (baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.Scheme == Uri.UriSchemeHttp)))
        {
            yield return Message($"{key}:BaseUrl must be an absolute http or https URL, scheme included", $"'{baseUrl.OriginalString}'");
        }
        if (o.AttemptTimeout < TimeSpan.FromMilliseconds(10) || o.AttemptTimeout > TimeSpan.FromDays(1))
        {
            yield return Message($"{key}:AttemptTimeout must be between 00:00:00.010 and 1.00:00:00", o.AttemptTimeout);
        }
        if (o.MaxRetries is < 0 or > 10)
        {
            yield return Message($"{key}:MaxRetries must be between 0 and 10", o.MaxRetries);
        }
        if (o.RateLimitPermits < 0)
        {
            yield return Message($"{key}:RateLimitPermits must be 0 (the carrier's published quota) or more", o.RateLimitPermits);
        }
        if (o.RateLimitWindow <= TimeSpan.Zero)
        {
            yield return Message($"{key}:RateLimitWindow must be a positive duration such as 00:00:10", o.RateLimitWindow);
        }
        if (o.DailyQuota < 0)
        {
            yield return Message($"{key}:DailyQuota must be 0 (no daily cap) or more", o.DailyQuota);
        }
        if (o.CircuitFailureRatio is not (> 0 and <= 1))
        {
            yield return Message($"{key}:CircuitFailureRatio must be above 0 and at most 1", o.CircuitFailureRatio);
        }
        if (o.CircuitBreakDuration < TimeSpan.FromMilliseconds(500) || o.CircuitBreakDuration > TimeSpan.FromDays(1))
        {
            yield return Message($"{key}:CircuitBreakDuration must be between 00:00:00.5 and 1.00:00:00", o.CircuitBreakDuration);
        }
    }

    private static string Message(string rule, object got) => string.Create(CultureInfo.InvariantCulture, $"{rule} (got {got}).");
}
