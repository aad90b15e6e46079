using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Shopify;

namespace LogisticsLink.Marketplaces.Tests.Shopify;

/// <summary>Webhook signatures and the parsing of Shopify's documented payload shapes.</summary>
public sealed class ShopifyWebhookAndParserTests
{
    private const string Secret = "hush";

    /// <summary>Shopify's sample <c>fulfillments/create</c> body (the admin's "send test notification" payload, trimmed).</summary>
    private const string FulfillmentWebhook = """
        {"id":123456,"order_id":820982911946154508,"status":"success","created_at":"2021-12-31T19:00:00-05:00",
         "service":null,"updated_at":"2021-12-31T19:00:00-05:00","tracking_company":"UPS","shipment_status":"in_transit",
         "location_id":null,"origin_address":null,"email":"jon@example.com","line_items":[],
         "tracking_number":"1z827wk74630","tracking_numbers":["1z827wk74630"],
         "tracking_url":"https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630",
         "tracking_urls":["https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630"],
         "receipt":{},"name":"#9999.1","admin_graphql_api_id":"gid://shopify/Fulfillment/123456"}
        """;

    [Fact]
    public void A_signature_computed_independently_is_accepted()
    {
        // base64(HMAC-SHA256(key "hush", body {"id":1})), computed with Python's hmac module.
        Assert.True(ShopifyFulfillmentWebhook.Verify("{\"id\":1}"u8, "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=", Secret));
    }

    [Fact]
    public void A_tampered_body_a_wrong_secret_or_a_missing_or_garbled_header_is_rejected()
    {
        var body = Encoding.UTF8.GetBytes(FulfillmentWebhook);
        var signature = ShopifyFulfillmentWebhook.Sign(body, Secret);
        Assert.True(ShopifyFulfillmentWebhook.Verify(body, signature, Secret));

        var tampered = Encoding.UTF8.GetBytes(FulfillmentWebhook.Replace("1z827wk74630", "1z827wk74631", StringComparison.Ordinal));
        Assert.False(ShopifyFulfillmentWebhook.Verify(tampered, signature, Secret));
        Assert.False(ShopifyFulfillmentWebhook.Verify(body, signature, "another-secret"));
        Assert.False(ShopifyFulfillmentWebhook.Verify(body, null, Secret));
        Assert.False(ShopifyFulfillmentWebhook.Verify(body, "", Secret));
        Assert.False(ShopifyFulfillmentWebhook.Verify(body, "not base64!", Secret));
        Assert.False(ShopifyFulfillmentWebhook.Verify(body, Convert.ToBase64String(new byte[16]), Secret));
        Assert.Throws<ArgumentException>(() => ShopifyFulfillmentWebhook.Verify(body, signature, ""));
    }

    [Fact]
    public void Only_the_fulfillment_topics_are_recognised()
    {
        Assert.True(ShopifyFulfillmentWebhook.IsFulfillmentTopic("fulfillments/create"));
        Assert.True(ShopifyFulfillmentWebhook.IsFulfillmentTopic("fulfillments/update"));
        Assert.False(ShopifyFulfillmentWebhook.IsFulfillmentTopic("orders/create"));
        Assert.False(ShopifyFulfillmentWebhook.IsFulfillmentTopic(null));
    }

