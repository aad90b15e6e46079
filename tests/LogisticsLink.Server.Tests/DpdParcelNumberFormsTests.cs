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
/// A DPD label prints the 14-digit parcel number followed by its check character and wraps it in a 28-character
/// barcode; DPD tracks the 14 digits. Every form is one parcel: stored under the 14 digits wherever it enters, and a
/// parcel an earlier version stored with its check character is found by the 14 digits.
/// </summary>
public sealed class DpdParcelNumberFormsTests
{
    private const string Tenant = "tenant-a";
    private const string Parcel = "05308801410058";
    private const string WithCheck = Parcel + "4";
    // ZIP 7, the parcel number, service 3, country 3, check character.
    private const string Barcode = "0001234" + Parcel + "101276" + "1";

    [Fact]
    public async Task A_number_with_its_check_character_and_the_label_barcode_are_the_parcel_number_everywhere_it_enters()
    {
        await using var server = await DpdTestServer.StartAsync();
        var client = server.Client();

        var withCheck = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = "0530 8801 4100 58 4" });
        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel });
        var scanned = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Barcode });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-DPD" },
            Shipments = { new OrderShipment { Carrier = "dpd", TrackingNumber = WithCheck } },
        });
        var (_, imported, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder("shopify", "5829990058",
            Domain.Orders.FulfillmentChannel.Merchant, "FULFILLED", "", "en", null, null, null, null,
            [new ImportedPackage("dpd", "DPD", Barcode, null)]), CancellationToken.None);
        var detected = await client.DetectCarrierAsync(new DetectCarrierRequest { TrackingNumber = Barcode });

        Assert.Equal(Parcel, withCheck.TrackingNumber);
        Assert.Equal(Parcel, detected.NormalizedTrackingNumber);
        Assert.All(new[] { bare.Id, scanned.Id, found.Id, Assert.Single(order.Shipments).Id, Assert.Single(imported).Id },
            id => Assert.Equal(withCheck.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
    }

    // A last character that is not the check character makes no DPD label's number: kept as given, its own shipment.
    [Fact]
    public async Task A_number_whose_last_character_does_not_verify_is_kept_as_given()
    {
        await using var server = await DpdTestServer.StartAsync();
        var client = server.Client();

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel });
        var other = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel + "Q" });

        Assert.Equal(Parcel + "Q", other.TrackingNumber);
        Assert.NotEqual(bare.Id, other.Id);
    }

    [Fact]
    public async Task A_parcel_an_earlier_version_stored_with_its_check_character_is_found_by_every_form()
    {
        await using var server = await DpdTestServer.StartAsync();
        var client = server.Client();
        // How earlier versions stored a number given with its check character: as given.
        var stored = await server.Get<ShipmentTracker>().RegisterAsync(
            Tenant, "dpd", WithCheck, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);

        var bare = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel });
        var withCheck = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = WithCheck });
        var scanned = await client.TrackShipmentAsync(new TrackShipmentRequest { Carrier = "dpd", TrackingNumber = Barcode });
        var found = await client.GetShipmentAsync(new GetShipmentRequest { Carrier = "dpd", TrackingNumber = Parcel });
        var order = await server.Orders().UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order { Channel = "manual", OrderId = "M-DPD-OLD" },
            Shipments = { new OrderShipment { Carrier = "dpd", TrackingNumber = Parcel } },
        });

        Assert.All(new[] { bare.Id, withCheck.Id, scanned.Id, found.Id, Assert.Single(order.Shipments).Id },
            id => Assert.Equal(stored.State.Id, id));
        Assert.Single((await client.ListShipmentsAsync(new ListShipmentsRequest())).Shipments);
        var byNumber = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = Parcel });
        var byBarcode = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { TrackingNumber = Barcode });
        Assert.Equal(stored.State.Id, Assert.Single(byNumber.Shipments).Id);
        Assert.Equal(stored.State.Id, Assert.Single(byBarcode.Shipments).Id);
    }
}
