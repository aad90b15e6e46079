using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A reply about a known order is that order's reply: its template and messaging policy come from the order's channel,
/// never from a request channel that says otherwise (an Amazon order answered from a Shopify template escapes the lint).
/// </summary>
public sealed class ReplyChannelTests
{
    private const string Promo = "Order {{ order_id }}: we are on it. Use coupon SAVE10 at www.myshop.example for 10% off your next order!";

    [Theory]
    [InlineData("shopify")]
    [InlineData("manual")]
    public async Task An_Amazon_order_found_through_another_channel_gets_the_Amazon_reply_and_policy(string channel)
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        // Not shipped yet, before the promise: the reassuring reply, whatever the sandbox carrier does. (An order the
        // marketplace calls shipped would get shipped_without_tracking.)
        var unshipped = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        unshipped.Order.Status = "Unshipped";
        await server.Orders().UpsertOrderAsync(unshipped);
        var support = server.Support();
        // Templates for other channels are not checked against Amazon's policy when saved.
        await support.UpsertTemplateAsync(new UpsertTemplateRequest { TemplateId = "pre_transit_within_promise", Language = "en", Channel = channel, Body = Promo });

        var answer = await support.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = $"Where is {orderId}?", Channel = channel, RecordReply = true });

        Assert.Equal(("amazon", orderId), (answer.Order?.Channel, answer.Order?.OrderId));
        Assert.Equal("pre_transit_within_promise", answer.Reply.TemplateId);
        Assert.Equal(0, answer.Reply.TemplateVersion);
        Assert.DoesNotContain("myshop", answer.Reply.Text, StringComparison.Ordinal);
        Assert.True(answer.Reply.Compliant);
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        Assert.Equal("amazon", Assert.Single(pack.Entries, e => e.Kind == "reply").Fields["channel"]);
    }

    [Fact]
    public async Task A_reply_for_a_shipment_on_a_channel_other_than_its_orders_is_refused_naming_both()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var order = await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox()));
        var parcel = order.Shipments[0].Id;
        var support = server.Support();
        await support.UpsertTemplateAsync(new UpsertTemplateRequest { TemplateId = "promo", Language = "en", Channel = "shopify", Body = Promo });

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { TemplateId = "promo", ShipmentId = parcel, Channel = "shopify" }).ResponseAsync);
        // Without a channel the order's is used: there is no Amazon template of that id.
        var orders = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { TemplateId = "promo", ShipmentId = parcel }).ResponseAsync);
        var same = await support.RenderReplyAsync(new RenderReplyRequest { ShipmentId = parcel, Channel = "AMAZON" });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("channel:", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("shopify", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("amazon", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, orders.StatusCode);
        Assert.Contains(orderId, same.Text, StringComparison.Ordinal);
    }
}
