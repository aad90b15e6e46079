using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using ImportedOrder = LogisticsLink.Domain.Orders.ImportedOrder;
using ImportedPackage = LogisticsLink.Domain.Orders.ImportedPackage;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>Multi-Channel Fulfillment orders synced from the sandbox SP-API on the FBA report's cadence.</summary>
public sealed class MarketplaceMcfSyncTests
{
    private const string McfOrder = "S01-5550013-0000000";

    [Fact]
    public async Task An_mcf_order_appears_with_its_parcel_in_amazons_status()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();

        Order? mcf = null;
        await Eventually.UntilAsync(async () =>
        {
            mcf = await MarketplaceSyncTests.TryGetAsync(orders, "amazon", McfOrder);
            return mcf?.Status == "Complete" && mcf.Shipments.Count == 1 && mcf.Shipments[0].StatusDescription.Contains("EVENT_", StringComparison.Ordinal);
        }, "the MCF order is upserted with its package from getPackageTrackingDetails", TimeSpan.FromSeconds(60));

        Assert.Equal(FulfillmentChannel.ThirdParty, mcf!.FulfillmentChannel);
        Assert.Equal("ATVPDKIKX0DER", mcf.MarketplaceId);
        var parcel = mcf.Shipments[0];
        Assert.Equal("amazon", parcel.Carrier);
        Assert.Equal("TBA304555001304", parcel.TrackingNumber);
        Assert.Equal(ShipmentStatus.InTransit, parcel.Status);
        Assert.Contains("Package arrived at a carrier facility", parcel.StatusDescription);
        Assert.Contains("EVENT_201", parcel.StatusDescription);
        Assert.NotNull(parcel.EstimatedDelivery);

