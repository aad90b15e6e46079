using LogisticsLink.Domain.Orders;
using LogisticsLink.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>The Orders API models' own examples, read into ImportedOrders.</summary>
public sealed class AmazonOrderParserTests
{
    [Fact]
    public void The_v2026_searchOrders_example_gives_an_FBM_order_with_its_UPS_parcel()
    {
        const string body = """
        {"orders":[{"orderId":"123-4567890-1234567","orderAliases":[{"aliasId":"SELLER-ORDER-2024-001","aliasType":"SELLER_ORDER_ID"}],
          "createdTime":"2024-12-25T10:30:00Z","lastUpdatedTime":"2024-12-25T14:45:00Z","programs":["PRIME","AMAZON_BUSINESS"],
          "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
          "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"MERCHANT","fulfillmentServiceLevel":"STANDARD",
            "shipByWindow":{"earliestDateTime":"2024-12-26T00:00:00Z","latestDateTime":"2024-12-27T23:59:59Z"},
            "deliverByWindow":{"earliestDateTime":"2024-12-28T00:00:00Z","latestDateTime":"2024-12-30T23:59:59Z"}},
          "orderItems":[{"orderItemId":"12345678901234","quantityOrdered":2}],
          "packages":[
            {"packageReferenceId":"PKG-2024-001","createdTime":"2024-12-25T15:00:00Z","packageStatus":{"status":"DELIVERED","detailedStatus":"DELIVERED"},
             "carrier":"UPS","shipTime":"2024-12-25T14:00:00Z","shippingService":"UPS Ground","trackingNumber":"1Z999AA1234567890"},
            {"packageReferenceId":"PKG-2024-002","packageStatus":{"status":"CANCELLED","detailedStatus":"LABEL_CANCELLED"},
             "carrier":"UPS","trackingNumber":"1Z999AA1234567891"}]}],
         "pagination":{"nextToken":"2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"},"lastUpdatedBefore":"2024-12-25T15:00:00Z"}
        """;

        var (orders, _, next) = AmazonOrderParser.ParseSearchOrders(body);

        Assert.Equal("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", next);
        var order = Assert.Single(orders);
        Assert.Equal(new ImportedOrder("amazon", "123-4567890-1234567", FulfillmentChannel.Merchant, "SHIPPED", "ATVPDKIKX0DER", "en",
            new DateTimeOffset(2024, 12, 25, 10, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 27, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2024, 12, 30, 23, 59, 59, TimeSpan.Zero), new DateTimeOffset(2024, 12, 25, 14, 45, 0, TimeSpan.Zero), order.Packages, IsPrime: true,
            ListsEveryPackage: true), order);
        // The voided label is left out: its number will never scan.
        Assert.Equal(new ImportedPackage("ups", "UPS", "1Z999AA1234567890", new DateTimeOffset(2024, 12, 25, 14, 0, 0, TimeSpan.Zero)), Assert.Single(order.Packages));
    }

    [Fact]
    public void An_FBM_package_labelled_with_Amazon_Shipping_is_tracked_in_the_business_its_carrier_id_names()
    {
        // getTracking needs the carrierId the label was bought with; a bare TBA number is asked about in AMZN_UK.
        var (orders, _, _) = AmazonOrderParser.ParseSearchOrders("""
            {"orders":[{"orderId":"113-5550001-0000011","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
              "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"MERCHANT"},
              "packages":[
                {"carrier":"AMZN_US","trackingNumber":"TBA123456789012"},
                {"carrier":"AMZN_UK","trackingNumber":"TBA123456789013"},
                {"carrier":"amzn_fr","trackingNumber":"TBA123456789014"},
                {"carrier":"AMZL_US","trackingNumber":"TBA123456789015"},
                {"carrier":"UPS","trackingNumber":"1Z999AA10123456784"}]}]}
            """);

        var packages = Assert.Single(orders).Packages;
        Assert.Equal(
            [("amazon", "AMZN_US:TBA123456789012"), ("amazon", "TBA123456789013"), ("amazon", "AMZN_FR:TBA123456789014"),
             ("amazon", "TBA123456789015"), ("ups", "1Z999AA10123456784")],
            packages.Select(p => (p.Carrier, p.TrackingNumber)));
        Assert.Equal("AMZN_US", packages[0].CarrierName);
    }