    [Fact]
    public void A_delivery_is_named_by_its_webhook_id_or_else_by_its_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":1,"order_id":5820001001}""");

        Assert.Equal("webhook-id:b54557e4-bdd9", ShopifyFulfillmentWebhook.DeliveryId(" b54557e4-bdd9 ", body));
        // Shopify's retry keeps the id even if the body was re-rendered; without an id only the same bytes are the same delivery.
        Assert.Equal(ShopifyFulfillmentWebhook.DeliveryId("b54557e4-bdd9", body), ShopifyFulfillmentWebhook.DeliveryId("b54557e4-bdd9", "{}"u8));
        Assert.StartsWith("sha256:", ShopifyFulfillmentWebhook.DeliveryId("", body), StringComparison.Ordinal);
        Assert.Equal(ShopifyFulfillmentWebhook.DeliveryId(null, body), ShopifyFulfillmentWebhook.DeliveryId(" ", body));
        Assert.NotEqual(ShopifyFulfillmentWebhook.DeliveryId(null, body), ShopifyFulfillmentWebhook.DeliveryId(null, "{}"u8));
    }

    [Fact]
    public void The_sample_fulfillment_webhook_gives_the_order_id_and_its_parcel()
    {
        Assert.True(ShopifyFulfillmentWebhook.TryParse(Encoding.UTF8.GetBytes(FulfillmentWebhook), out var notice, out var error), error);

        Assert.Equal("820982911946154508", notice.OrderId);
        Assert.Equal("123456", notice.FulfillmentId);
        Assert.Equal(("success", "in_transit", false), (notice.Status, notice.ShipmentStatus, notice.Cancelled));
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), notice.UpdatedAt);
        var package = Assert.Single(notice.Packages);
        Assert.Equal(("ups", "UPS", "1z827wk74630"), (package.Carrier, package.CarrierName, package.TrackingNumber));
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), package.ShippedAt);
    }

    [Fact]
    public void A_cancelled_fulfillment_webhook_says_so_and_a_body_without_order_id_is_refused()
    {
        var cancelled = FulfillmentWebhook.Replace("\"status\":\"success\"", "\"status\":\"cancelled\"", StringComparison.Ordinal);
        Assert.True(ShopifyFulfillmentWebhook.TryParse(Encoding.UTF8.GetBytes(cancelled), out var notice, out _));
        Assert.True(notice.Cancelled);

        Assert.False(ShopifyFulfillmentWebhook.TryParse("{\"id\":1}"u8.ToArray(), out _, out var missing));
        Assert.Equal("fulfillment webhook without order_id", missing);
        Assert.False(ShopifyFulfillmentWebhook.TryParse("{\"order_id\":"u8.ToArray(), out _, out var malformed));
        Assert.StartsWith("malformed fulfillment webhook body", malformed);
    }

    [Fact]
    public void A_GraphQL_order_node_in_the_documented_shape_becomes_an_imported_order()
    {
        const string node = """
            {"id":"gid://shopify/Order/148977776","legacyResourceId":"148977776","name":"#1001",
             "createdAt":"2026-03-01T10:00:00Z","updatedAt":"2026-03-03T08:30:00Z","cancelledAt":null,
             "displayFulfillmentStatus":"FULFILLED","customerLocale":"de-DE",
             "fulfillments":[
               {"id":"gid://shopify/Fulfillment/1","legacyResourceId":"1","status":"SUCCESS","displayStatus":"DELIVERED",
                "createdAt":"2026-03-02T09:00:00Z","inTransitAt":"2026-03-02T12:00:00Z","deliveredAt":"2026-03-03T08:00:00Z",
                "estimatedDeliveryAt":null,
                "trackingInfo":[{"number":"00340434161094042557","company":"DHL Express","url":"https://www.dhl.com/x"},
                                {"number":"","company":"DHL Express","url":null}]},
               {"id":"gid://shopify/Fulfillment/2","legacyResourceId":"2","status":"CANCELLED","displayStatus":"CANCELED",
                "createdAt":"2026-03-01T12:00:00Z","trackingInfo":[{"number":"1Z999AA10123456784","company":"UPS","url":null}]}]}
            """;
        using var document = JsonDocument.Parse(node);

        var order = ShopifyOrderParser.Parse(document.RootElement, "shop.myshopify.com");

        Assert.Equal(("148977776", "#1001", "FULFILLED", "de-DE"), (order.OrderId, order.OrderName, order.Status, order.BuyerLanguage));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), order.PurchasedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero), order.LastUpdatedAt);
        var package = Assert.Single(order.Packages);
        Assert.Equal(("dhl", "00340434161094042557"), (package.Carrier, package.TrackingNumber));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), package.ShippedAt);
        Assert.True(order.ListsEveryPackage);
    }

    [Fact]
    public void An_order_whose_page_of_fulfillments_is_full_does_not_claim_to_list_every_parcel()
    {
        static string Fulfillments(int count, int numbersEach) => string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"status":"SUCCESS","displayStatus":"IN_TRANSIT","createdAt":"2026-03-02T09:00:00Z","trackingInfo":[{{string.Join(",",
                Enumerable.Range(0, numbersEach).Select(n => $$"""{"number":"1Z999AA1{{i:D3}}{{n:D6}}","company":"UPS"}"""))}}]}"""));

        bool ListsEvery(int count, int numbersEach)
        {
            using var document = JsonDocument.Parse($$"""{"legacyResourceId":"1","fulfillments":[{{Fulfillments(count, numbersEach)}}]}""");
            return ShopifyOrderParser.Parse(document.RootElement, "shop.myshopify.com").ListsEveryPackage;
        }

        Assert.True(ListsEvery(ShopifyQueries.MaxFulfillments - 1, ShopifyQueries.MaxTrackingNumbers - 1));
        Assert.False(ListsEvery(ShopifyQueries.MaxFulfillments, 1));
        Assert.False(ListsEvery(1, ShopifyQueries.MaxTrackingNumbers));
    }

    [Fact]
    public void The_promise_is_the_earliest_fulfillBy_and_maxDeliveryDateTime_of_the_live_fulfillment_orders()
    {
        const string node = """
            {"id":"gid://shopify/Order/148977777","legacyResourceId":"148977777","createdAt":"2026-03-01T10:00:00Z",
             "updatedAt":"2026-03-01T10:00:00Z","cancelledAt":null,"displayFulfillmentStatus":"UNFULFILLED","fulfillments":[],
             "fulfillmentOrders":{"nodes":[
               {"status":"OPEN","fulfillBy":"2026-03-04T23:59:59-05:00",
                "deliveryMethod":{"methodType":"SHIPPING","maxDeliveryDateTime":"2026-03-09T23:59:59Z"}},
               {"status":"CANCELLED","fulfillBy":"2026-03-02T00:00:00Z",
                "deliveryMethod":{"methodType":"SHIPPING","maxDeliveryDateTime":"2026-03-03T00:00:00Z"}},
               {"status":"IN_PROGRESS","fulfillBy":"2026-03-05T12:00:00Z",
                "deliveryMethod":{"methodType":"SHIPPING","maxDeliveryDateTime":"2026-03-07T18:00:00Z"}},
               {"status":"OPEN","fulfillBy":null,"deliveryMethod":{"methodType":"PICK_UP","maxDeliveryDateTime":null}}]}}
            """;
        using var document = JsonDocument.Parse(node);
        using var cancelled = JsonDocument.Parse(node.Replace("\"cancelledAt\":null", "\"cancelledAt\":\"2026-03-02T08:00:00Z\"", StringComparison.Ordinal));
        using var none = JsonDocument.Parse("""{"id":"gid://shopify/Order/1","fulfillments":[],"fulfillmentOrders":{"nodes":[]}}""");

        var order = ShopifyOrderParser.Parse(document.RootElement, "shop.myshopify.com");

        // The cancelled fulfillment order's earlier dates are not a promise any more; the offset is honoured.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 4, 59, 59, TimeSpan.Zero), order.LatestShipDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 18, 0, 0, TimeSpan.Zero), order.LatestDeliveryDate);
        var cancelledOrder = ShopifyOrderParser.Parse(cancelled.RootElement, "shop.myshopify.com");
        Assert.Equal(("CANCELLED", null, null), (cancelledOrder.Status, cancelledOrder.LatestShipDate, cancelledOrder.LatestDeliveryDate));
        var withoutPromise = ShopifyOrderParser.Parse(none.RootElement, "shop.myshopify.com");
        Assert.Equal((null, null), (withoutPromise.LatestShipDate, withoutPromise.LatestDeliveryDate));
        Assert.Equal("", withoutPromise.OrderName);
        using var malformed = JsonDocument.Parse("""{"id":"gid://shopify/Order/1","fulfillmentOrders":{"nodes":[{"fulfillBy":"soon"}]}}""");
        Assert.Throws<JsonException>(() => ShopifyOrderParser.Parse(malformed.RootElement, "shop.myshopify.com"));
    }

    [Fact]
    public void An_order_whose_items_were_only_sent_to_the_fulfillment_service_is_still_awaiting_shipment()
    {
        // 2026-01 OrderDisplayFulfillmentStatus.IN_PROGRESS: "All of the items in the order have had a request for
        // fulfillment sent to the fulfillment service or all of the items have been marked as in progress" — nothing
        // has left, unlike eBay's IN_PROGRESS (some line items shipped), which the domain reads as partly shipped.
        const string node = """
            {"id":"gid://shopify/Order/148977778","legacyResourceId":"148977778","name":"#1003",
             "createdAt":"2026-03-01T10:00:00Z","updatedAt":"2026-03-01T11:00:00Z","cancelledAt":null,
             "displayFulfillmentStatus":"IN_PROGRESS","fulfillments":[],
             "fulfillmentOrders":{"nodes":[{"status":"IN_PROGRESS","fulfillBy":"2026-03-03T23:59:59Z",
               "deliveryMethod":{"methodType":"SHIPPING","maxDeliveryDateTime":"2026-03-07T23:59:59Z"}}]}}
            """;
        using var document = JsonDocument.Parse(node);

        var order = ShopifyOrderParser.Parse(document.RootElement, "shop.myshopify.com");

        Assert.True(MarketplaceOrderStatus.IsAwaitingShipment(order.Status), order.Status);
        Assert.False(MarketplaceOrderStatus.IsPartiallyShipped(order.Status), order.Status);
        Assert.Equal("PENDING_FULFILLMENT", order.Status);
    }

    [Theory]
    [InlineData("＃１００１")]
    [InlineData(" #١٠٠١ ")]
    [InlineData("#۱۰۰۱")]
    [InlineData("#१००१")]
    [InlineData("#1001")]
    public void An_order_name_in_full_width_forms_or_another_scripts_digits_is_imported_as_the_plain_name_it_is_looked_up_by(string name)
    {
        // GetOrder, ResolveInquiry and the support calls look a name up exactly as stored, by a folded id or buyer's
        // text: a shop numbering its orders "＃１００１" must have the order stored as the "#1001" it is found by.
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new { legacyResourceId = "148977776", name }));

        var order = ShopifyOrderParser.Parse(document.RootElement, "shop.myshopify.com");

        Assert.Equal("#1001", order.OrderName);
    }

    [Fact]
    public void GraphQL_errors_in_both_shapes_are_described()
    {
        Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)",
            ShopifyEnvelope.Describe("""{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"""));
        Assert.Equal("Field 'ordrs' doesn't exist on type 'QueryRoot' (undefinedField)",
            ShopifyEnvelope.Describe("""{"errors":[{"message":"Field 'ordrs' doesn't exist on type 'QueryRoot'","extensions":{"code":"undefinedField"}}]}"""));
        Assert.Equal("", ShopifyEnvelope.Describe("<html>Bad gateway</html>"));
    }
}
