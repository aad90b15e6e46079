using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>ORDER_CHANGE notifications as Amazon delivers them: bare (SQS body), in EventBridge, in an envelope.</summary>
public sealed class AmazonOrderChangeNotificationTests
{
    // Shaped like the example in Amazon's OrderChangeNotification schema.
    private const string Notification = """
    {
      "NotificationVersion": "1.0",
      "NotificationType": "ORDER_CHANGE",
      "PayloadVersion": "1.0",
      "EventTime": "2026-03-10T11:58:30.000Z",
      "Payload": {
        "OrderChangeNotification": {
          "NotificationLevel": "OrderLevel",
          "SellerId": "A3TH9S8BH6GOGM",
          "AmazonOrderId": "903-1671087-0812628",
          "OrderChangeType": "BuyerRequestedChange",
          "OrderChangeTrigger": { "TimeOfOrderChange": "2026-03-10T11:58:00.000Z", "ChangeReason": "Buyer Requested Cancel" },
          "Summary": {
            "MarketplaceId": "ATVPDKIKX0DER",
            "OrderStatus": "Unshipped",
            "PurchaseDate": "2026-03-09T15:00:00.000Z",
            "DestinationPostalCode": "98101",
            "FulfillmentType": "MFN",
            "OrderType": "StandardOrder",
            "NumberOfItemsShipped": 0,
            "NumberOfItemsUnshipped": 1,
            "EarliestDeliveryDate": null,
            "LatestDeliveryDate": "2026-03-14T07:00:00.000Z",
            "EarliestShipDate": "2026-03-10T07:00:00.000Z",
            "LatestShipDate": "2026-03-11T06:59:59.000Z",
            "OrderItems": [ { "OrderItemId": "68828574383266", "SellerSKU": "LL-MUG-01", "Quantity": 1, "QuantityShipped": 0, "IsBuyerRequestedCancel": true } ]
          }
        }
      },
      "NotificationMetadata": {
        "ApplicationId": "amzn1.sellerapps.app.f1234566-aaec-55a6-b123-bcb752069ec5",
        "SubscriptionId": "93b098e1-c42-2f45-93a1-78910a6a8369",
        "PublishTime": "2026-03-10T11:58:31.000Z",
        "NotificationId": "0e999936-da2c-4f9c-9fc2-02b67bae5f25"
      }
    }
    """;

    [Fact]
    public void A_bare_notification_names_the_order_the_seller_and_the_marketplace()
    {
        Assert.True(AmazonOrderChangeNotification.TryParse(Notification, out var change, out var error), error);

        Assert.Equal("903-1671087-0812628", change.AmazonOrderId);
        Assert.Equal("A3TH9S8BH6GOGM", change.SellerId);
        Assert.Equal("ATVPDKIKX0DER", change.MarketplaceId);
        Assert.Equal("Unshipped", change.OrderStatus);
        Assert.Equal(FulfillmentChannel.Merchant, change.FulfillmentChannel);
        Assert.Equal("BuyerRequestedChange", change.ChangeType);
        Assert.Equal("Buyer Requested Cancel", change.ChangeReason);
        Assert.Equal("0e999936-da2c-4f9c-9fc2-02b67bae5f25", change.NotificationId);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 11, 58, 30, TimeSpan.Zero), change.EventTime);
    }

    [Fact]
    public void An_EventBridge_event_carries_it_in_detail()
    {
        var body = $$"""
        {"version":"0","id":"b6b3cc0b-8a5e-4a41-9b5f-6e1b3f2b9a10","detail-type":"ORDER_CHANGE",
         "source":"aws.partner/sellingpartnerapi.amazon/amzn1.sellerapps.app.f1234566","account":"123456789012",
         "time":"2026-03-10T11:58:31Z","region":"us-east-1","resources":[],"detail":{{Notification}}}
        """;

        Assert.True(AmazonOrderChangeNotification.TryParse(body, out var change, out var error), error);
        Assert.Equal("903-1671087-0812628", change.AmazonOrderId);
    }

    [Fact]
    public void An_SQS_message_carries_it_as_a_JSON_string_in_Body()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { MessageId = "m-1", ReceiptHandle = "r-1", Body = Notification });

        Assert.True(AmazonOrderChangeNotification.TryParse(body, out var change, out var error), error);
        Assert.Equal("A3TH9S8BH6GOGM", change.SellerId);
    }

    [Fact]
    public async Task The_simulators_notification_names_a_catalogue_order_the_client_can_fetch()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var body = bed.Simulator.OrderChangeNotification("302-5550011-0000000");

        Assert.True(AmazonOrderChangeNotification.TryParse(body, out var change, out var error), error);
        Assert.Equal(FulfillmentChannel.Amazon, change.FulfillmentChannel);
        Assert.Equal("Shipped", change.OrderStatus);
        Assert.Equal("A2LLSANDBOXSELLER", change.SellerId);
        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(), change.AmazonOrderId, CancellationToken.None);
        Assert.Equal(change.MarketplaceId, Assert.Single(page.Orders).MarketplaceId);
    }

    [Theory]
    [InlineData("{\"NotificationType\":\"ANY_OFFER_CHANGED\",\"Payload\":{}}", "NotificationType is ANY_OFFER_CHANGED, not ORDER_CHANGE")]
    [InlineData("{\"NotificationType\":\"ORDER_CHANGE\",\"Payload\":{}}", "no Payload.OrderChangeNotification")]
    [InlineData("{\"NotificationType\":\"ORDER_CHANGE\",\"Payload\":{\"OrderChangeNotification\":{\"SellerId\":\"A1\"}}}", "no Payload.OrderChangeNotification.AmazonOrderId")]
    [InlineData("{\"hello\":1}", "no NotificationType")]
    [InlineData("[1,2]", "the body is not a JSON object")]
    [InlineData("not json", "the body is not JSON")]
    public void Anything_else_is_refused_with_the_reason(string body, string reason)
    {
        Assert.False(AmazonOrderChangeNotification.TryParse(body, out var change, out var error));
        Assert.Null(change);
        Assert.Equal(reason, error);
    }
}
