using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Shopify;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// The marketplace sync end to end on a real server: the sandbox marketplaces serve their demo catalogues from the
/// server's own web endpoint, the real importers read them, and their parcels are tracked by the sandbox carrier.
/// </summary>
public sealed class MarketplaceSyncTests
{
    private const string DelayedFbmOrder = "026-5550002-0000024";
    private const string FbaOrder = "113-5550009-0000000";

    [Fact]
    public async Task An_fbm_order_from_amazon_is_tracked_and_a_delay_past_its_promise_reaches_a_subscriber()
    {
        // The parcel is DELAYED from the step that pushes its estimate past the promise until it is delivered, two steps
        // later. The order is judged on its parcels as they stand when its turn in the review queue comes, so at the
        // default 200 ms a busy host could judge it only after the delivery, and the order would rightly never show DELAYED.
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:02" });
        await using var watcher = StreamCollector.Start(server.Client(), new WatchShipmentsRequest { ResumeAfterSequence = 0 });

        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Change?.Shipment.TrackingNumber == "LLSB2000000024" &&
            u.Change.Shipment.Risks.Any(r => r.Kind == RiskKind.Delayed && r.ActionRequired)), "a DELAYED flag on the FBM parcel");
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.OrderChange?.Order.OrderId == DelayedFbmOrder &&
            u.OrderChange.Order.Risks.Any(r => r.Kind == RiskKind.Delayed && r.ActionRequired)), "a DELAYED flag on the order");

        var order = await server.Orders().GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = DelayedFbmOrder });
        Assert.Equal(FulfillmentChannel.Merchant, order.FulfillmentChannel);
        Assert.Equal("A1F83G8C2ARO7P", order.MarketplaceId);
        var shipment = Assert.Single(order.Shipments);
        Assert.Equal("sandbox", shipment.Carrier);
        Assert.Equal("LLSB2000000024", shipment.TrackingNumber);
        // The carrier tracked it: scans arrived, not just the marketplace's word.
        Assert.NotEmpty((await server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id })).Events);
        var delayed = watcher.Updates.First(u => u.OrderChange?.Order.Risks.Any(r => r.Kind == RiskKind.Delayed) == true)
            .OrderChange.Order.Risks.First(r => r.Kind == RiskKind.Delayed);
        Assert.Contains("promised", delayed.Reason);
    }

    [Fact]
    public async Task An_fba_order_takes_its_parcel_and_status_from_amazon()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();

        Order? fba = null;
        await Eventually.UntilAsync(async () =>
        {
            fba = await TryGetAsync(orders, "amazon", FbaOrder);
            return fba?.Shipments.Count == 1 && fba.Shipments[0].Status != ShipmentStatus.Pending;
        }, "the FBA report's parcel is attached to the FBA order with Amazon's status", TimeSpan.FromSeconds(60));

        Assert.Equal(FulfillmentChannel.Amazon, fba!.FulfillmentChannel);
        Assert.Equal("SHIPPED", fba.Status);
        var parcel = fba.Shipments[0];
        Assert.Equal("amazon", parcel.Carrier);
        Assert.Equal("TBA301555000901", parcel.TrackingNumber);
        Assert.Equal(ShipmentStatus.InTransit, parcel.Status);
        Assert.Contains("LEX1", parcel.StatusDescription);
        Assert.NotNull(parcel.EstimatedDelivery);

        // The pending FBA order is stored without a parcel: it is not in the report.
        var pending = await orders.GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = "113-5550012-0000000" });
        Assert.Equal(FulfillmentChannel.Amazon, pending.FulfillmentChannel);
        Assert.Empty(pending.Shipments);
    }

    [Fact]
    public async Task An_fba_parcel_listed_before_its_order_was_stored_is_attached_by_a_later_report()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:02",
        });
        // An FBA order shipped three days ago whose last update is older than the order sync reaches (InitialSyncWindow,
        // 30 days): only a notice stores it. Tenant-b connects once it is in the catalogue, so tenant-b's first report,
        // reaching back 30 days, lists its parcel while the order is not stored.
        const string lateOrder = "113-5550098-0000000";
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        var now = DateTimeOffset.UtcNow;
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == FbaOrder) with
        {
            OrderId = lateOrder,
            PurchasedAt = now.AddDays(-41),
            LastUpdatedAt = now.AddDays(-40),
            FbaShipments = [new AmazonDemoFbaShipment("AMZN_US", "TBA309555009801", now.AddDays(-3), now.AddDays(1), "LEX1", ["LL-MUG-01"])],
        });
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon",
            Credentials = { ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
                ["refresh_token"] = SandboxMarketplaces.AmazonRefreshToken },
            MarketplaceIds = { AmazonDemoCatalogue.Us },
        });
        // The demo FBA order's parcel comes only from a report: once it is attached, tenant-b's first report has been applied.
        await Eventually.UntilAsync(async () => (await TryGetAsync(tenantB, "amazon", FbaOrder))?.Shipments.Count == 1,
            "a report of tenant-b attached the demo FBA order's parcel", TimeSpan.FromSeconds(60));
        Assert.Null(await TryGetAsync(tenantB, "amazon", lateOrder));

        var synced = await server.Get<MarketplaceSync>().SyncOrderAsync("tenant-b", "amazon", lateOrder, CancellationToken.None);

        Assert.Equal(OrderSyncOutcome.Synced, synced.Outcome);
        // Later reports reach back only a day before the previous one: the parcel comes from the row kept since the first.
        Order? late = null;
        await Eventually.UntilAsync(async () => (late = await TryGetAsync(tenantB, "amazon", lateOrder))?.Shipments.Count == 1,
            "a later report attached the parcel of the order stored after the first report");
        var parcel = late!.Shipments[0];
        Assert.Equal(("amazon", "TBA309555009801"), (parcel.Carrier, parcel.TrackingNumber));
    }

    [Fact]
    public async Task Shopify_and_ebay_orders_are_imported_with_their_parcels()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();

        await Eventually.UntilAsync(async () =>
            (await orders.ListOrdersAsync(new ListOrdersRequest { Channel = "shopify" })).Orders.Count == 6 &&
            (await orders.ListOrdersAsync(new ListOrdersRequest { Channel = "ebay" })).Orders.Count == 7,
            "the demo shop's and the eBay seller's orders are imported");

        var split = await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820001002" });
        Assert.Equal(["LLSB0000010021", "LLSB0000010024"], split.Shipments.Select(s => s.TrackingNumber).Order());
        Assert.All(split.Shipments, s => Assert.Equal("sandbox", s.Carrier));
        var voided = await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820001005" });
        Assert.Equal("LLSB0000010050", Assert.Single(voided.Shipments).TrackingNumber);
        // Shopify's promise (fulfillment orders' fulfillBy / maxDeliveryDateTime) is the order's and its parcels'.
        Assert.True(split.LatestShipDate.ToDateTimeOffset() < split.LatestDeliveryDate.ToDateTimeOffset());
        Assert.All(split.Shipments, s => Assert.Equal(split.LatestDeliveryDate, s.PromisedBy));
        await Eventually.UntilAsync(async () =>
            (await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "5820001004" })).Risks
                .Any(r => r.Kind == RiskKind.LateShipment && r.ActionRequired),
            "the unshipped Shopify order past its fulfillBy date is flagged LATE_SHIPMENT");

        var partial = await orders.GetOrderAsync(new GetOrderRequest { Channel = "ebay", OrderId = "21-10002-00023" });
        Assert.Equal("IN_PROGRESS", partial.Status);
        Assert.Equal("sandbox", Assert.Single(partial.Shipments).Carrier);
        var late = await orders.GetOrderAsync(new GetOrderRequest { Channel = "ebay", OrderId = "21-10004-00040" });
        Assert.Empty(late.Shipments);
        await Eventually.UntilAsync(async () =>
            (await orders.GetOrderAsync(new GetOrderRequest { Channel = "ebay", OrderId = "21-10004-00040" })).Risks.Any(r => r.Kind == RiskKind.LateShipment),
            "the unshipped eBay order past its ship-by date is flagged LATE_SHIPMENT");
    }

    [Fact]
    public async Task A_Shopify_order_named_in_full_width_digits_is_stored_under_the_plain_name_GetOrder_finds_it_by()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();
        var shopify = server.Simulator<ShopifySimulator>();
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var orderId = ShopifyDemoCatalogue.IdOf(1201).ToString(CultureInfo.InvariantCulture);

        // A shop numbering its orders in full-width forms, as a Japanese shop's order name can be written.
        shopify.AddLateOrder(shopify.Orders.Single(o => o.Id == ShopifyDemoCatalogue.IdOf(1004)) with
        {
            Id = ShopifyDemoCatalogue.IdOf(1201),
            Name = "＃１２０１",
            UpdatedAt = now,
        });

        await Eventually.UntilAsync(async () => await TryGetAsync(orders, "shopify", orderId) is not null, "the sync stored the order");
        Assert.Equal("#1201", (await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = orderId })).OrderName);
        Assert.Equal(orderId, (await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = "#1201" })).OrderId);
    }

    [Fact]
    public async Task An_imported_parcel_whose_number_TrackShipment_would_refuse_is_skipped_and_the_rest_of_the_order_imported()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();
        var orderId = ShopifyDemoCatalogue.IdOf(1004).ToString(CultureInfo.InvariantCulture);
        await Eventually.UntilAsync(async () => await TryGetAsync(orders, "shopify", orderId) is not null, "the first sync stored the unfulfilled order");
        var shopify = server.Simulator<ShopifySimulator>();

        // Two fulfillments: one with "N/A" typed as a UPS number, one the sandbox carrier can track.
        shopify.AddFulfillment(ShopifyDemoCatalogue.IdOf(1004), "UPS", "N/A");
        shopify.AddFulfillment(ShopifyDemoCatalogue.IdOf(1004), ShopifyDemoCatalogue.SandboxCompany, "LLSB0000010041");

        await Eventually.UntilAsync(async () => (await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = orderId })).Shipments.Count > 0,
            "the next sync linked the trackable parcel");
        var order = await orders.GetOrderAsync(new GetOrderRequest { Channel = "shopify", OrderId = orderId });
        Assert.Equal("LLSB0000010041", Assert.Single(order.Shipments).TrackingNumber);
        var tracked = await server.Client().ListShipmentsAsync(new ListShipmentsRequest());
        Assert.DoesNotContain(tracked.Shipments, s => s.TrackingNumber == "N/A");
    }

    [Fact]
    public async Task A_failing_account_records_its_error_and_the_others_still_sync()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon",
            Credentials = { ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
                ["refresh_token"] = "Atzr|revoked-refresh-token-of-tenant-b" },
            MarketplaceIds = { "ATVPDKIKX0DER" },
        });
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "shopify",
            Credentials = { ["shop_domain"] = SandboxMarketplaces.ShopDomain, ["access_token"] = SandboxMarketplaces.ShopifyAccessToken },
        });
        var store = server.Get<IOrderStore>();

        MarketplaceConnectionRecord? amazon = null, shopify = null;
        await Eventually.UntilAsync(async () =>
        {
            var connections = await store.ListConnectionsAsync(CancellationToken.None);
            amazon = connections.Single(c => c.TenantId == "tenant-b" && c.Channel == "amazon");
            shopify = connections.Single(c => c.TenantId == "tenant-b" && c.Channel == "shopify");
            return amazon.LastError.Length > 0 && shopify.LastSyncedAt is not null;
        }, "the broken Amazon account recorded its error and the Shopify one synced");

        Assert.Contains("amazon", amazon!.LastError);
        Assert.DoesNotContain("revoked-refresh-token", amazon.LastError);
        Assert.Null(amazon.LastSyncedAt);
        Assert.Equal("", shopify!.LastError);
        Assert.NotEqual("", shopify.Cursor);
        Assert.Equal(6, (await tenantB.ListOrdersAsync(new ListOrdersRequest { Channel = "shopify" })).Orders.Count);
        Assert.Empty((await tenantB.ListOrdersAsync(new ListOrdersRequest { Channel = "amazon" })).Orders);
        // The configured sandbox accounts of tenant-a are not held up by tenant-b's broken one. A run records its sync
        // time when it ends, after its orders are stored.
        await Eventually.UntilAsync(async () =>
            (await server.Orders().ListOrdersAsync(new ListOrdersRequest { Channel = "amazon" })).Orders.Count >= 12
            && server.Get<MarketplaceSync>().Status.Values.Any(s => s.TenantId == "tenant-a" && s.Channel == "amazon" && s.LastSyncedAt is not null),
            "tenant-a's Amazon orders are imported and its sync recorded");
    }

    [Fact]
    public async Task A_failing_amazon_region_records_its_error_and_the_other_regions_of_the_connection_still_sync()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(services: services =>
            services.AddHttpClient(nameof(AmazonMarketplaceClient)).AddHttpMessageHandler(() => new AmazonEuOrdersOutage()));
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon",
            Credentials = { ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
                ["refresh_token"] = SandboxMarketplaces.AmazonRefreshToken },
            MarketplaceIds = { AmazonDemoCatalogue.Us, AmazonDemoCatalogue.Uk },
        });
        var store = server.Get<IOrderStore>();
        async Task<MarketplaceConnectionRecord> ConnectionAsync() =>
            (await store.ListConnectionsAsync(CancellationToken.None)).Single(c => c.TenantId == "tenant-b" && c.Channel == "amazon");
        // EU's 503s soon open its circuit breaker: the error recorded is then "not called".
        await Eventually.UntilAsync(async () => (await ConnectionAsync()).LastError.StartsWith("amazon: ", StringComparison.Ordinal),
            "the EU region's failure is recorded on the connection");

        // A US order changes once the first round is over, while EU stays down.
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        var changed = amazon.Catalogue.Orders.Single(o => o.OrderId == "113-5550001-0000010") with
        {
            OrderId = "113-5550097-0000000",
            LastUpdatedAt = DateTimeOffset.UtcNow - AmazonMarketplaceClient.WindowEndLag,
            Packages = [],
        };
        amazon.Catalogue.Upsert(changed);

        await Eventually.UntilAsync(async () => await TryGetAsync(tenantB, "amazon", changed.OrderId) is not null,
            "the US order changed during the EU outage is imported");
        Assert.StartsWith("amazon: ", (await ConnectionAsync()).LastError);
        Assert.Null(await TryGetAsync(tenantB, "amazon", DelayedFbmOrder));
    }

    [Fact]
    public async Task A_connection_replaced_during_a_round_keeps_its_reset_cursor()
    {
        var gate = new AmazonSearchGate(AmazonDemoCatalogue.De);
        await using var server = await SandboxMarketplaceServer.StartAsync(services: services =>
            services.AddHttpClient(nameof(AmazonMarketplaceClient)).AddHttpMessageHandler(gate.Handler));
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(AmazonConnection(AmazonDemoCatalogue.De));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // The seller adds France while the round that read the DE-only connection is still running.
        await tenantB.ConnectMarketplaceAsync(AmazonConnection(AmazonDemoCatalogue.De, AmazonDemoCatalogue.Fr));
        gate.Open();
        await gate.Answered.WaitAsync(TimeSpan.FromSeconds(30));

        // The replaced connection's round must not write its cursor over the reset one: the next round reads the EU
        // window again from the initial sync window, France included.
        await Eventually.UntilAsync(async () => await TryGetAsync(tenantB, "amazon", "405-5550004-0000042") is not null,
            "the French order of before the change is imported");
    }

    [Fact]
    public async Task Adding_a_marketplace_of_the_same_region_reads_its_FBA_parcels_from_the_initial_window()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:02",
        });
        // A German FBA order that shipped five days ago: older than the day later reports reach back.
        const string germanOrder = "302-5550096-0000000";
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        var now = DateTimeOffset.UtcNow;
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == "302-5550011-0000000") with
        {
            OrderId = germanOrder,
            PurchasedAt = now.AddDays(-6),
            LastUpdatedAt = now.AddDays(-4),
            FbaShipments = [new AmazonDemoFbaShipment("AMZN_DE", "TBA309555009601", now.AddDays(-5), now.AddDays(1), "DTM2", ["LL-LAMP-03"])],
        });
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(AmazonConnection(AmazonDemoCatalogue.Uk));
        await Eventually.UntilAsync(async () => (await TryGetAsync(tenantB, "amazon", "026-5550010-0000000"))?.Shipments.Count == 1,
            "a report of the UK-only connection attached the UK FBA parcel", TimeSpan.FromSeconds(60));

        await tenantB.ConnectMarketplaceAsync(AmazonConnection(AmazonDemoCatalogue.Uk, AmazonDemoCatalogue.De));

        await Eventually.UntilAsync(async () => (await TryGetAsync(tenantB, "amazon", germanOrder))?.Shipments.Count == 1,
            "the German FBA order shipped five days ago has its parcel", TimeSpan.FromSeconds(60));
    }

    private static ConnectMarketplaceRequest AmazonConnection(params string[] marketplaceIds) => new()
    {
        Channel = "amazon",
        Credentials = { ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
            ["refresh_token"] = SandboxMarketplaces.AmazonRefreshToken },
        MarketplaceIds = { marketplaceIds },
    };

    [Theory]
    [InlineData("Marketplaces:SyncInterval", "00:00:00", "Marketplaces:SyncInterval")]
    [InlineData("Marketplaces:Amazon:FbaReportInterval", "-00:01:00", "Marketplaces:Amazon:FbaReportInterval")]
    [InlineData("Marketplaces:Accounts:0:Channel", "etsy", "Marketplaces:Accounts:0:Channel")]
    public async Task Invalid_marketplace_settings_stop_start_up_with_a_message_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string> { ["Marketplaces:Accounts:0:Tenant"] = "tenant-a", [key] = value };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(settings: settings));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task A_configured_account_without_its_credentials_is_refused_at_start_up()
    {
        var settings = new Dictionary<string, string>
        {
            ["Marketplaces:Accounts:0:Tenant"] = "tenant-a",
            ["Marketplaces:Accounts:0:Channel"] = "amazon",
            ["Marketplaces:Accounts:0:Credentials:client_id"] = "id",
        };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(settings: settings));
        Assert.Contains("Marketplaces:Accounts:0:Credentials:client_secret", error.Message);
        Assert.Contains("Marketplaces:Accounts:0:MarketplaceIds", error.Message);
    }

    internal static async Task<Order?> TryGetAsync(OrderService.OrderServiceClient orders, string channel, string orderId)
    {
        try
        {
            return await orders.GetOrderAsync(new GetOrderRequest { Channel = channel, OrderId = orderId });
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task An_eBay_daily_call_limit_below_one_stops_the_server_naming_the_key(string limit)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestServer.StartAsync(settings: new Dictionary<string, string> { ["Marketplaces:Ebay:DailyCallLimit"] = limit }));

        Assert.Contains("Marketplaces:Ebay:DailyCallLimit must be at least 1", error.Message);
    }
}
