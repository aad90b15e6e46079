using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Marketplaces.Ebay;

namespace LogisticsLink.Marketplaces.Tests.Ebay;

/// <summary>One order of a getOrders page that cannot be read does not stop the account's import.</summary>
public sealed class EbayUnreadableOrderTests
{
    [Fact]
    public async Task The_readable_orders_of_a_page_are_imported_and_the_offset_moves_past_the_unreadable_one()
    {
        await using var bed = await EbayTestBed.StartAsync();
        using var http = new HttpClient(new FirstOrderDamaged());
        var client = bed.Client(http: http);

        var page = await client.FetchChangedOrdersAsync(EbayTestBed.Account(), "", EbayTestBed.Everything, CancellationToken.None);
        var whole = await bed.Client().FetchChangedOrdersAsync(EbayTestBed.Account(), "", EbayTestBed.Everything, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        var damaged = whole.Orders[0].OrderId;
        Assert.Equal(whole.Orders.Skip(1).Select(o => o.OrderId), page.Orders.Select(o => o.OrderId));
        Assert.Equal(new Domain.Orders.UnreadableOrder(damaged, "'creationDate' is not a date-time"), Assert.Single(page.Unreadable));
        Assert.Equal(whole.NextCursor, page.NextCursor);
    }

    /// <summary>Passes calls to the simulator, and gives the first order of a getOrders page a creation date that is no date.</summary>
    private sealed class FirstOrderDamaged() : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.EndsWith(EbayMarketplaceClient.OrdersPath, StringComparison.Ordinal) || !response.IsSuccessStatusCode)
            {
                return response;
            }
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            body["orders"]![0]!["creationDate"] = "not a date";
            response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
