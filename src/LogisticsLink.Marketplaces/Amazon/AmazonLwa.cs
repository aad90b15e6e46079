using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using Polly;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// Login with Amazon token exchange: POST the seller's refresh token with the app's client id and secret
/// (<c>grant_type=refresh_token</c>, form-encoded as the SP-API guide shows) and get an access token valid for
/// <c>expires_in</c> seconds (an hour). LWA's refusals (<c>error</c>, <c>error_description</c>) become a clear,
/// permanent failure; its outages a transient one. Credentials never appear in a failure.
/// </summary>
internal sealed class AmazonLwa(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, Uri tokenUrl, TimeProvider time)
{
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string RefreshToken = "refresh_token";

    public async Task<OAuthToken> FetchAsync(MarketplaceAccount account, CancellationToken cancellationToken)
    {
        using var response = await pipeline.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("grant_type", "refresh_token"),
                    new(RefreshToken, account.Credential(RefreshToken)),
                    new(ClientId, account.Credential(ClientId)),
                    new(ClientSecret, account.Credential(ClientSecret)),
                ]),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Refusal(response.StatusCode, body);
        }
        using var document = AmazonJson.Parse(body);
        var root = document.RootElement;
        var token = root.Text("access_token");
        if (token.Length == 0)
        {
            throw new AmazonMalformedException("Login with Amazon answered without access_token");
        }
        var lifetime = double.TryParse(root.Text("expires_in"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero; // unknown lifetime: use it for this call only rather than guess
        return new OAuthToken(token, time.GetUtcNow() + lifetime);
    }

    private static AmazonCallException Refusal(HttpStatusCode status, string body)
    {
        string error = "", description = "";
        try
        {
            using var document = JsonDocument.Parse(body);
            error = document.RootElement.Text("error");
            description = document.RootElement.Text("error_description");
        }
        catch (Exception e) when (e is JsonException or AmazonMalformedException)
        {
            // No LWA error body: the status says enough.
        }
        var transient = status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError ||
            error is "server_error" or "temporarily_unavailable";
        var what = error.Length == 0 ? "" : description.Length == 0 ? $" {error}" : $" {error}: {description}";
        return new AmazonCallException(transient
            ? $"Login with Amazon unavailable (HTTP {(int)status}{what})"
            : $"Login with Amazon refused the credentials (HTTP {(int)status}{what})", transient);
    }
}
