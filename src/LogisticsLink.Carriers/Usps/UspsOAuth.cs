using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// USPS OAuth 2.0 client credentials: <c>POST /oauth2/v3/token</c> with a JSON body (client id, secret, grant type and
/// the <c>tracking</c> scope). The answer's <c>expires_in</c> is a string of seconds (about 8 hours); its
/// <c>scope</c> must contain <c>tracking</c>, or every tracking call would answer 401. Goes through the carrier's
/// pipeline, so a throttled or failing token endpoint is retried like any other call.
/// </summary>
internal sealed class UspsOAuth(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, Uri tokenUrl, string clientId, string clientSecret, TimeProvider time)
{
    public async Task<OAuthToken> FetchAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = UspsDefaults.TrackingScope,
        });
        using var response = await pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            // The status code travels with the exception so the client can tell refused credentials from an outage.
            throw new HttpRequestException($"OAuth token request answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var token = root.Text("access_token");
            if (token.Length == 0)
            {
                throw new UspsUnexpectedResponseException("token answer without access_token");
            }
            var scope = root.Text("scope");
            if (scope.Length > 0 && !scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(UspsDefaults.TrackingScope, StringComparer.OrdinalIgnoreCase))
            {
                throw new UspsScopeException(scope);
            }
            return new OAuthToken(token, time.GetUtcNow() + Lifetime(root.Text("expires_in")));
        }
        catch (JsonException)
        {
            throw new UspsUnexpectedResponseException("token answer is not JSON");
        }
    }

    /// <summary>Seconds as "28799" or 28799. Missing or unreadable: treat the token as single-use rather than guess a lifetime.</summary>
    private static TimeSpan Lifetime(string expiresIn) =>
        double.TryParse(expiresIn, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
}

/// <summary>The token USPS issued does not carry the <c>tracking</c> scope: the app lacks the Tracking API product.</summary>
internal sealed class UspsScopeException(string granted) : Exception($"the OAuth token lacks the 'tracking' scope (granted: {granted})");
