using LogisticsLink.Carriers;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// An Amazon Shipping number in the default business is one parcel whether it is given bare (<c>TBA…</c>, AMZN_UK
/// assumed) or with that business's carrier id (<c>AMZN_UK:TBA…</c>): it is stored bare, and a parcel an earlier
/// version stored with the id is found by either form.
/// </summary>
public sealed class AmazonDefaultBusinessTests
{
    private const string Tenant = "tenant-a";

    [Fact]
    public async Task A_number_given_bare_and_with_AMZN_UK_is_one_shipment_everywhere_it_enters()
    {
        await using var server = await StartAsync();
        var client = server.Client();

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "TBA000000000050" });
        var named = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_UK:TBA000000000050" });
        var detected = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "amzn_uk:tba 000000000050" });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_UK:TBA000000000050" });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-50" },
            Shipments = { new OrderShipment { Carrier = "amazon", TrackingNumber = "AMZN_UK:TBA000000000050" } },
        });
        var (_, imported, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder("shopify", "5829990050",
            Domain.Orders.FulfillmentChannel.Merchant, "FULFILLED", "", "en", null, null, null, null,
            [new ImportedPackage("amazon", "Amazon Shipping", "AMZN_UK:TBA000000000050", null)]), CancellationToken.None);

        Assert.Equal("TBA000000000050", bare.TrackingNumber);
        Assert.All(new[] { named.Id, detected.Id, found.Id, Assert.Single(order.Shipments).Id, Assert.Single(imported).Id }, id => Assert.Equal(bare.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = "AMZN_UK:TBA000000000050" });
        Assert.Equal(bare.Id, Assert.Single(inquiry.Shipments).Id);
    }

    [Fact]
    public async Task A_parcel_an_earlier_version_stored_with_AMZN_UK_is_found_by_either_form()
    {
        await using var server = await StartAsync();
        var client = server.Client();
        // How earlier versions stored a number given with the default business's id: as given.
        var stored = await server.Get<ShipmentTracker>().RegisterAsync(
            Tenant, "amazon", "AMZN_UK:TBA000000000060", OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "TBA000000000060" });
        var named = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "amazon", TrackingNumber = "AMZN_UK:TBA000000000060" });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "amazon", TrackingNumber = "TBA000000000060" });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-60" },
            Shipments = { new OrderShipment { Carrier = "amazon", TrackingNumber = "TBA000000000060" } },
        });

        Assert.All(new[] { bare.Id, named.Id, found.Id, Assert.Single(order.Shipments).Id }, id => Assert.Equal(stored.State.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
    }

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(
        settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
        services: s => s.AddSingleton<ICarrierClient>(new SilentCarrier("amazon")));

    /// <summary>A connector that only makes its carrier enabled; the scheduler is off, so it is never called.</summary>
    private sealed class SilentCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
