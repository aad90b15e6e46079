using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// GetOrder and the evidence routes find a Shopify order by the name the seller and buyer see ("#1001", or "1001"), as
/// ResolveInquiry does, while it is stored under Shopify's numeric id; a name two orders share finds neither.
/// </summary>
public sealed class OrderNameLookupTests
{
    [Fact]
    public async Task A_shopify_order_is_found_by_its_name_in_GetOrder_and_its_evidence()
    {
        await using var server = await TestServer.StartAsync();
        var stored = await server.Orders().UpsertOrderAsync(ShopifyOrder("5820001001", "#1001", Numbers.Sandbox(0)));
        var support = server.Support();

        var byName = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "#1001" });
        var byNumber = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "1001" });
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "shopify", OrderId = "#1001" });
        var ofShipment = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "shopify", OrderId = "1001", ShipmentId = stored.Shipments[0].Id });
        var pdf = await support.GetEvidencePdfAsync(new GetEvidenceRequest { Channel = "shopify", OrderId = "1001" });
        using var http = Http(server);
        var (status, body) = await GetJsonAsync(http, "/v1/orders/%231001/evidence?channel=shopify");

        Assert.Equal(["5820001001", "5820001001"], new[] { byName.OrderId, byNumber.OrderId });
        Assert.Equal(stored.Shipments[0].Id, Assert.Single(byName.Shipments).Id);
        Assert.Equal(["5820001001", "5820001001"], new[] { pack.OrderId, ofShipment.OrderId });
        Assert.NotEmpty(pack.Entries);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal((200, "5820001001"), (status, body.GetProperty("orderId").GetString()));
    }

    // The agent replying to or registering a claim for the order the buyer named holds its name, not Shopify's id.
    [Fact]
    public async Task RenderReply_and_RegisterClaim_take_a_shopify_orders_name()
    {
        await using var server = await TestServer.StartAsync();
        await server.Orders().UpsertOrderAsync(ShopifyOrder("5820001002", "#1002", Numbers.Sandbox(0)));
        var support = server.Support();

        var reply = await support.RenderReplyAsync(new RenderReplyRequest { Channel = "shopify", OrderId = "#1002" });
        var claim = await support.RegisterClaimAsync(new RegisterClaimRequest { Channel = "shopify", OrderId = "1002", Kind = "chargeback" });
        var order = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820001002" });

        Assert.Contains("#1002", reply.Text, StringComparison.Ordinal);
        Assert.Equal("5820001002", claim.OrderId);
        Assert.Equal(claim.ClaimId, Assert.Single(order.Claims).ClaimId);
        Assert.Contains(claim.Evidence, e => e.Item == "tracking_number" && e.Available);
    }

    [Fact]
    public async Task A_name_two_orders_share_finds_neither_and_names_both()
    {
        await using var server = await TestServer.StartAsync();
        await server.Orders().UpsertOrderAsync(ShopifyOrder("5820001003", "#1003"));
        await server.Orders().UpsertOrderAsync(ShopifyOrder("5830001003", "#1003"));

        var order = await Assert.ThrowsAsync<RpcException>(() =>
            server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "#1003" }).ResponseAsync);
        var evidence = await Assert.ThrowsAsync<RpcException>(() =>
            server.Support().GetEvidenceAsync(new GetEvidenceRequest { Channel = "shopify", OrderId = "1003" }).ResponseAsync);
        var byId = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5830001003" });

        Assert.All(new[] { order, evidence }, e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Contains("order_id", e.Status.Detail);
            Assert.Contains("5820001003", e.Status.Detail);
            Assert.Contains("5830001003", e.Status.Detail);
        });
        Assert.Equal("#1003", byId.OrderName);
    }

    private static UpsertOrderRequest ShopifyOrder(string orderId, string name, params string[] numbers)
    {
        var request = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", numbers);
        request.Order.Channel = "shopify";
        request.Order.MarketplaceId = "";
        request.Order.Status = "FULFILLED";
        request.Order.OrderName = name;
        return request;
    }
}
