using System.Text;
using System.Text.Json.Nodes;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// Sits in front of the SP-API simulator and gives some Multi-Channel Fulfillment orders a date that is no date
/// (<c>statusUpdatedDate: "yesterday"</c>), in the documented answers: where <c>listAllFulfillmentOrders</c> lists the
/// orders of <paramref name="listed"/>, and in the <c>getFulfillmentOrder</c> answer of those of <paramref name="fetched"/>;
/// and the packages of <paramref name="tracked"/> a ship date that is no date (<c>shipDate: "yesterday"</c>) in their
/// <c>getPackageTrackingDetails</c> answer. Every other call and answer passes untouched.
/// </summary>
internal sealed class DamagedMcfOrders(
    IReadOnlyCollection<string> listed, IReadOnlyCollection<string> fetched, IReadOnlyCollection<int>? tracked = null) : DelegatingHandler(new SocketsHttpHandler())
{
    private const string FulfillmentOrders = "/fba/outbound/2020-07-01/fulfillmentOrders";
    private const string Tracking = "/fba/outbound/2020-07-01/tracking";

    /// <summary>Whether the orders are damaged; once false, Amazon answers them readably again.</summary>
    public bool Damaging { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        var at = path.IndexOf(FulfillmentOrders, StringComparison.Ordinal);
        var tracking = path.EndsWith(Tracking, StringComparison.Ordinal);
        if (!Damaging || (at < 0 && !tracking) || !response.IsSuccessStatusCode)
        {
            return response;
        }
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        var payload = answer["payload"]!;
        if (tracking)
        {
            if (tracked?.Contains((int)payload["packageNumber"]!) == true)
            {
                payload["shipDate"] = "yesterday";
            }
            response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
        var orders = path.Length == at + FulfillmentOrders.Length
            ? payload["fulfillmentOrders"]!.AsArray().Where(o => listed.Contains((string)o!["sellerFulfillmentOrderId"]!))
            : new[] { payload["fulfillmentOrder"] }.Where(o => fetched.Contains((string)o!["sellerFulfillmentOrderId"]!));
        foreach (var order in orders)
        {
            order!["statusUpdatedDate"] = "yesterday";
        }
        response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
