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
}
