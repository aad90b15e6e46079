using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Carriers.Ups;

/// <summary>
/// UPS OAuth client credentials: POST <c>/security/v1/oauth/token</c> with HTTP Basic (client id : secret) and
/// <c>grant_type=client_credentials</c>. The answer's <c>expires_in</c> is documented as a string of seconds; it is
/// read as a number too. Goes through the carrier's pipeline, so a throttled or failing token endpoint is retried
/// like any other call.
/// </summary>
internal sealed class UpsOAuth(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, Uri tokenUrl, string clientId, string clientSecret, TimeProvider time)
{
    public async Task<OAuthToken> FetchAsync(CancellationToken cancellationToken)
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"));
        using var response = await pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            // The status code travels with the exception so the client can tell refused credentials from an outage.
            throw new HttpRequestException($"OAuth token request answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.Text("access_token");
            if (token.Length == 0)
            {
                throw new UpsUnexpectedResponseException("token answer without access_token");
            }
            return new OAuthToken(token, time.GetUtcNow() + Lifetime(root.Text("expires_in")));
        }
        catch (JsonException)
        {
            throw new UpsUnexpectedResponseException("token answer is not JSON");
        }
    }

    /// <summary>Seconds as "14399" or 14399. Missing or unreadable: treat the token as single-use rather than guess a lifetime.</summary>
    private static TimeSpan Lifetime(string expiresIn) =>
        double.TryParse(expiresIn, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
}
