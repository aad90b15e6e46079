using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// GetSellerMetrics' open risks are what needs action now, over the tenant's orders: the window chooses which
/// promises and ship-by dates the rates judge, not which open claims or lost parcels the seller is shown.
/// </summary>
public sealed class SellerMetricsOpenRiskTests
{
    [Fact]
    public async Task Open_risks_count_orders_without_dates_and_orders_dated_outside_the_window()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var now = DateTimeOffset.UtcNow;
        // An order pushed without any date, and one whose dates lie long before the window.
        await orders.UpsertOrderAsync(new UpsertOrderRequest { Order = new Order { Channel = "manual", OrderId = "undated" } });
        await orders.UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "manual", OrderId = "old", FulfillmentChannel = FulfillmentChannel.Merchant,
                LatestShipDate = Timestamp.FromDateTimeOffset(now.AddDays(-90)), LatestDeliveryDate = Timestamp.FromDateTimeOffset(now.AddDays(-85)),
            },
        });
        foreach (var id in new[] { "undated", "old" })
        {
            await server.Support().RegisterClaimAsync(new RegisterClaimRequest { Channel = "manual", OrderId = id, Kind = "a_to_z_not_received" });
        }

        var metrics = await orders.GetSellerMetricsAsync(new GetSellerMetricsRequest());

        Assert.Equal(2u, metrics.OpenRisks.Single(r => r.Kind == RiskKind.ClaimOpen).Count);
        Assert.Equal(1u, metrics.OpenRisks.Single(r => r.Kind == RiskKind.LateShipment).Count);
        // The rates still judge only the window: neither order is due to ship in the last 30 days.
        Assert.Equal(0u, metrics.ShipDueOrderCount);
    }
}
