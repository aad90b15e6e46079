using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// An FBM package labelled with Amazon Shipping outside the UK (Amazon's Orders API names its carrier <c>AMZN_US</c>)
/// is tracked as <c>AMZN_US:TBA…</c>, as TrackShipment takes it: the bare number is asked about in Amazon Shipping UK,
/// which does not know a US seller's parcel.
/// </summary>
public sealed class AmazonShippingPackageTests
{
    private const string Tenant = "tenant-a";
    private const string OrderId = "113-5550001-0000011";
    private const string Number = "TBA123456789012";

    [Fact]
    public async Task A_us_sellers_fbm_package_is_linked_under_its_carrier_id()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });

        var (_, shipments, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, Fbm("AMZN_US", "2026-03-09T18:00:00Z"), CancellationToken.None);

        var shipment = Assert.Single(shipments);
        Assert.Equal(("amazon", "AMZN_US:" + Number), (shipment.Carrier, shipment.TrackingNumber));
    }

    [Fact]
    public async Task An_order_imported_before_with_the_bare_number_keeps_one_parcel_once_imported_again()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var linker = server.Get<OrderLinker>();
        // What earlier versions stored: the bare number, tracked in AMZN_UK.
        var before = Fbm("AMZN_US", "2026-03-09T18:00:00Z");
        await linker.UpsertAsync(Tenant, before with { Packages = [before.Packages[0] with { TrackingNumber = Number }] }, CancellationToken.None);

        var (_, shipments, _) = await linker.UpsertAsync(Tenant, Fbm("AMZN_US", "2026-03-10T09:00:00Z"), CancellationToken.None);

        Assert.Equal(["AMZN_US:" + Number], shipments.Select(s => s.TrackingNumber));
        // The bare parcel left the order (its history kept): the order's risks, ship time and evidence count one package.
        var bare = await server.Get<IShipmentStore>().FindByNumberAsync(Tenant, "amazon", Number, CancellationToken.None);
        Assert.True(bare!.State.Order.IsNone);
    }

    [Fact]
    public async Task The_bare_parcel_left_behind_is_no_longer_polled_once_the_order_names_its_carrier_id()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var linker = server.Get<OrderLinker>();
        var before = Fbm("AMZN_US", "2026-03-09T18:00:00Z");
        await linker.UpsertAsync(Tenant, before with { Packages = [before.Packages[0] with { TrackingNumber = Number }] }, CancellationToken.None);

        await linker.UpsertAsync(Tenant, Fbm("AMZN_US", "2026-03-10T09:00:00Z"), CancellationToken.None);

        // Asked about in Amazon Shipping UK, which does not know a US seller's parcel: every call would be wasted. The
        // package is tracked in its own business.
        var store = server.Get<IShipmentStore>();
        Assert.Null((await store.FindByNumberAsync(Tenant, "amazon", Number, CancellationToken.None))!.State.NextCheckAt);
        Assert.NotNull((await store.FindByNumberAsync(Tenant, "amazon", "AMZN_US:" + Number, CancellationToken.None))!.State.NextCheckAt);
    }

    [Fact]
    public async Task A_bare_parcel_an_earlier_import_already_unlinked_stops_being_polled_at_the_next_import()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var linker = server.Get<OrderLinker>();
        var store = server.Get<IShipmentStore>();
        var before = Fbm("AMZN_US", "2026-03-09T18:00:00Z");
        await linker.UpsertAsync(Tenant, before with { Packages = [before.Packages[0] with { TrackingNumber = Number }] }, CancellationToken.None);
        // What the previous version left: the bare parcel out of the order, still polled.
        var bare = (await store.FindByNumberAsync(Tenant, "amazon", Number, CancellationToken.None))!;
        await server.Get<ShipmentTracker>().ChangeAsync(bare, (s, now, rules) => Tracker.UnlinkOrder(s, s.Order, now, rules), CancellationToken.None);

        await linker.UpsertAsync(Tenant, Fbm("AMZN_US", "2026-03-10T09:00:00Z"), CancellationToken.None);

        var after = (await store.FindByNumberAsync(Tenant, "amazon", Number, CancellationToken.None))!.State;
        Assert.True(after.Order.IsNone);
        Assert.Null(after.NextCheckAt);
    }

    /// <summary>An FBM order as the Orders API (2026-01-01) lists it, read by the importer.</summary>
    private static ImportedOrder Fbm(string carrier, string lastUpdated) => AmazonOrderParser.ParseGetOrder($$"""
        {"order":{"orderId":"{{OrderId}}","createdTime":"2026-03-08T10:00:00Z","lastUpdatedTime":"{{lastUpdated}}",
          "salesChannel":{"marketplaceId":"ATVPDKIKX0DER"},"fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"MERCHANT"},
          "packages":[{"carrier":"{{carrier}}","shipTime":"2026-03-09T12:00:00Z","trackingNumber":"{{Number}}"}]} }
        """);
}
