using System.Net;
using System.Text;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// Plays Amazon's regional SP-API hosts in front of the simulator (which serves every region on one address): calls to
/// <c>sellingpartnerapi-{na,eu,fe}.amazon.com</c> are sent on to the simulator, except those to the region that is
/// down, which are answered 503 as Amazon does. Login with Amazon and report downloads pass untouched.
/// </summary>
internal sealed class RegionOutageHandler(Uri simulator, string downHost) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _refused;

    /// <summary>Calls to the region that is down (and were answered 503).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Whether the region that is down answers again.</summary>
    public bool Down { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!uri.Host.StartsWith("sellingpartnerapi-", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        if (Down && uri.Host == downHost)
        {
            Interlocked.Increment(ref _refused);
            var refused = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StringContent("""{"errors":[{"code":"ServiceUnavailable","message":"Service is temporarily unavailable."}]}""",
                    Encoding.UTF8, "application/json"),
            };
            refused.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
            return refused;
        }
        request.RequestUri = new Uri(simulator.AbsoluteUri.TrimEnd('/') + uri.PathAndQuery);
        return await base.SendAsync(request, cancellationToken);
    }
}
