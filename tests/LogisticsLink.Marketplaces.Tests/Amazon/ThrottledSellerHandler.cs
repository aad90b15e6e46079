using System.Net;
using System.Text;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// Plays Amazon for a second seller whose usage plan is used up, in front of the simulator (which knows one seller
/// only): LWA gives that seller's refresh token an access token, and every SP-API call carrying it is answered 429
/// QuotaExceeded. Everything else goes on to the simulator untouched.
/// </summary>
internal sealed class ThrottledSellerHandler(string refreshToken) : DelegatingHandler(new SocketsHttpHandler())
{
    private const string AccessToken = "Atza|throttled-seller";
    private int _throttled;

    /// <summary>SP-API calls of the throttled seller that reached "Amazon" (and were answered 429).</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith(AmazonSpApiSimulator.TokenPath, StringComparison.Ordinal) &&
            request.Content is { } form &&
            (await form.ReadAsStringAsync(cancellationToken)).Contains("refresh_token=" + Uri.EscapeDataString(refreshToken), StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, $$"""{"access_token":"{{AccessToken}}","token_type":"bearer","expires_in":3600}""");
        }
        if (request.Headers.TryGetValues("x-amz-access-token", out var tokens) && tokens.Contains(AccessToken))
        {
            Interlocked.Increment(ref _throttled);
            var response = Json(HttpStatusCode.TooManyRequests,
                """{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""");
            response.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
            return response;
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
