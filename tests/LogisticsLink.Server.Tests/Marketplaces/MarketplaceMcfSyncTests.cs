using LogisticsLink.Sandbox.Marketplaces.Amazon;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

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
}
