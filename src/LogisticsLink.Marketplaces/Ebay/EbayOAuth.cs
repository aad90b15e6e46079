using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using Polly;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// eBay's refresh-token grant: <c>POST</c> to <c>Marketplaces:Ebay:TokenEndpoint</c> with HTTP Basic
/// (client id : client secret) and <c>grant_type=refresh_token</c>, <c>refresh_token</c> (and <c>scope</c> only when the
/// account names one — without it eBay mints a token with the scopes the seller consented to). The answer's
/// <c>expires_in</c> is seconds (7200 for user tokens). Errors are OAuth's <c>{"error","error_description"}</c>.
/// </summary>
internal static class EbayOAuth
{
    public static async Task<OAuthToken> FetchAsync(
        HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, Uri tokenEndpoint, EbayCredentials credentials,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}"));
        using var response = await pipeline.ExecuteAsync(async ct =>
        {
            List<KeyValuePair<string, string>> form =
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", credentials.RefreshToken),
            ];
            if (credentials.Scope.Length > 0)
            {
                form.Add(new("scope", credentials.Scope));
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }, cancellationToken);

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(response.StatusCode, body);
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var token = document.RootElement.Text("access_token");
            if (token.Length == 0)
            {
                throw new EbayAuthException("ebay: token answer without access_token", transient: true);
            }
            var expiresIn = document.RootElement.Text("expires_in");
            var lifetime = double.TryParse(expiresIn, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.Zero; // unknown lifetime: use it once rather than guess
            return new OAuthToken(token, time.GetUtcNow() + lifetime);
        }
        catch (JsonException)
        {
            throw new EbayAuthException("ebay: token answer is not JSON", transient: true);
        }
    }

    private static EbayAuthException Refused(HttpStatusCode status, string body)
    {
        var (error, description) = ReadError(body);
        var detail = error.Length == 0 ? "" : description.Length == 0 ? $" ({error})" : $" ({error}: {description})";
        var transient = status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
        var what = error switch
        {
            "invalid_grant" => "refresh token refused — the seller must connect the eBay account again",
            "invalid_client" or "unauthorized_client" => "client credentials refused",
            _ when transient => "token endpoint unavailable",
            _ => "token request refused",
        };
        return new EbayAuthException($"ebay: {what} (HTTP {(int)status}){detail}", transient);
    }

    private static (string Error, string Description) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return (document.RootElement.Text("error"), document.RootElement.Text("error_description"));
        }
        catch (JsonException)
        {
            return ("", "");
        }
    }
}
