using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.Marketplaces.Amazon;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>
/// Multi-Channel Fulfillment orders from Fulfillment Outbound 2020-07-01: listAllFulfillmentOrders (paged by
/// nextToken), getFulfillmentOrder for the packages, getPackageTrackingDetails for Amazon's status.
/// </summary>
public sealed class AmazonMcfOrderTests
{
    private const string McfOrder = "S01-5550013-0000000";

    [Fact]
    public async Task The_demo_MCF_order_arrives_fulfilled_by_Amazon_with_its_parcel_in_Amazons_status()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var page = await bed.Client().FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-30), CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        var order = Assert.Single(page.Orders);
        Assert.Equal("amazon", order.Channel);
        Assert.Equal(McfOrder, order.OrderId);
        Assert.Equal(FulfillmentChannel.ThirdParty, order.FulfillmentChannel);
        Assert.Equal("Complete", order.Status);
        Assert.Equal(AmazonDemoCatalogue.Us, order.MarketplaceId);
        Assert.Equal("en", order.BuyerLanguage);
        Assert.Equal(AmazonTestBed.Start.AddHours(-20), order.PurchasedAt);
        Assert.Equal(AmazonTestBed.Start.AddHours(-12), order.LastUpdatedAt);
        var package = Assert.Single(order.Packages);
        Assert.Equal("amazon", package.Carrier);
        Assert.Equal("AMZN_US", package.CarrierName);
        Assert.Equal("TBA304555001304", package.TrackingNumber);
        Assert.Equal(AmazonTestBed.Start.AddHours(-12), package.ShippedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 20, 0, 0, TimeSpan.Zero), package.EstimatedArrival);
        Assert.Equal(TrackingStatus.InTransit, package.AmazonStatus);
        Assert.Equal("Package arrived at a carrier facility (EVENT_201 Arrival scan, Columbus US)", package.AmazonStatusText);
        // One region endpoint (the override) is listed once, though the account spans NA and EU.
        Assert.Equal(1, bed.Simulator.CallsTo("listAllFulfillmentOrders"));
        Assert.Equal(1, bed.Simulator.CallsTo("getFulfillmentOrder"));
        Assert.Equal(1, bed.Simulator.CallsTo("getPackageTrackingDetails"));
    }

    /// <summary>
    /// MCF-1 to MCF-5, listed in that order (updated a minute apart); the odd ones shipped (Complete, one package each),
    /// the even ones received (nothing to ask packages for); and an Amazon-channel FBA order, which is no MCF order.
    /// </summary>
    private static AmazonDemoCatalogue FiveMcfOrders()
    {
        var catalogue = AmazonDemoCatalogue.Empty();
        var at = AmazonTestBed.Start.AddHours(-10);
        for (var i = 1; i <= 5; i++)
        {
            var shipped = i % 2 == 1;
            var id = $"MCF-{i}";
            catalogue.Upsert(new AmazonDemoOrder(id, AmazonDemoCatalogue.Uk, true, shipped ? "SHIPPED" : "PENDING", at.AddHours(-i), at.AddMinutes(i),
                null, null, false, [], [], "MCF", NonAmazonChannel: true));
            if (shipped)
            {
                catalogue.Add(new AmazonDemoMcfPackage(9000 + i, id, "AMZN_UK", $"TBA90000000{i}", at, at.AddDays(2), "DELIVERED", "Delivered",
                    [new(at.AddHours(20), "EVENT_301", "Delivered", "London", "GB")]));
            }
        }
        catalogue.Upsert(new AmazonDemoOrder("026-0000000-0000001", AmazonDemoCatalogue.Uk, true, "SHIPPED", at, at, null, null, false, [], [], "FBA"));
        return catalogue;
    }

    [Fact]
    public async Task Every_page_is_read_and_orders_that_cannot_have_shipped_are_not_asked_for_packages()
    {
        await using var bed = await AmazonTestBed.StartAsync(catalogue: FiveMcfOrders(), mcfPageSize: 2);

        var page = await bed.Client().FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-1), CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(["MCF-1", "MCF-2", "MCF-3", "MCF-4", "MCF-5"], page.Orders.Select(o => o.OrderId).Order());
        Assert.Equal(3, bed.Simulator.CallsTo("listAllFulfillmentOrders"));
        Assert.Equal(3, bed.Simulator.CallsTo("getFulfillmentOrder"));
        Assert.Equal(3, bed.Simulator.CallsTo("getPackageTrackingDetails"));
        var delivered = page.Orders.Single(o => o.OrderId == "MCF-3");
        Assert.Equal("Complete", delivered.Status);
        Assert.Equal("en", delivered.BuyerLanguage);
        Assert.Equal(TrackingStatus.Delivered, Assert.Single(delivered.Packages).AmazonStatus);
        Assert.Equal("Delivered (EVENT_301, London GB)", delivered.Packages[0].AmazonStatusText);
        var received = page.Orders.Single(o => o.OrderId == "MCF-2");
        Assert.Equal("Received", received.Status);
        Assert.Empty(received.Packages);
    }

    // One order Amazon lists, or gives with its packages, in a shape we cannot read costs that order only: the region's
    // other orders, on that page and the next ones, are read, and the order is set aside naming the field at fault.
    // Failing the region instead kept every other MCF order of it from being imported until that order changed.
    [Fact]
    public async Task An_order_we_cannot_read_is_set_aside_and_the_rest_of_its_region_is_read()
    {
        await using var bed = await AmazonTestBed.StartAsync(catalogue: FiveMcfOrders(), mcfPageSize: 2);
        // MCF-2 on the first page of the list, MCF-3 in its getFulfillmentOrder answer.
        using var http = new HttpClient(new DamagedMcfOrders(listed: ["MCF-2"], fetched: ["MCF-3"]));

        var page = await bed.Client(http: http, maxRetries: 0).FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-1), CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(["MCF-1", "MCF-4", "MCF-5"], page.Orders.Select(o => o.OrderId).Order());
        Assert.Equal(
            [new UnreadableOrder("MCF-2", "'statusUpdatedDate' is not a date: 'yesterday'"),
                new UnreadableOrder("MCF-3", "'statusUpdatedDate' is not a date: 'yesterday'")],
            page.Unreadable.OrderBy(o => o.OrderId, StringComparer.Ordinal));
        Assert.Equal(["NA", "EU"], page.ReadRegions);
        Assert.Equal(3, bed.Simulator.CallsTo("listAllFulfillmentOrders"));
        Assert.Equal(3, bed.Simulator.CallsTo("getFulfillmentOrder"));
        // MCF-3's packages are not asked for: its order could not be read.
        Assert.Equal(2, bed.Simulator.CallsTo("getPackageTrackingDetails"));
    }

    // A package's tracking in a shape we cannot read is part of its order: that order is set aside, not given without
    // Amazon's status (a guess) nor failing its region (the region's other orders held back every round).
    [Fact]
    public async Task An_order_whose_package_tracking_we_cannot_read_is_set_aside_and_the_rest_of_its_region_is_read()
    {
        await using var bed = await AmazonTestBed.StartAsync(catalogue: FiveMcfOrders(), mcfPageSize: 2);
        using var http = new HttpClient(new DamagedMcfOrders(listed: [], fetched: [], tracked: [9003]));

        var page = await bed.Client(http: http, maxRetries: 0).FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-1), CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(["MCF-1", "MCF-2", "MCF-4", "MCF-5"], page.Orders.Select(o => o.OrderId).Order());
        Assert.Equal(new UnreadableOrder("MCF-3", "package 9003: 'shipDate' is not a date: 'yesterday'"), Assert.Single(page.Unreadable));
    }

    [Fact]
    public async Task Orders_not_updated_since_the_start_date_are_not_listed()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var page = await bed.Client().FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddHours(-1), CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Empty(page.Orders);
        Assert.Equal(0, bed.Simulator.CallsTo("getFulfillmentOrder"));
    }

    [Fact]
    public async Task A_region_whose_list_fails_does_not_drop_the_other_regions_orders()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        using var outage = new RegionOutageHandler(bed.Host.BaseUrlOf(bed.Simulator), "sellingpartnerapi-eu.amazon.com");
        using var http = new HttpClient(outage);

        var page = await bed.Client(http: http, regionalHosts: true, maxRetries: 0)
            .FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-30), CancellationToken.None);

        // EU's failure is reported, and the orders NA listed are there all the same.
        Assert.False(page.IsSuccess);
        Assert.Contains("HTTP 503", page.FailureReason);
        Assert.Equal(McfOrder, Assert.Single(page.Orders).OrderId);
        Assert.Equal(["NA"], page.ReadRegions);
        Assert.Equal(1, outage.Refused);
    }

    [Fact]
    public async Task A_failing_getFulfillmentOrder_fails_the_read_with_Amazons_error()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.Faults.Enqueue(SimulatorFault.None, SimulatorFault.ServerError);

        var page = await bed.Client(maxRetries: 0).FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-30), CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.StartsWith("amazon: getFulfillmentOrder HTTP 503 ServiceUnavailable: Service is temporarily unavailable. [x-amzn-RequestId ", page.FailureReason);
        Assert.Empty(page.Orders);
    }

    [Fact]
    public async Task A_throttled_package_tracking_call_is_a_transient_failure_that_names_the_quota()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.Faults.Enqueue(SimulatorFault.None, SimulatorFault.None, SimulatorFault.TooManyRequests);

        var page = await bed.Client(maxRetries: 0).FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-30), CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.True(page.Transient);
        Assert.StartsWith("amazon: getPackageTrackingDetails HTTP 429 QuotaExceeded:", page.FailureReason);
    }

    [Fact]
    public async Task A_malformed_list_is_a_transient_failure()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.Faults.Enqueue(SimulatorFault.MalformedBody);

        var page = await bed.Client(maxRetries: 0).FetchMcfOrdersAsync(AmazonTestBed.Account(), AmazonTestBed.Start.AddDays(-30), CancellationToken.None);

        Assert.Equal("amazon: malformed response (the body is not JSON)", page.FailureReason);
        Assert.True(page.Transient);
    }

    [Fact]
    public void GetFulfillmentOrder_skips_cancelled_shipments_and_falls_back_to_Amazons_tracking_number()
    {
        const string body = """
        {"payload":{
          "fulfillmentOrder":{"sellerFulfillmentOrderId":"shop-1001","displayableOrderId":"#1001","displayableOrderDate":"2026-03-01T09:00:00Z",
            "marketplaceId":"A1PA6795UKMFR9","fulfillmentOrderStatus":"CompletePartialled","statusUpdatedDate":"2026-03-02T10:00:00Z",
            "deliveryWindow":{"startDate":"2026-03-04T08:00:00Z","endDate":"2026-03-04T12:00:00Z"}},
          "fulfillmentShipments":[
            {"amazonShipmentId":"D1","fulfillmentShipmentStatus":"SHIPPED","shippingDate":"2026-03-02T08:00:00Z","estimatedArrivalDate":"2026-03-04T12:00:00Z",
             "fulfillmentShipmentPackage":[
               {"packageNumber":11,"carrierCode":"DHL","trackingNumber":"00340434161094042557"},
               {"packageNumber":12,"carrierCode":"AMZN_DE","amazonFulfillmentTrackingNumber":"AFTN0000000012","estimatedArrivalDate":"2026-03-03T18:00:00Z"},
               {"packageNumber":13,"carrierCode":"AMZN_DE"}]},
            {"amazonShipmentId":"D2","fulfillmentShipmentStatus":"CANCELLED_BY_FULFILLER",
             "fulfillmentShipmentPackage":[{"packageNumber":14,"carrierCode":"DHL","trackingNumber":"00340434161094042564"}]}]}}
        """;

        var order = AmazonMcfOrderParser.ParseGet(body);
        var imported = AmazonMcfOrderParser.ToImported(order, new Dictionary<int, AmazonMcfTracking>());

        Assert.Equal("shop-1001", imported.OrderId);
        Assert.Equal("#1001", order.DisplayableOrderId);
        Assert.Equal("CompletePartialled", imported.Status);
        Assert.Equal("de", imported.BuyerLanguage);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), imported.LatestDeliveryDate);
        Assert.Equal(["00340434161094042557", "AFTN0000000012"], imported.Packages.Select(p => p.TrackingNumber));
        Assert.Equal("dhl", imported.Packages[0].Carrier);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), imported.Packages[0].EstimatedArrival);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 18, 0, 0, TimeSpan.Zero), imported.Packages[1].EstimatedArrival);
        // Not tracked yet: the number only, no Amazon status.
        Assert.All(imported.Packages, p => Assert.Null(p.AmazonStatus));
        Assert.All(imported.Packages, p => Assert.Equal("", p.AmazonStatusText));
    }

    [Fact]
    public void A_package_known_only_by_Amazons_fulfillment_tracking_number_is_tracked_under_Amazon_with_Amazons_status()
    {
        const string body = """
        {"payload":{
          "fulfillmentOrder":{"sellerFulfillmentOrderId":"shop-1002","marketplaceId":"ATVPDKIKX0DER","fulfillmentOrderStatus":"Complete",
            "statusUpdatedDate":"2026-03-02T10:00:00Z"},
          "fulfillmentShipments":[
            {"amazonShipmentId":"D3","fulfillmentShipmentStatus":"SHIPPED","shippingDate":"2026-03-02T08:00:00Z",
             "fulfillmentShipmentPackage":[
               {"packageNumber":21,"carrierCode":"UPS","amazonFulfillmentTrackingNumber":"AFTN0000000021"},
               {"packageNumber":22,"amazonFulfillmentTrackingNumber":"AFTN0000000022"},
               {"packageNumber":23,"carrierCode":"UPS","amazonFulfillmentTrackingNumber":"AFTN0000000023"}]}]}}
        """;
        var tracking = new Dictionary<int, AmazonMcfTracking>
        {
            // Amazon tracks the parcel before the carrier's number is known, and after a return pickup is called off.
            [21] = AmazonMcfTracking.Parse("""{"payload":{"packageNumber":21,"carrierCode":"UPS","currentStatus":"IN_TRANSIT"}}"""),
            [22] = AmazonMcfTracking.Parse("""{"payload":{"packageNumber":22,"currentStatus":"PICKUP_CANCELLED"}}"""),
            // By now the carrier's number is known: that is the one to track.
            [23] = AmazonMcfTracking.Parse(
                """{"payload":{"packageNumber":23,"carrierCode":"UPS","trackingNumber":"1Z999AA10123456784","currentStatus":"OUT_FOR_DELIVERY"}}"""),
        };

        var imported = AmazonMcfOrderParser.ToImported(AmazonMcfOrderParser.ParseGet(body), tracking);

        Assert.Equal(
            [("amazon", "AFTN0000000021", TrackingStatus.InTransit), ("amazon", "AFTN0000000022", TrackingStatus.Delivered),
                ("ups", "1Z999AA10123456784", (TrackingStatus?)TrackingStatus.OutForDelivery)],
            imported.Packages.Select(p => (p.Carrier, p.TrackingNumber, p.AmazonStatus)));
        // The carrier's number is the same package as the Amazon number it was tracked by until now.
        Assert.Equal([null, null, new FormerParcel("amazon", "AFTN0000000023")], imported.Packages.Select(p => p.Replaces));
    }

    [Fact]
    public void A_package_whose_Amazon_number_came_only_from_its_tracking_names_it_once_the_carrier_number_is_known()
    {
        const string body = """
        {"payload":{
          "fulfillmentOrder":{"sellerFulfillmentOrderId":"shop-1003","marketplaceId":"ATVPDKIKX0DER","fulfillmentOrderStatus":"Complete"},
          "fulfillmentShipments":[
            {"amazonShipmentId":"D4","fulfillmentShipmentStatus":"SHIPPED","shippingDate":"2026-03-02T08:00:00Z",
             "fulfillmentShipmentPackage":[{"packageNumber":31,"carrierCode":"UPS","trackingNumber":"1Z999AA10123456784"}]}]}}
        """;
        var tracking = new Dictionary<int, AmazonMcfTracking>
        {
            [31] = AmazonMcfTracking.Parse("""{"payload":{"packageNumber":31,"carrierCode":"UPS","trackingNumber":"AFTN0000000031","currentStatus":"IN_TRANSIT"}}"""),
        };

        var package = Assert.Single(AmazonMcfOrderParser.ToImported(AmazonMcfOrderParser.ParseGet(body), tracking).Packages);

        Assert.Equal(("ups", "1Z999AA10123456784"), (package.Carrier, package.TrackingNumber));
        Assert.Equal(new FormerParcel("amazon", "AFTN0000000031"), package.Replaces);
    }

    [Fact]
    public void A_list_without_a_payload_is_malformed_and_an_order_without_its_id_is_set_aside()
    {
        Assert.Throws<AmazonMalformedException>(() => AmazonMcfOrderParser.ParseList("""{"fulfillmentOrders":[]}"""));
        Assert.Throws<AmazonMalformedException>(() => AmazonMcfOrderParser.ParseGet("""{"payload":{"fulfillmentShipments":[]}}"""));
        var (orders, unreadable, next) = AmazonMcfOrderParser.ParseList(
            """{"payload":{"nextToken":"n2","fulfillmentOrders":[{"fulfillmentOrderStatus":"New"},{"sellerFulfillmentOrderId":"a","fulfillmentOrderStatus":"New"}]}}""");
        Assert.True(Assert.Single(orders).CannotHaveShipments);
        Assert.Equal(new UnreadableOrder("", "a fulfillment order without 'sellerFulfillmentOrderId'"), Assert.Single(unreadable));
        Assert.Equal("n2", next);
        Assert.Null(AmazonMcfOrderParser.ParseList("""{"payload":{"nextToken":"","fulfillmentOrders":[]}}""").NextToken);
    }
    // Fulfillment Outbound 2026-07-04 spells the statuses in upper case (CANCELLED, INVALID): an order in either spelling
    // that cannot have shipped anything is not asked for packages, and one that may have is.
    [Theory]
    [InlineData("New", true)]
    [InlineData("Received", true)]
    [InlineData("Cancelled", true)]
    [InlineData("CANCELLED", true)]
    [InlineData("Invalid", true)]
    [InlineData("INVALID", true)]
    [InlineData("Processing", false)]
    [InlineData("PROCESSING", false)]
    [InlineData("CompletePartialled", false)]
    [InlineData("COMPLETE_PARTIAL", false)]
    [InlineData("Unfulfillable", false)]
    [InlineData("UNFULFILLABLE", false)]
    public void Whether_an_order_can_have_shipped_reads_every_spelling_of_its_status(string status, bool cannotHaveShipments)
    {
        var order = new AmazonMcfOrder("shop-1005", "#1005", AmazonDemoCatalogue.Us, status, null, null, null, []);

        Assert.Equal(cannotHaveShipments, order.CannotHaveShipments);
    }

    [Theory]
    [InlineData("Complete", "COMPLETE")]
    [InlineData("CompletePartialled", "COMPLETE_PARTIALLED")]
    public void A_complete_or_partially_complete_MCF_order_is_no_longer_awaiting_shipment(string fulfillmentOrderStatus, string notified)
    {
        var body = $$$"""
        {"payload":{
          "fulfillmentOrder":{"sellerFulfillmentOrderId":"shop-1004","marketplaceId":"ATVPDKIKX0DER","fulfillmentOrderStatus":"{{{fulfillmentOrderStatus}}}",
            "statusUpdatedDate":"2026-03-02T10:00:00Z"},
          "fulfillmentShipments":[
            {"amazonShipmentId":"D5","fulfillmentShipmentStatus":"SHIPPED","shippingDate":"2026-03-02T08:00:00Z",
             "fulfillmentShipmentPackage":[{"packageNumber":41,"carrierCode":"UPS","trackingNumber":"1Z999AA10123456791"}]}]}}
        """;

        var imported = AmazonMcfOrderParser.ToImported(AmazonMcfOrderParser.ParseGet(body), new Dictionary<int, AmazonMcfTracking>());

        // Amazon shipped everything it will ship: neither the late-shipment rule nor a reply may call it not shipped yet.
        // Partially complete, the rest was unfulfillable and will never ship: not "partly shipped", whose replies promise
        // the rest will follow.
        Assert.Equal(fulfillmentOrderStatus, imported.Status);
        Assert.False(MarketplaceOrderStatus.IsAwaitingShipment(imported.Status));
        Assert.False(MarketplaceOrderStatus.IsPartiallyShipped(imported.Status));
        // FULFILLMENT_ORDER_STATUS notifications spell the same statuses in upper case with underscores.
        Assert.False(MarketplaceOrderStatus.IsAwaitingShipment(notified));
        Assert.False(MarketplaceOrderStatus.IsPartiallyShipped(notified));
    }
}
