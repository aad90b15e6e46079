using System.Text;
using System.Text.Json.Nodes;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// Sits in front of the sandbox SP-API and, while <paramref name="damaging"/> says so, gives one Multi-Channel
/// Fulfillment order a date that is no date (<c>statusUpdatedDate: "yesterday"</c>) in its <c>getFulfillmentOrder</c>
/// answer. Every other call and answer passes untouched.
/// </summary>
internal sealed class UnreadableMcfOrder(string sellerFulfillmentOrderId, Func<bool> damaging) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!damaging() || !response.IsSuccessStatusCode ||
            !request.RequestUri!.AbsolutePath.EndsWith($"/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}", StringComparison.Ordinal))
        {
            return response;
        }
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        answer["payload"]!["fulfillmentOrder"]!["statusUpdatedDate"] = "yesterday";
        response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }
}
