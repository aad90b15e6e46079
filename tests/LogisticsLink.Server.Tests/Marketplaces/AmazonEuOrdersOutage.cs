using System.Net;
using System.Text;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// Sits in front of the sandbox SP-API (which serves every region on one address) and plays an outage of Amazon's EU
/// region for the order searches: searchOrders and getOrders asking for a European marketplace are answered 503.
/// </summary>
internal sealed class AmazonEuOrdersOutage : DelegatingHandler
{
    private static readonly string[] EuropeanMarketplaces = [AmazonDemoCatalogue.Uk, AmazonDemoCatalogue.De, AmazonDemoCatalogue.Fr];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal) &&
            EuropeanMarketplaces.Any(id => uri.Query.Contains(id, StringComparison.Ordinal)))
        {
            var refused = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            {
                Content = new StringContent("""{"errors":[{"code":"ServiceUnavailable","message":"Service is temporarily unavailable."}]}""",
                    Encoding.UTF8, "application/json"),
            };
            refused.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
            return Task.FromResult(refused);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
