using System.Net;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Webhooks;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// An order shipped in two parcels, one delivered and one lost: a buyer who names a parcel is answered about that
/// parcel, and one who names only the order about the parcel in the worst state.
/// </summary>
public sealed class NamedParcelInquiryTests
{
    [Fact]
    public async Task The_parcel_the_buyer_names_decides_the_reply_and_the_order_alone_is_answered_by_its_worst_parcel()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var delivered = Numbers.Sandbox(0);
        var lost = Numbers.Sandbox(6);
        var orderId = AmazonId();
        await host.Server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", delivered, lost));
        await PushAsync(host, delivered, "delivered");
        await PushAsync(host, lost, "lost");
        var support = host.Server.Support();

        var byField = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", TrackingNumber = delivered });
        var byText = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", MessageText = $"Hello, where is my parcel {delivered}?" });
        var byOrderAndText = await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, MessageText = $"The tracking for {delivered} says delivered but I have nothing.",
        });
        var byOrder = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = orderId });

        Assert.All(new[] { byField, byText, byOrderAndText }, answer =>
        {
            Assert.Equal(orderId, answer.Order?.OrderId);
            Assert.Equal(RecommendedAction.ShareTracking, answer.Action);
            Assert.Equal("fbm_delivered", answer.Reply.TemplateId);
            Assert.Contains(delivered, answer.Reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(lost, answer.Reply.Text, StringComparison.Ordinal);
        });
        Assert.Equal(RecommendedAction.OfferResolution, byOrder.Action);
        Assert.Equal("fbm_lost", byOrder.Reply.TemplateId);
        Assert.Contains(lost, byOrder.Reply.Text, StringComparison.Ordinal);
    }

    // A parcel of another order quoted beside the order id does not decide for it.
    [Fact]
    public async Task A_quoted_parcel_of_another_order_leaves_the_order_to_its_worst_parcel()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var delivered = Numbers.Sandbox(0);
        var lost = Numbers.Sandbox(6);
        var elsewhere = Numbers.Sandbox(0);
        var orderId = AmazonId();
        await host.Server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", delivered, lost));
        await host.Server.Orders().UpsertOrderAsync(Order(AmazonId(), FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", elsewhere));
        await PushAsync(host, delivered, "delivered");
        await PushAsync(host, lost, "lost");
        await PushAsync(host, elsewhere, "delivered");

        var answer = await host.Server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, MessageText = $"My other order {elsewhere} came, but this one?",
        });

        Assert.Equal(orderId, answer.Order?.OrderId);
        Assert.Equal("fbm_lost", answer.Reply.TemplateId);
    }

    private static async Task PushAsync(WebhookTestHost host, string number, string status)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var push = await host.PostAggregatorAsync($$"""
            {
              "event_id": "evt-{{number}}", "carrier": "sandbox", "tracking_number": "{{number}}",
              "events": [
                { "occurred_at": "{{at}}", "status": "{{status}}", "description": "Carrier says {{status}}", "raw_code": "XX",
                  "location": { "city": "Leeds", "country_code": "GB" } } ]
            }
            """);
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
    }
}