    [Fact]
    public void A_v2026_order_amazon_fulfils_for_another_sales_channel_is_a_multi_channel_fulfillment_order()
    {
        // NON_AMAZON and fulfilled by Amazon: an MCF order (marketplaces.md lines 217, 221), as the MCF import stores it,
        // whose buyer has no Amazon order. Fulfilled by Amazon on Amazon's own channel stays FBA.
        var (orders, _, _) = AmazonOrderParser.ParseSearchOrders("""
            {"orders":[
              {"orderId":"S01-5550013-0000000","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
               "salesChannel":{"channelName":"NON_AMAZON","marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
               "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"AMAZON",
                 "shipByWindow":{"earliestDateTime":"2026-03-09T10:00:00Z","latestDateTime":"2026-03-10T23:59:59Z"}}},
              {"orderId":"113-5550009-0000000","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
               "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
               "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"AMAZON",
                 "shipByWindow":{"earliestDateTime":"2026-03-09T10:00:00Z","latestDateTime":"2026-03-10T23:59:59Z"}}},
              {"orderId":"113-5550001-0000011","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
               "salesChannel":{"channelName":"NON_AMAZON","marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
               "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"MERCHANT"}}]}
            """);

        Assert.Equal([FulfillmentChannel.ThirdParty, FulfillmentChannel.Amazon, FulfillmentChannel.Merchant],
            orders.Select(o => o.FulfillmentChannel));
        // Amazon ships it: no ship-by date of the seller's to be late for (the MCF import has none either).
        Assert.Null(orders[0].LatestShipDate);
        Assert.NotNull(orders[1].LatestShipDate);
        Assert.Equal(FulfillmentChannel.ThirdParty, AmazonOrderParser.ParseGetOrder("""
            {"order":{"orderId":"S01-5550013-0000000","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
              "salesChannel":{"channelName":"NON_AMAZON","marketplaceId":"ATVPDKIKX0DER"},
              "fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"AMAZON"}}}
            """).FulfillmentChannel);
    }

    // The buyer's language is the marketplace's only where its buyers share one (marketplaces.md line 620: replies in the
    // buyer's language of preference): most amazon.com.be buyers write Dutch, the rest French or German, and amazon.ca's
    // English or French, so those give none and the buyer's message decides (README, Support desk).
    [Theory]
    [InlineData("AMEN7PMS3EDWL", "")]
    [InlineData("A2EUQ1WTGCTBG2", "")]
    [InlineData("A13V1IB3VIYZZH", "fr")]
    [InlineData("A1805IZSGTT6HS", "nl")]
    public void A_marketplace_of_several_languages_gives_no_buyer_language(string marketplaceId, string language)
    {
        var v2026 = AmazonOrderParser.ParseGetOrder($$"""
            {"order":{"orderId":"405-5550101-0000001","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T18:00:00Z",
              "salesChannel":{"channelName":"AMAZON","marketplaceId":"{{marketplaceId}}"},
              "fulfillment":{"fulfillmentStatus":"UNSHIPPED","fulfilledBy":"MERCHANT"} } }
            """);
        var v0 = AmazonOrderParser.ParseGetOrderV0($$"""
            {"payload":{"AmazonOrderId":"405-5550101-0000001","PurchaseDate":"2026-03-09T10:00:00Z","LastUpdateDate":"2026-03-09T18:00:00Z",
              "OrderStatus":"Unshipped","FulfillmentChannel":"MFN","MarketplaceId":"{{marketplaceId}}"} }
            """);
        var mcf = AmazonMcfOrderParser.ToImported(new AmazonMcfOrder("S01-5550101-0000001", "S01-5550101-0000001", marketplaceId, "Processing",
            null, null, null, []), new Dictionary<int, AmazonMcfTracking>());

        Assert.Equal([language, language, language], new[] { v2026.BuyerLanguage, v0.BuyerLanguage, mcf.BuyerLanguage });
    }

    [Fact]
    public void A_v0_getOrders_page_reads_AFN_and_MFN_and_the_next_token()
    {
        const string body = """
        {"payload":{"NextToken":"MRgZW55IGNhcm5hbCBwbGVhc3VyZS4=","LastUpdatedBefore":"2026-03-10T11:58:00Z","Orders":[
          {"AmazonOrderId":"902-1845936-5435065","PurchaseDate":"1970-01-19T03:58:30Z","LastUpdateDate":"1970-01-19T03:58:32Z",
           "OrderStatus":"Unshipped","FulfillmentChannel":"MFN","SalesChannel":"Amazon.com","ShipServiceLevel":"Std US D2D Dom",
           "MarketplaceId":"ATVPDKIKX0DER","IsPrime":false,"EarliestShipDate":"1970-01-19T03:58:30Z","LatestShipDate":"1970-01-20T03:58:30Z",
           "LatestDeliveryDate":"1970-01-25T03:58:30Z"},
          {"AmazonOrderId":"028-1234567-1234567","PurchaseDate":"2026-03-09T10:00:00Z","LastUpdateDate":"2026-03-09T18:00:00Z",
           "OrderStatus":"Shipped","FulfillmentChannel":"AFN","MarketplaceId":"A1F83G8C2ARO7P","IsPrime":true}]}}
        """;

        var (orders, _, next) = AmazonOrderParser.ParseGetOrdersV0(body);

        Assert.Equal("MRgZW55IGNhcm5hbCBwbGVhc3VyZS4=", next);
        Assert.Equal(FulfillmentChannel.Merchant, orders[0].FulfillmentChannel);
        Assert.Equal("Unshipped", orders[0].Status);
        Assert.Equal(new DateTimeOffset(1970, 1, 25, 3, 58, 30, TimeSpan.Zero), orders[0].LatestDeliveryDate);
        Assert.Equal(FulfillmentChannel.Amazon, orders[1].FulfillmentChannel);
        Assert.Equal("A1F83G8C2ARO7P", orders[1].MarketplaceId);
        Assert.Null(orders[1].LatestShipDate);
        Assert.All(orders, o => Assert.Empty(o.Packages));
        // v0 never lists parcels, so it cannot say one was dropped.
        Assert.All(orders, o => Assert.False(o.ListsEveryPackage));
        Assert.Equal([false, true], orders.Select(o => o.IsPrime));
    }