        // The buyer bought elsewhere and has no Amazon order: the seller answers with the parcel's status.
        var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = McfOrder });
        Assert.Equal(RecommendedAction.ShareTracking, inquiry.Action);
        Assert.Equal("fbm_in_transit", inquiry.Reply.TemplateId);
    }

    // The Orders API lists an MCF order too (sales channel NON_AMAZON, fulfilled by Amazon), under the id the MCF import
    // keys it by. Whichever import reads it last, it is the one MCF order: its buyer bought elsewhere and is answered by
    // the seller, never sent to Amazon's customer service (marketplaces.md lines 217, 221, 391).
    [Fact]
    public async Task An_mcf_order_the_orders_api_also_lists_stays_one_mcf_order_whichever_import_reads_it_last()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            // One round of each at start; the imports below are then called in a known order.
            ["Marketplaces:SyncInterval"] = "01:00:00",
            ["Marketplaces:Amazon:FbaReportInterval"] = "01:00:00",
        });
        var orders = server.Orders();
        var sync = server.Get<MarketplaceSync>();
        await Eventually.UntilAsync(async () =>
                (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", McfOrder))?.Shipments.SingleOrDefault()?.StatusDescription
                    .Contains("EVENT_", StringComparison.Ordinal) == true
                && sync.Status.Values.Any(s => s.TenantId == "tenant-a" && s.Channel == "amazon" && s.LastSyncedAt is not null),
            "the first order sync and MCF import have run", TimeSpan.FromSeconds(60));

        async Task AssertOneMcfOrderAnsweredBySellerAsync(string after)
        {
            var listed = (await orders.ListOrdersAsync(new ListOrdersRequest { Channel = "amazon", PageSize = 100 })).Orders;
            var order = Assert.Single(listed, o => o.OrderId == McfOrder);
            Assert.True(FulfillmentChannel.ThirdParty == order.FulfillmentChannel, $"after {after}: stored as {order.FulfillmentChannel}");
            Assert.Equal("TBA304555001304", Assert.Single(order.Shipments).TrackingNumber);
            var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = McfOrder });
            Assert.True(RecommendedAction.ShareTracking == inquiry.Action, $"after {after}: {inquiry.Action}");
            Assert.Equal("fbm_in_transit", inquiry.Reply.TemplateId);
        }

        // The Orders API reads it after the MCF import (an ORDER_CHANGE notice fetches it with getOrder)…
        Assert.Equal(OrderSyncOutcome.Synced, (await sync.SyncOrderAsync("tenant-a", "amazon", McfOrder, CancellationToken.None)).Outcome);
        await AssertOneMcfOrderAnsweredBySellerAsync("the Orders API import");

        // …and the MCF import after the Orders API.
        Assert.Equal(OrderSyncOutcome.Synced, (await sync.SyncMcfOrderAsync("tenant-a", McfOrder, CancellationToken.None)).Outcome);
        await AssertOneMcfOrderAnsweredBySellerAsync("the MCF import");
    }

    // One MCF order Amazon gives in a shape we cannot read costs that order only: the account's other MCF orders are
    // imported (the listing failed its whole region before, so none were), and the order is named in the account's
    // last_error until Amazon gives it readably and it is imported.
    [Fact]
    public async Task An_mcf_order_we_cannot_read_is_named_in_the_sync_state_until_imported_and_the_others_are_imported()
    {
        const string unreadable = "S01-5550046-0000000";
        var damaging = true;
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
            {
                ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:01",
            },
            services => services.AddHttpClient(nameof(AmazonMarketplaceClient))
                .AddHttpMessageHandler(() => new UnreadableMcfOrder(unreadable, () => Volatile.Read(ref damaging))));
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        // Shipped for the Canadian shop, a marketplace the account does not read orders of: only the MCF listing brings it.
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == McfOrder) with
        {
            OrderId = unreadable, MarketplaceId = "A2EUQ1WTGCTBG2", LastUpdatedAt = DateTimeOffset.UtcNow,
        });
        var orders = server.Orders();
        var sync = server.Get<MarketplaceSync>();
        string LastError() => sync.Status.Values.SingleOrDefault(s => s.TenantId == "tenant-a" && s.Channel == "amazon")?.LastError ?? "";

        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", McfOrder))?.Shipments
                .SingleOrDefault()?.StatusDescription.Contains("EVENT_", StringComparison.Ordinal) == true
                && LastError().Contains(unreadable, StringComparison.Ordinal),
            "the readable MCF order is imported with its parcel, and the unreadable one named in the account's sync state", TimeSpan.FromSeconds(60));
        Assert.Contains("statusUpdatedDate", LastError());
        Assert.Null(await MarketplaceSyncTests.TryGetAsync(orders, "amazon", unreadable));

        // Amazon gives it readably again: the next listing (a day's overlap) imports it, and the name goes.
        Volatile.Write(ref damaging, false);
        await Eventually.UntilAsync(async () => await MarketplaceSyncTests.TryGetAsync(orders, "amazon", unreadable) is not null
                && !LastError().Contains(unreadable, StringComparison.Ordinal),
            "the order is imported and no longer named", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task An_mcf_parcel_that_the_sales_channels_order_holds_stays_on_that_order()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:01",
            // Amazon Shipping enabled (against the sandbox), so a caller may name its number on another order.
            ["Sandbox:SimulateCarriers"] = "true",
        });
        var orders = server.Orders();
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", McfOrder))?.Shipments.Count == 1,
            "the MCF order is upserted with its package", TimeSpan.FromSeconds(60));
        // The Shopify order it ships carries the same number (the MCF connector wrote it back), and says so.
        var sale = Support.SupportFixtures.Order("5829990001", FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(3), "en-US", "TBA304555001304");
        sale.Order.Channel = "shopify";
        sale.Order.MarketplaceId = "";
        sale.Order.Status = "FULFILLED";
        await orders.UpsertOrderAsync(sale);
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        var reads = amazon.CallsTo("getFulfillmentOrder");

        await Eventually.UntilAsync(() => Task.FromResult(amazon.CallsTo("getFulfillmentOrder") >= reads + 2),
            "two more MCF rounds read the order again", TimeSpan.FromSeconds(60));

        var shipment = Assert.Single((await server.Client().ListShipmentsAsync(new ListShipmentsRequest())).Shipments, s => s.TrackingNumber == "TBA304555001304");
        Assert.Equal(("shopify", "5829990001"), (shipment.Order.Channel, shipment.Order.OrderId));
        Assert.Empty((await MarketplaceSyncTests.TryGetAsync(orders, "amazon", McfOrder))!.Shipments);
    }

    [Fact]
    public async Task An_mcf_parcel_amazon_delivers_takes_amazons_newer_status_though_its_order_changed_days_ago()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:01",
        });
        var orders = server.Orders();
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        const string orderId = "S01-5550043-0000000";
        // Complete since it shipped three days ago: later reads, from a day before the previous one, do not list it.
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == McfOrder) with
        {
            OrderId = orderId, LastUpdatedAt = DateTimeOffset.UtcNow.AddDays(-3),
        });
        var package = amazon.Catalogue.McfPackages.Single(p => p.PackageNumber == 555013) with
        {
            PackageNumber = 555043, OrderId = orderId, TrackingNumber = "TBA304555004304",
        };
        amazon.Catalogue.Add(package);
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))?.Shipments
                .SingleOrDefault()?.Status == ShipmentStatus.InTransit,
            "the MCF order is upserted with its parcel in transit", TimeSpan.FromSeconds(60));

        // Amazon's tracking moves on; the fulfillment order does not change.
        amazon.Catalogue.Replace(package with
        {
            CurrentStatus = "DELIVERED", CurrentStatusDescription = "Package delivered",
            Events = [.. package.Events, new AmazonDemoMcfEvent(DateTimeOffset.UtcNow.AddMinutes(-5), "EVENT_301", "Delivered", "Lexington", "US")],
        });

        // Nothing else tracks this parcel (Amazon Shipping does not know it): MCF package tracking must bring it.
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))?.Shipments
                .SingleOrDefault()?.Status == ShipmentStatus.Delivered,
            "the parcel takes Amazon's DELIVERED", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_mcf_parcel_kept_on_the_shopify_order_it_ships_takes_amazons_newer_status_though_its_order_changed_days_ago()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:01",
        });
        var orders = server.Orders();
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        const string orderId = "S01-5550044-0000000";
        const string number = "TBA304555004404";
        // The Shopify sale holds the number first (the MCF connector wrote it back), as the buyer knows it.
        await server.Get<OrderLinker>().UpsertAsync("tenant-a", new ImportedOrder("shopify", "5829990044", LogisticsLink.Domain.Orders.FulfillmentChannel.Merchant,
            "FULFILLED", "", "en", DateTimeOffset.UtcNow.AddDays(-4), null, DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(-3),
            [new ImportedPackage("amazon", "Amazon Logistics", number, DateTimeOffset.UtcNow.AddDays(-3))], ListsEveryPackage: true), CancellationToken.None);
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == McfOrder) with
        {
            OrderId = orderId, LastUpdatedAt = DateTimeOffset.UtcNow.AddDays(-3),
        });
        var package = amazon.Catalogue.McfPackages.Single(p => p.PackageNumber == 555013) with
        {
            PackageNumber = 555044, OrderId = orderId, TrackingNumber = number,
        };
        amazon.Catalogue.Add(package);
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "shopify", "5829990044"))?.Shipments
                .SingleOrDefault()?.StatusDescription.Contains("EVENT_", StringComparison.Ordinal) == true,
            "the Shopify order's parcel takes Amazon's status", TimeSpan.FromSeconds(60));

        // Amazon's tracking moves on; the fulfillment order does not change.
        amazon.Catalogue.Replace(package with
        {
            CurrentStatus = "DELIVERED", CurrentStatusDescription = "Package delivered",
            Events = [.. package.Events, new AmazonDemoMcfEvent(DateTimeOffset.UtcNow.AddMinutes(-5), "EVENT_301", "Delivered", "Lexington", "US")],
        });

        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "shopify", "5829990044"))?.Shipments
                .SingleOrDefault()?.Status == ShipmentStatus.Delivered,
            "the parcel kept on the Shopify order takes Amazon's DELIVERED", TimeSpan.FromSeconds(30));
        Assert.Empty((await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))!.Shipments);
    }

    [Fact]
    public async Task A_package_first_known_by_amazons_own_number_leaves_that_parcel_behind_once_its_carrier_number_is_known()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync(new Dictionary<string, string>
        {
            ["Marketplaces:Amazon:FbaReportInterval"] = "00:00:01",
        });
        var orders = server.Orders();
        var amazon = server.Simulator<AmazonSpApiSimulator>();
        const string orderId = "S01-5550042-0000000";
        const string upsNumber = "1Z999AA10123456784";
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == McfOrder) with { OrderId = orderId, LastUpdatedAt = DateTimeOffset.UtcNow });
        var template = amazon.Catalogue.McfPackages.Single(p => p.PackageNumber == 555013);
        // Amazon ships it with UPS but knows only its own number so far.
        var package = template with { PackageNumber = 555042, OrderId = orderId, Carrier = "UPS", TrackingNumber = "" };
        amazon.Catalogue.Add(package);
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))?.Shipments
                .SingleOrDefault()?.TrackingNumber == package.AmazonFulfillmentTrackingNumber,
            "the MCF order is upserted with its package under Amazon's own number", TimeSpan.FromSeconds(60));

        // A later sync: Amazon now gives UPS's number for the same package.
        amazon.Catalogue.Replace(package with { TrackingNumber = upsNumber });
        amazon.Catalogue.Upsert(amazon.Catalogue.Orders.Single(o => o.OrderId == orderId) with { LastUpdatedAt = DateTimeOffset.UtcNow });
        await Eventually.UntilAsync(async () => (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))?.Shipments
                .Any(s => s.TrackingNumber == upsNumber) == true,
            "the carrier's number is linked to the order", TimeSpan.FromSeconds(60));
        var reads = amazon.CallsTo("getFulfillmentOrder");
        await Eventually.UntilAsync(() => Task.FromResult(amazon.CallsTo("getFulfillmentOrder") >= reads + 2),
            "two more MCF rounds read the order again", TimeSpan.FromSeconds(60));

        // One package, one parcel on the order: the UPS one.
        var order = (await MarketplaceSyncTests.TryGetAsync(orders, "amazon", orderId))!;
        var parcel = Assert.Single(order.Shipments);
        Assert.Equal(("ups", upsNumber), (parcel.Carrier, parcel.TrackingNumber));
        // The parcel tracked under Amazon's number is kept, with its history, on no order.
        var aftn = Assert.Single((await server.Client().ListShipmentsAsync(new ListShipmentsRequest())).Shipments,
            s => s.TrackingNumber == package.AmazonFulfillmentTrackingNumber);
        Assert.Equal("amazon", aftn.Carrier);
        Assert.Equal("", aftn.Order?.OrderId ?? "");
        Assert.Equal(ShipmentStatus.InTransit, aftn.Status);
    }
}
