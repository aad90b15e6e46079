using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// Login with Amazon: POST <c>grant_type=refresh_token</c> with the refresh token and the app's client id and secret;
/// the answer's <c>access_token</c> lives <c>expires_in</c> seconds (an hour). Goes through the carrier's pipeline, so
/// a throttled or failing token endpoint is retried like any other call. Refused credentials (400 invalid_grant, 401
/// invalid_client) are thrown with their status so the client can report a configuration problem.
/// </summary>
internal sealed class AmazonLwa(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, Uri tokenUrl,
    string clientId, string clientSecret, string refreshToken, TimeProvider time)
{
    public sealed class RefusedException(HttpStatusCode status, string error) : Exception($"LWA refused the credentials (HTTP {(int)status} {error})".TrimEnd())
    {
        public HttpStatusCode Status { get; } = status;
        public string Error { get; } = error;
    }

    public async Task<OAuthToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var response = await pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("grant_type", "refresh_token"),
                    new("refresh_token", refreshToken),
                    new("client_id", clientId),
                    new("client_secret", clientSecret),
                ]),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RefusedException(response.StatusCode, ErrorCode(body));
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"LWA token request answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement? root = document.RootElement;
            var token = root.Str("access_token");
            if (token.Length == 0)
            {
                throw new AmazonUnexpectedResponseException("the LWA answer has no access_token");
            }
            var lifetime = long.TryParse(root.Str("expires_in"), out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : AmazonDefaults.DefaultTokenLifetime;
            return new OAuthToken(token, time.GetUtcNow() + lifetime);
        }
        catch (JsonException)
        {
            throw new AmazonUnexpectedResponseException("the LWA answer is not JSON");
        }
    }

    private static string ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ((JsonElement?)document.RootElement).Str("error");
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
