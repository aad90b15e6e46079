using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// ResolveInquiry through the server: the marketplace's word on the order (partly shipped, its ship-by date) shapes the
/// reply as much as the parcel's tracking does.
/// </summary>
public sealed class InquiryReplyTests
{
    [Fact]
    public async Task A_partly_shipped_orders_delivered_parcel_is_answered_with_the_rest_not_shipped_yet()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:00.100" });
        var orderId = AmazonId();
        // Scenario 0 ends DELIVERED.
        var request = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0));
        request.Order.Status = "PartiallyShipped";
        await server.Orders().UpsertOrderAsync(request);
        var support = server.Support();
        var inquiry = new ResolveInquiryRequest { OrderId = orderId, Channel = "amazon", MaxAge = Duration.FromTimeSpan(TimeSpan.Zero) };

        InquiryResolution? answer = null;
        await Eventually.UntilAsync(async () => (answer = await support.ResolveInquiryAsync(inquiry)).Shipments.Single().Status == ShipmentStatus.Delivered,
            "the sandbox parcel is delivered");

        Assert.Equal(RecommendedAction.ShareTracking, answer!.Action);
        Assert.Equal("partially_shipped_delivered", answer.Reply.TemplateId);
        Assert.Contains("Another part of your order has not shipped yet", answer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(request.Shipments[0].TrackingNumber, answer.Reply.Text, StringComparison.Ordinal);
        Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
    }

    [Fact]
    public async Task An_unshipped_order_past_its_ship_by_date_is_reassured_with_an_apology_not_told_it_is_on_schedule()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var request = Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB");
        request.Order.Status = "Unshipped";
        request.Order.LatestShipDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1));
        await server.Orders().UpsertOrderAsync(request);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = $"Where is my order {orderId}?", Channel = "amazon" });

        Assert.Equal(orderId, answer.Order?.OrderId);
        Assert.Equal(RecommendedAction.ReassureWithinPromise, answer.Action);
        Assert.Equal("pre_transit_past_ship_date", answer.Reply.TemplateId);
        Assert.DoesNotContain("on schedule", answer.Reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sorry", answer.Reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
    }
}
