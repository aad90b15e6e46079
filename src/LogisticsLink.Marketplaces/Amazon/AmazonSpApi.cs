using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// Sends one SP-API call for one selling partner: takes a token from the operation's bucket (<see cref="AmazonQuota"/>),
/// adds the account's cached LWA access token as <c>x-amz-access-token</c> (no SigV4: SP-API stopped requiring it in
/// October 2023), goes through the account's own resilience pipeline (5xx and timeouts retried with back-off; a 429 is
/// not retried: it empties the operation's bucket and ends the call, since Amazon's 429 names no Retry-After and a
/// quick retry would only burn the next token), and re-authenticates exactly once when Amazon refuses the token (401,
/// or 403 <c>Unauthorized</c> about the token).
/// </summary>
/// <param name="accounts">
/// One pipeline per selling partner: SP-API throttles each (seller, application) pair on its own, so one seller's 429s
/// must not open the circuit for the others.
/// </param>
/// <param name="shared">
/// For the report downloads, which go to Amazon's storage hosts (no usage plan, nobody's in particular): a failure
/// there concerns every seller alike. <paramref name="lwa"/> uses it too.
/// </param>
internal sealed class AmazonSpApi(
    HttpClient http, AccountPipelines accounts, ResiliencePipeline<HttpResponseMessage> shared, AmazonLwa lwa, AmazonQuota quota,
    TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<string, OAuthTokenCache> _tokens = new(StringComparer.Ordinal);

    public AmazonQuota Quota => quota;

    /// <summary>
    /// Identifies an account's credentials without keeping them readable: tokens, quotas and pipelines are per (app,
    /// seller) pair, and a rotated secret or new refresh token starts afresh.
    /// </summary>
    public static string AccountKey(MarketplaceAccount account)
    {
        var material = string.Join('\n', account.Credential(AmazonLwa.ClientId), account.Credential(AmazonLwa.ClientSecret),
            account.Credential(AmazonLwa.RefreshToken));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..24];
    }

    public async Task<AmazonResponse> SendAsync(
        MarketplaceAccount account, string region, AmazonOperation operation, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var key = AccountKey(account);
        var quotaKey = key + "|" + region;
        if (await quota.TakeAsync(quotaKey, operation, cancellationToken) is { } wait)
        {
            throw new AmazonCallException(
                $"{operation.Name}: usage plan used up (rate {quota.RateOf(quotaKey, operation)}/s, burst {operation.Burst}); next call possible in {Math.Ceiling(wait.TotalSeconds)} s",
                transient: true);
        }
        var tokens = _tokens.GetOrAdd(key, _ => new OAuthTokenCache(async ct =>
        {
            var token = await lwa.FetchAsync(account, ct);
            AmazonLog.TokenFetched(logger, account.ToString(), token.ExpiresAt - time.GetUtcNow());
            return token;
        }, time));

        // Each region is its own service at Amazon: an outage in one must not open the circuit for the others.
        var pipeline = accounts.For(quotaKey);
        for (var reauthenticated = false; ; reauthenticated = true)
        {
            var token = await tokens.GetAsync(cancellationToken);
            using var message = await pipeline.ExecuteAsync(async ct =>
            {
                using var request = create();
                request.Headers.Add("x-amz-access-token", token);
                request.Headers.Add("x-amz-date", time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.UserAgent.ParseAdd("LogisticsLink/1.0 (Language=C#; Platform=.NET)");
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }, cancellationToken);
            var response = new AmazonResponse(operation, message.StatusCode, await message.Content.ReadAsStringAsync(cancellationToken),
                Header(message, "x-amzn-RequestId"));
            AmazonLog.Called(logger, operation.Name, (int)response.Status, response.RequestId);

            if (response.IsSuccess)
            {
                quota.Observe(quotaKey, operation, Header(message, "x-amzn-RateLimit-Limit"));
            }
            else if (response.Status == HttpStatusCode.TooManyRequests)
            {
                quota.Exhausted(quotaKey, operation);
            }
            var tokenRefused = response.Status == HttpStatusCode.Unauthorized ||
                (response.Status == HttpStatusCode.Forbidden && AmazonErrors.IsTokenRefusal(response.Body));
            if (!tokenRefused || reauthenticated)
            {
                return response;
            }
            tokens.Invalidate(token);
        }
    }

    /// <summary>
    /// Downloads a report document from its pre-signed URL: no access token (the URL is its own authorization, and
    /// the token must not travel to storage hosts), through the shared pipeline.
    /// </summary>
    public async Task<(byte[] Content, string? Charset)> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var message = await shared.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);
        if (!message.IsSuccessStatusCode)
        {
            var transient = message.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
            throw new AmazonCallException($"report document download HTTP {(int)message.StatusCode}", transient);
        }
        return (await message.Content.ReadAsByteArrayAsync(cancellationToken), message.Content.Headers.ContentType?.CharSet);
    }

    private static string Header(HttpResponseMessage message, string name) =>
        message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
