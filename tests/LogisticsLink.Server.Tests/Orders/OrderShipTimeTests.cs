using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// An order's ship time is decided again from the parcels linked to it now, on a real server and database with a fake
/// clock: a parcel that left the order (no longer listed, moved, voided) stops counting; the marketplace's stated ship
/// time beats a later registration and survives a re-judgement; a 3PL's parcel scanned before it was registered counts
/// from that scan.
/// </summary>
public sealed class OrderShipTimeTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ShipBy = Start.AddDays(1);
    private static readonly OrderLink Link = new("shopify", "5820009001");

    [Fact]
    public async Task A_parcel_the_marketplace_stops_listing_no_longer_sets_the_ship_time()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var linker = server.Get<OrderLinker>();
        // The first label was stated shipped in time; it was voided and the order shipped again, late.
        await linker.UpsertAsync(Tenant, Listing("UNFULFILLED", Package(Numbers.Sandbox(7), Start.AddHours(2))), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        var late = Start.AddDays(2);

        var (order, shipments, _) = await linker.UpsertAsync(Tenant, Listing("FULFILLED", Package(Numbers.Sandbox(7), late)), CancellationToken.None);

        Assert.Single(shipments);
        Assert.Equal(late, order.ShippedAt);
        var flag = Assert.Single(order.Risks, r => r.Kind == RiskKind.LateShipment);
        Assert.False(flag.ActionRequired);
    }

    [Fact]
    public async Task An_order_whose_only_parcel_leaves_is_not_shipped_again_and_is_flagged_once_past_its_ship_date()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var linker = server.Get<OrderLinker>();
        await linker.UpsertAsync(Tenant, Listing("UNFULFILLED", Package(Numbers.Sandbox(7), Start.AddHours(2))), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));

        // The fulfillment was cancelled: the marketplace lists no parcel and the order waits to be shipped again.
        var (order, shipments, _) = await linker.UpsertAsync(Tenant, Listing("UNFULFILLED"), CancellationToken.None);

        Assert.Empty(shipments);
        Assert.Null(order.ShippedAt);
        var flag = Assert.Single(order.Risks, r => r.Kind == RiskKind.LateShipment);
        Assert.True(flag.ActionRequired);
        Assert.Contains("Not shipped", flag.Reason);
    }

    [Fact]
    public async Task A_voided_label_no_longer_sets_the_ship_time()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var (linker, tracker) = (server.Get<OrderLinker>(), server.Get<ShipmentTracker>());
        // An internal system's order: its parcels carry no stated ship time, so their registration stands in.
        var voided = Numbers.Sandbox(7);
        await linker.UpsertAsync(Tenant, Listing("UNFULFILLED", Package(voided, null)) with { ListsEveryPackage = false }, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        var (_, both, _) = await linker.UpsertAsync(
            Tenant, Listing("FULFILLED", Package(Numbers.Sandbox(7), null)) with { ListsEveryPackage = false }, CancellationToken.None);
        Assert.Equal(2, both.Count);

        var first = await server.Get<IShipmentStore>().FindByNumberAsync(Tenant, "sandbox", voided, CancellationToken.None);
        await tracker.ApplyPushedAsync(first!, Scan(TrackingStatus.Cancelled, clock.GetUtcNow()), CancellationToken.None);
        await linker.ReassessAsync(Tenant, Link, CancellationToken.None);

        var order = await OrderAsync(server);
        Assert.Equal(Start.AddDays(2), order.ShippedAt);
        Assert.Contains(order.Risks, r => r.Kind == RiskKind.LateShipment && !r.ActionRequired);
    }

    [Fact]
    public async Task A_parcel_moved_to_another_order_no_longer_sets_the_first_orders_ship_time()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var (linker, tracker) = (server.Get<OrderLinker>(), server.Get<ShipmentTracker>());
        var moved = Numbers.Sandbox(7);
        await linker.UpsertAsync(Tenant, Listing("UNFULFILLED", Package(moved, null)) with { ListsEveryPackage = false }, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));

        // A caller links the number to another order: it is that order's parcel now.
        await tracker.RegisterAsync(Tenant, "sandbox", moved, new OrderLink("shopify", "5820009002"), ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);
        await linker.ReassessAsync(Tenant, Link, CancellationToken.None);

        var order = await OrderAsync(server);
        Assert.Null(order.ShippedAt);
        Assert.Contains(order.Risks, r => r.Kind == RiskKind.LateShipment && r.ActionRequired);
    }

    [Fact]
    public async Task An_earlier_marketplace_ship_time_wins_over_a_later_registration_and_is_kept_for_the_next_judgement()
    {
        var clock = new FakeTimeProvider(Start.AddDays(3));
        await using var server = await FakeClockServer.StartAsync(clock);
        var linker = server.Get<OrderLinker>();
        var statedShipped = Start.AddHours(12);

        var (imported, _, _) = await linker.UpsertAsync(Tenant, Listing("FULFILLED", Package(Numbers.Sandbox(7), statedShipped)), CancellationToken.None);
        // Judged again later, from what is stored: the stated time was kept with the parcel.
        clock.Advance(TimeSpan.FromHours(1));
        await linker.ReassessAsync(Tenant, Link, CancellationToken.None);

        Assert.Equal(statedShipped, imported.ShippedAt);
        var order = await OrderAsync(server);
        Assert.Equal(statedShipped, order.ShippedAt);
        Assert.DoesNotContain(order.Risks, r => r.Kind == RiskKind.LateShipment);
    }

    [Fact]
    public async Task A_parcel_pushed_after_its_first_carrier_scan_counts_from_that_scan()
    {
        var clock = new FakeTimeProvider(Start.AddDays(2));
        await using var server = await FakeClockServer.StartAsync(clock);
        var (linker, tracker) = (server.Get<OrderLinker>(), server.Get<ShipmentTracker>());
        // A 3PL pushes the order two days on; the carrier had picked the parcel up before the ship-by date.
        var (_, shipments, _) = await linker.UpsertAsync(
            Tenant, Listing("FULFILLED", Package(Numbers.Sandbox(7), null)) with { ListsEveryPackage = false }, CancellationToken.None);
        var pickedUp = Start.AddHours(20);

        var stored = await server.Get<IShipmentStore>().FindAsync(Tenant, shipments[0].Id, CancellationToken.None);
        await tracker.ApplyPushedAsync(stored!, Scan(TrackingStatus.InTransit, pickedUp), CancellationToken.None);
        await linker.ReassessAsync(Tenant, Link, CancellationToken.None);

        var order = await OrderAsync(server);
        Assert.Equal(pickedUp, order.ShippedAt);
        Assert.DoesNotContain(order.Risks, r => r.Kind == RiskKind.LateShipment);
    }

    // The fake clock fires a periodic timer once per period it is advanced over: the test server's 50 ms scheduler poll
    // made each two-day advance 3.5 million callbacks (1 s alone, 10–190 s beside the other test projects). These
    // tests drive the order linker themselves; the server's loops only need to tick a few times.
    private static async Task<OrderState> OrderAsync(TestServer server) =>
        (await server.Get<IOrderStore>().FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State;

    /// <summary>A merchant-fulfilled Shopify order due to ship by <see cref="ShipBy"/>, listing every parcel it has.</summary>
    private static ImportedOrder Listing(string status, params ImportedPackage[] packages) => new(
        Link.Channel, Link.OrderId, FulfillmentChannel.Merchant, status, "", "en", Start.AddDays(-1), ShipBy, Start.AddDays(5), null,
        packages, ListsEveryPackage: true);

    private static ImportedPackage Package(string number, DateTimeOffset? shippedAt) => new("sandbox", "Sandbox", number, shippedAt);

    private static CarrierSnapshot Scan(TrackingStatus status, DateTimeOffset at) =>
        new(null, [new TrackingEvent(at, status, "", status.ToString(), "X", TrackingLocation.Unknown, "", at)]);
}
