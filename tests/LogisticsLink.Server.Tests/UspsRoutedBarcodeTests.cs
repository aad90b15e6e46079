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
/// A USPS label's barcode reads "420" + ZIP + the tracking number; scanned, it is the same parcel as the number printed
/// under it: stored as the bare number, and a parcel an earlier version stored in the routed form is found by either.
/// </summary>
public sealed class UspsRoutedBarcodeTests
{
    private const string Tenant = "tenant-a";
    private const string Bare = "9101026837331000039521";
    private const string RoutedZip5 = "42022153" + Bare;
    private const string RoutedZip9 = "420221531234" + Bare;

    [Fact]
    public async Task A_scanned_barcode_and_the_printed_number_are_one_shipment_everywhere_it_enters()
    {
        await using var server = await StartAsync();
        var client = server.Client();

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Bare });
        var scanned = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "420 22153 " + Bare });
        var zip9 = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "usps", TrackingNumber = RoutedZip9 });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "usps", TrackingNumber = RoutedZip5 });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-420" },
            Shipments = { new OrderShipment { Carrier = "usps", TrackingNumber = RoutedZip5 } },
        });
        var (_, imported, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder("shopify", "5829990420",
            Domain.Orders.FulfillmentChannel.Merchant, "FULFILLED", "", "en", null, null, null, null,
            [new ImportedPackage("usps", "USPS", RoutedZip9, null)]), CancellationToken.None);

        Assert.Equal(Bare, bare.TrackingNumber);
        Assert.All(new[] { scanned.Id, zip9.Id, found.Id, Assert.Single(order.Shipments).Id, Assert.Single(imported).Id }, id => Assert.Equal(bare.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = RoutedZip5 });
        Assert.Equal(bare.Id, Assert.Single(inquiry.Shipments).Id);
    }

    [Fact]
    public async Task A_parcel_an_earlier_version_stored_in_the_routed_form_is_found_by_either_form()
    {
        await using var server = await StartAsync();
        var client = server.Client();
        // How earlier versions stored a scanned barcode: as given.
        var stored = await server.Get<ShipmentTracker>().RegisterAsync(
            Tenant, "usps", RoutedZip5, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "usps", TrackingNumber = Bare });
        var scanned = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "usps", TrackingNumber = RoutedZip5 });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "usps", TrackingNumber = Bare });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-421" },
            Shipments = { new OrderShipment { Carrier = "usps", TrackingNumber = Bare } },
        });

        Assert.All(new[] { bare.Id, scanned.Id, found.Id, Assert.Single(order.Shipments).Id }, id => Assert.Equal(stored.State.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = Bare });
        Assert.Equal(stored.State.Id, Assert.Single(inquiry.Shipments).Id);
    }

    [Fact]
    public async Task DetectCarrier_gives_the_printed_number_of_a_scanned_barcode_as_the_other_entrances_store_it()
    {
        await using var server = await StartAsync();
        var client = server.Client();

        var zip5 = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = "420 22153 " + Bare });
        var zip9 = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = RoutedZip9 });
        var tracked = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = zip5.NormalizedTrackingNumber });

        Assert.Equal(Bare, zip5.NormalizedTrackingNumber);
        Assert.Equal("usps", zip5.DetectedCarrier);
        Assert.Equal(Bare, zip9.NormalizedTrackingNumber);
        Assert.Equal(Bare, tracked.TrackingNumber);
    }

    [Fact]
    public async Task An_old_20_digit_number_scanned_with_its_routing_is_the_printed_number_everywhere_it_enters()
    {
        const string old = "03071790000523483741";
        await using var server = await StartAsync();
        var client = server.Client();
        // How earlier versions stored a scanned barcode: as given.
        var stored = await server.Get<ShipmentTracker>().RegisterAsync(
            Tenant, "usps", "42022153" + old, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

        var detected = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = "420 22153 0307 1790 0005 2348 3741" });
        var scanned = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = "420221531234" + old });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "usps", TrackingNumber = old });
        var inquiry = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = old });
        var byText = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = "Where is 420 22153 0307 1790 0005 2348 3741?" });

        Assert.Equal(old, detected.NormalizedTrackingNumber);
        Assert.Equal("usps", detected.DetectedCarrier);
        Assert.All(new[] { scanned.Id, found.Id, Assert.Single(inquiry.Shipments).Id, Assert.Single(byText.Shipments).Id },
            id => Assert.Equal(stored.State.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
    }

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(
        settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
        services: s => s.AddSingleton<ICarrierClient>(new SilentCarrier("usps")));

    /// <summary>A connector that only makes its carrier enabled; the scheduler is off, so it is never called.</summary>
    private sealed class SilentCarrier(string code) : ICarrierClient
    {
        public string Code => code;
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(CarrierResult.Success(Domain.Tracking.CarrierSnapshot.NotFound()));
    }
}