    [Fact]
    public void A_v2026_order_without_PRIME_in_its_programs_is_not_Prime_and_v0_getOrder_reads_IsPrime()
    {
        var (orders, _, _) = AmazonOrderParser.ParseSearchOrders("""
            {"orders":[
              {"orderId":"111-0000001-0000001","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T10:00:00Z","programs":["PREMIUM"]},
              {"orderId":"111-0000002-0000002","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T10:00:00Z",
               "fulfillment":{"fulfilledBy":"AMAZON"}}]}
            """);
        var v0 = AmazonOrderParser.ParseGetOrderV0("""
            {"payload":{"AmazonOrderId":"902-1845936-5435065","PurchaseDate":"2026-03-09T10:00:00Z","LastUpdateDate":"2026-03-09T10:00:00Z",
              "OrderStatus":"Unshipped","FulfillmentChannel":"MFN","MarketplaceId":"ATVPDKIKX0DER","IsPrime":true}}
            """);

        Assert.Equal([false, false], orders.Select(o => o.IsPrime));
        // FBA parcels come from the shipments report, not the order: an FBA order's empty list drops nothing.
        Assert.False(orders[1].ListsEveryPackage);
        Assert.True(v0.IsPrime);
        var wrongShape = Assert.Single(AmazonOrderParser.ParseSearchOrders("""{"orders":[{"orderId":"1","programs":"PRIME"}]}""").Unreadable);
        Assert.Equal(new UnreadableOrder("1", "'programs' is a String, expected a list"), wrongShape);
    }

    [Fact]
    public void An_order_without_its_id_is_unreadable()
    {
        var page = AmazonOrderParser.ParseSearchOrders("""{"orders":[{"createdTime":"2024-12-25T10:30:00Z"}]}""");

        Assert.Empty(page.Orders);
        Assert.Equal(new UnreadableOrder("", "an order without 'orderId'"), Assert.Single(page.Unreadable));
    }
    // One order Amazon sends in a shape we cannot read must not hold back the page: the others are imported and the
    // unreadable one is named (its id when it has one, and why), never silently dropped nor read with a default.
    [Fact]
    public void One_unreadable_order_of_a_searchOrders_page_leaves_the_others_readable()
    {
        const string body = """
        {"orders":[
          {"orderId":"113-0000001-0000001","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-09T11:00:00Z",
           "fulfillment":{"fulfilledBy":"MERCHANT","fulfillmentStatus":"UNSHIPPED"}},
          {"orderId":"113-0000002-0000002","createdTime":"yesterday","fulfillment":{"fulfilledBy":"MERCHANT"}},
          {"createdTime":"2026-03-09T10:00:00Z"},
          {"orderId":"113-0000004-0000004","createdTime":"2026-03-09T10:00:00Z","fulfillment":{"fulfilledBy":"AMAZON","fulfillmentStatus":"SHIPPED"}}],
         "pagination":{"nextToken":"next-page"}}
        """;

        var page = AmazonOrderParser.ParseSearchOrders(body);

        Assert.Equal(["113-0000001-0000001", "113-0000004-0000004"], page.Orders.Select(o => o.OrderId));
        Assert.Equal(
            [new UnreadableOrder("113-0000002-0000002", "'createdTime' is not a date: 'yesterday'"), new UnreadableOrder("", "an order without 'orderId'")],
            page.Unreadable);
        Assert.Equal("next-page", page.NextToken);
    }

    [Fact]
    public void One_unreadable_order_of_a_v0_getOrders_page_leaves_the_others_readable()
    {
        const string body = """
        {"payload":{"Orders":[
          {"AmazonOrderId":"902-0000001-0000001","PurchaseDate":"2026-03-09T10:00:00Z","OrderStatus":"Unshipped","FulfillmentChannel":"MFN"},
          {"AmazonOrderId":"902-0000002-0000002","PurchaseDate":"2026-03-09T10:00:00Z","LatestShipDate":["2026-03-10"],"FulfillmentChannel":"MFN"}]}}
        """;

        var page = AmazonOrderParser.ParseGetOrdersV0(body);

        Assert.Equal(["902-0000001-0000001"], page.Orders.Select(o => o.OrderId));
        Assert.Equal(new UnreadableOrder("902-0000002-0000002", "'LatestShipDate' is a Array, expected a value"), Assert.Single(page.Unreadable));
    }
}
