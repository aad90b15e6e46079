using System.Net;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Webhooks;
using LogisticsLink.V1;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>
/// A parcel waiting at a pickup point: the reply names the point as the carrier's latest scan gives it (the place and
/// the scan's own words), through ResolveInquiry and RenderReply alike, which read the scans beside the parcel's state.
/// </summary>
public sealed class PickupPointReplyTests
{
    [Fact]
    public async Task The_reply_for_a_parcel_at_a_pickup_point_names_the_place_and_the_locker_the_carrier_scanned()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var number = Numbers.Sandbox(7);
        var orderId = AmazonId();
        await host.Server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "fr-FR", number));
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var push = await host.PostAggregatorAsync($$"""
            {
              "event_id": "evt-pickup", "carrier": "sandbox", "tracking_number": "{{number}}",
              "events": [
                { "occurred_at": "{{at}}", "status": "available_for_pickup", "status_detail": "available_for_pickup.locker",
                  "description": "Placed in parcel locker 59800-A12, awaiting collection", "raw_code": "LK",
                  "location": { "city": "Lille", "region": "Hauts-de-France", "postal_code": "59800", "country_code": "FR" } } ]
            }
            """);
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);

        var resolved = await host.Server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = orderId, Channel = "amazon" });
        var rendered = await host.Server.Support().RenderReplyAsync(new RenderReplyRequest { OrderId = orderId, Channel = "amazon" });

        Assert.Equal("fbm_available_for_pickup", resolved.Reply.TemplateId);
        foreach (var reply in new[] { resolved.Reply, rendered })
        {
            Assert.Contains("59800 Lille", reply.Text, StringComparison.Ordinal);
            Assert.Contains("Placed in parcel locker 59800-A12, awaiting collection", reply.Text, StringComparison.Ordinal);
            Assert.True(reply.Compliant, string.Join("; ", reply.Findings.Select(f => f.Message)));
        }
    }
}
