using Google.Rpc;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// A page token belongs to the list that returned it: given to the other list it would start at an unrelated position
/// and silently skip or repeat rows, so it is refused on page_token.
/// </summary>
public sealed class PageTokenKindTests
{
    [Fact]
    public async Task A_token_of_one_list_is_refused_by_the_other_naming_page_token()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.Client();
        var orders = server.Orders();
        foreach (var i in Enumerable.Range(0, 2))
        {
            var request = new UpsertOrderRequest { Order = new Order { Channel = "manual", OrderId = $"PT-{i}" } };
            request.Shipments.Add(new OrderShipment { Carrier = "sandbox", TrackingNumber = Numbers.Sandbox(0) });
            await orders.UpsertOrderAsync(request);
        }
        var shipmentToken = (await client.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 1 })).NextPageToken;
        var orderToken = (await orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1 })).NextPageToken;

        var intoOrders = await Assert.ThrowsAsync<RpcException>(() => orders.ListOrdersAsync(new ListOrdersRequest { PageToken = shipmentToken }).ResponseAsync);
        var intoShipments = await Assert.ThrowsAsync<RpcException>(() => client.ListShipmentsAsync(new ListShipmentsRequest { PageToken = orderToken }).ResponseAsync);
        var nextShipments = await client.ListShipmentsAsync(new ListShipmentsRequest { PageSize = 1, PageToken = shipmentToken });
        var nextOrders = await orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1, PageToken = orderToken });

        foreach (var error in new[] { intoOrders, intoShipments })
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "page_token");
        }
        Assert.Single(nextShipments.Shipments);
        Assert.Single(nextOrders.Orders);
    }
}
