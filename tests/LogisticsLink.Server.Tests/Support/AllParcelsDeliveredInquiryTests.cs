using System.Net;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Webhooks;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// An order shipped in two parcels, both delivered: the buyer who asks about the order is told that every parcel was
/// delivered, each with its tracking number, not about one of them as if it were the whole order.
/// </summary>
public sealed class AllParcelsDeliveredInquiryTests
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("de-DE")]
    [InlineData("es-ES")]
    [InlineData("it-IT")]
    public async Task A_buyer_naming_only_the_order_is_told_every_parcel_was_delivered(string language)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var first = Numbers.Sandbox(0);
        var second = Numbers.Sandbox(0);
        var orderId = AmazonId();
        await host.Server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), language, first, second));
        await PushDeliveredAsync(host, first);
        await PushDeliveredAsync(host, second);

        var answer = await host.Server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = $"Where is the rest of order {orderId}?",
        });

        Assert.Equal(orderId, answer.Order?.OrderId);
        Assert.Equal(RecommendedAction.ShareTracking, answer.Action);
        Assert.Equal("fbm_delivered_all_parcels", answer.Reply.TemplateId);
        Assert.Contains(first, answer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains(second, answer.Reply.Text, StringComparison.Ordinal);
        Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
    }

    [Fact]
    public async Task A_buyer_naming_one_of_the_delivered_parcels_is_answered_about_that_parcel()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var first = Numbers.Sandbox(0);
        var second = Numbers.Sandbox(0);
        var orderId = AmazonId();
        await host.Server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", first, second));
        await PushDeliveredAsync(host, first);
        await PushDeliveredAsync(host, second);

        var answer = await host.Server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", MessageText = $"Parcel {second} says delivered but I cannot find it.",
        });

        Assert.Equal("fbm_delivered", answer.Reply.TemplateId);
        Assert.Contains(second, answer.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(first, answer.Reply.Text, StringComparison.Ordinal);
    }

    private static async Task PushDeliveredAsync(WebhookTestHost host, string number)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var push = await host.PostAggregatorAsync($$"""
            {
              "event_id": "evt-{{number}}", "carrier": "sandbox", "tracking_number": "{{number}}",
              "events": [
                { "occurred_at": "{{at}}", "status": "delivered", "description": "Carrier says delivered", "raw_code": "XX",
                  "location": { "city": "Leeds", "country_code": "GB" } } ]
            }
            """);
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
    }
}
