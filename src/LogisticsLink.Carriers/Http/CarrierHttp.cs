using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace LogisticsLink.Carriers.Http;

/// <summary>
/// Sends one logical carrier request: through the resilience pipeline, with the cached OAuth token when the carrier
/// uses one, and exactly one re-authentication when the carrier answers 401 (a revoked or expired token) — never a loop.
/// </summary>
public sealed class CarrierHttp(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, OAuthTokenCache? tokens = null)
{
    /// <param name="create">Builds the request; called once per attempt, since a request message can be sent only once.</param>
    /// <exception cref="DailyQuotaSpentException">The carrier's daily budget is spent: nothing was sent.</exception>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var reauthenticated = false; ; reauthenticated = true)
        {
            var token = tokens is null ? null : await tokens.GetAsync(cancellationToken);
            var response = await pipeline.ExecuteAsync(async ct =>
            {
                using var request = create();
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || token is null || reauthenticated)
            {
                return response;
            }
            response.Dispose();
            tokens!.Invalidate(token);
        }
    }

    /// <summary>Turns what went wrong into a failure for this shipment; the refresh loop carries on.</summary>
    public static CarrierResult Failure(string carrier, Exception exception) => exception switch
    {
        _ when CarrierResilience.IsRefusal(exception) => CarrierResult.Failure($"{carrier}: not called ({exception.Message})"),
        DailyQuotaSpentException spent => CarrierResult.Throttled(
            spent.Answered ? $"{carrier}: HTTP 429 ({spent.Message})" : $"{carrier}: not called ({spent.Message})", spent.ResetsAt),
        Polly.Timeout.TimeoutRejectedException => CarrierResult.Failure($"{carrier}: timed out"),
        HttpRequestException e => CarrierResult.Failure($"{carrier}: {e.Message}"),
        System.Text.Json.JsonException => CarrierResult.Failure($"{carrier}: malformed response body", transient: true),
        _ => CarrierResult.Failure($"{carrier}: {exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>
    /// A non-success HTTP answer as a failure (429/5xx transient, other 4xx not). A 429/503 naming a Retry-After keeps
    /// it as <see cref="CarrierResult.RetryNotBefore"/>: the carrier said when asking again can help, so the shipment's
    /// next check is not planned before it (the pipeline has already made a count of seconds a date).
    /// </summary>
    public static CarrierResult Failure(string carrier, HttpResponseMessage response) =>
        CarrierResult.Failure($"{carrier}: HTTP {(int)response.StatusCode}",
            transient: CarrierResilience.IsTransient(Outcome.FromResult(response))) with { RetryNotBefore = AskedToWaitUntil(response) };

    private static DateTimeOffset? AskedToWaitUntil(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? response.Headers.RetryAfter?.Date : null;
}
