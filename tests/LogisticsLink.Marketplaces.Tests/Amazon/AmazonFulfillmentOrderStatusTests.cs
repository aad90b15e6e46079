using System.Text.Json.Nodes;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>FULFILLMENT_ORDER_STATUS notifications read in every envelope, and the one MCF order they make us fetch.</summary>
public sealed class AmazonFulfillmentOrderStatusTests
{
    private const string McfOrder = "S01-5550013-0000000";

    /// <summary>The example of <c>schemas/notifications/FulfillmentOrderStatusNotification.json</c>, trimmed of its return item.</summary>
    private const string SchemaExample = """
        {"NotificationVersion":"1.0","NotificationType":"FULFILLMENT_ORDER_STATUS","PayloadVersion":"1.0",
         "EventTime":"2020-07-13T19:42:04.284Z",
         "Payload":{"FulfillmentOrderStatusNotification":{"SellerId":"A3TH9S8BH6GOGM","EventType":"TYPE3945",
           "StatusUpdatedDateTime":"2020-07-13T19:42:04.284Z","SellerFulfillmentOrderId":"SFOID2345","FulfillmentOrderStatus":"PROCESSED",
           "FulfillmentShipment":{"FulfillmentShipmentStatus":"PROCESSED","AmazonShipmentId":"ASID49535",
             "EstimatedArrivalDateTime":"2020-07-13T19:42:04.284Z",
             "info":{"PackageNumber":1,"CarrierCode":"2-930434","TrackingNumber":"1Z84456456573405"},
             "FulfillmentShipmentPackages":[{"PackageNumber":1,"CarrierCode":"2-930434","TrackingNumber":"1Z84456456573405"},
               {"PackageNumber":2,"CarrierCode":"1-930434","TrackingNumber":"1Z84456456573405"},
               {"PackageNumber":3,"CarrierCode":"3-930434","TrackingNumber":"1Z885647654573405"}]},
           "FulfillmentReturnItem":{"ReceivedDateTime":"2020-07-13T19:42:04.284Z","ReturnedQuantity":12,"SellerSKU":"SELLERSKU9345"}}},
         "NotificationMetadata":{"ApplicationId":"app-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746",
           "SubscriptionId":"subscription-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746","PublishTime":"2020-07-13T19:42:04.284Z",
           "NotificationId":"d0e9e693-c3ad-4373-979f-ed4ec98dd746"}}
        """;

    [Fact]
    public void The_schema_example_gives_the_order_its_status_and_its_packages()
    {
        Assert.True(AmazonFulfillmentOrderStatusNotification.TryParse(SchemaExample, out var status, out var error), error);

        Assert.Equal(("SFOID2345", "A3TH9S8BH6GOGM", "TYPE3945", "PROCESSED"),
            (status.SellerFulfillmentOrderId, status.SellerId, status.EventType, status.FulfillmentOrderStatus));
        Assert.Equal(("PROCESSED", "ASID49535"), (status.ShipmentStatus, status.AmazonShipmentId));
        Assert.Equal([1, 2, 3], status.Packages.Select(p => p.PackageNumber));
        Assert.Equal(new AmazonFulfillmentStatusPackage(3, "3-930434", "1Z885647654573405"), status.Packages[2]);
        Assert.Equal(new DateTimeOffset(2020, 7, 13, 19, 42, 4, 284, TimeSpan.Zero), status.StatusUpdatedAt);
        Assert.Equal("d0e9e693-c3ad-4373-979f-ed4ec98dd746", status.NotificationId);
    }

    [Fact]
    public void It_is_read_inside_EventBridge_and_SQS_envelopes_like_ORDER_CHANGE()
    {
        var eventBridge = new JsonObject { ["version"] = "0", ["detail-type"] = "FulfillmentOrderStatus", ["detail"] = JsonNode.Parse(SchemaExample) }.ToJsonString();
        var sqs = new JsonObject { ["MessageId"] = "m-1", ["Body"] = SchemaExample }.ToJsonString();

        Assert.True(AmazonFulfillmentOrderStatusNotification.TryParse(eventBridge, out var fromEventBridge, out var error1), error1);
        Assert.True(AmazonFulfillmentOrderStatusNotification.TryParse(sqs, out var fromSqs, out var error2), error2);
        Assert.Equal("SFOID2345", fromEventBridge.SellerFulfillmentOrderId);
        Assert.Equal(3, fromSqs.Packages.Count);
    }

    [Theory]
    [InlineData("not json", "the body is not JSON")]
    [InlineData("""{"NotificationType":"ORDER_CHANGE","Payload":{}}""", "NotificationType is ORDER_CHANGE, not FULFILLMENT_ORDER_STATUS")]
    [InlineData("""{"NotificationType":"FULFILLMENT_ORDER_STATUS","Payload":{}}""", "no Payload.FulfillmentOrderStatusNotification")]
    [InlineData("""{"NotificationType":"FULFILLMENT_ORDER_STATUS","Payload":{"FulfillmentOrderStatusNotification":{"SellerId":"A1"}}}""",
        "no Payload.FulfillmentOrderStatusNotification.SellerFulfillmentOrderId")]
    [InlineData("""{"NotificationType":"FULFILLMENT_ORDER_STATUS","Payload":{"FulfillmentOrderStatusNotification":{"SellerFulfillmentOrderId":"S1","FulfillmentShipment":{"FulfillmentShipmentPackages":[{"PackageNumber":"one"}]}}}}""",
        "Payload.FulfillmentOrderStatusNotification.FulfillmentShipment.FulfillmentShipmentPackages[0].PackageNumber is not a positive integer")]
    [InlineData("""{"NotificationType":"FULFILLMENT_ORDER_STATUS","Payload":{"FulfillmentOrderStatusNotification":{"SellerFulfillmentOrderId":"S1","FulfillmentShipment":{"FulfillmentShipmentPackages":{"PackageNumber":1}}}}}""",
        "Payload.FulfillmentOrderStatusNotification.FulfillmentShipment.FulfillmentShipmentPackages is a Object, expected a list")]
    public void A_bad_notification_is_refused_naming_the_field(string body, string expected)
    {
        Assert.False(AmazonFulfillmentOrderStatusNotification.TryParse(body, out var status, out var error));
        Assert.Null(status);
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task One_MCF_order_is_fetched_with_its_packages_tracking_and_an_unknown_one_is_a_permanent_failure()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();

        var found = await client.FetchMcfOrderAsync(AmazonTestBed.Account(), McfOrder, CancellationToken.None);
        var missing = await client.FetchMcfOrderAsync(AmazonTestBed.Account(marketplaces: AmazonDemoCatalogue.Us), "S01-0000000-0000000", CancellationToken.None);

        Assert.True(found.IsSuccess, found.FailureReason);
        var order = Assert.Single(found.Orders);
        Assert.Equal((McfOrder, "Complete"), (order.OrderId, order.Status));
        var package = Assert.Single(order.Packages);
        Assert.Equal("TBA304555001304", package.TrackingNumber);
        Assert.Contains("EVENT_201", package.AmazonStatusText);
        Assert.Equal(1, bed.Simulator.CallsTo("getPackageTrackingDetails"));
        Assert.Equal((false, false), (missing.IsSuccess, missing.Transient));
        Assert.Contains("fulfillment order S01-0000000-0000000 not found", missing.FailureReason);
    }
}
