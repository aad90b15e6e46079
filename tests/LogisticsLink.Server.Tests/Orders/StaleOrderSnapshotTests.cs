using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// A webhook's fetch and a periodic sync race for one order: whichever commits last, the stored order is the snapshot
/// the marketplace changed last (its own last-update time), never an older one that happened to arrive later.
/// </summary>
public sealed class StaleOrderSnapshotTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly OrderLink Link = new("shopify", "5820009002");

    [Fact]
    public async Task An_older_snapshot_committed_after_a_newer_one_changes_neither_the_order_nor_its_parcels()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var linker = server.Get<OrderLinker>();
        var (first, second) = (Numbers.Sandbox(21), Numbers.Sandbox(22));
        // The webhook fetched the order after its second fulfillment; the sync had read it before, and commits now.
        var (newer, _, _) = await linker.UpsertAsync(Tenant,
            Snapshot("FULFILLED", Start.AddMinutes(-1), Package(first), Package(second)), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));

        var (kept, shipments, _) = await linker.UpsertAsync(Tenant,
            Snapshot("PARTIALLY_FULFILLED", Start.AddMinutes(-10), Package(first)), CancellationToken.None);

        Assert.Equal("FULFILLED", kept.Status);
        Assert.Equal(newer.Version, kept.Version);
        Assert.Equal([first, second], shipments.Select(s => s.TrackingNumber).Order());
        var stored = (await server.Get<IOrderStore>().FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State;
        Assert.Equal(("FULFILLED", Start.AddMinutes(-1)), (stored.Status, stored.MarketplaceUpdatedAt));
        Assert.Equal(2, (await server.Get<IOrderStore>().ListOrderShipmentsAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_snapshot_as_new_or_newer_still_applies_and_moves_the_last_update_time_on()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock);
        var linker = server.Get<OrderLinker>();
        var parcel = Numbers.Sandbox(23);
        await linker.UpsertAsync(Tenant, Snapshot("UNFULFILLED", Start.AddMinutes(-10)), CancellationToken.None);

        // Shopify's times have whole seconds: a change within the same second is applied, not taken for a stale copy.
        var (same, _, _) = await linker.UpsertAsync(Tenant, Snapshot("PARTIALLY_FULFILLED", Start.AddMinutes(-10), Package(parcel)), CancellationToken.None);
        var (later, _, _) = await linker.UpsertAsync(Tenant, Snapshot("FULFILLED", Start.AddMinutes(-2), Package(parcel)), CancellationToken.None);
        // An import without a time (an internal system's UpsertOrder) has nothing to compare: it applies, keeping the time held.
        var (untimed, _, _) = await linker.UpsertAsync(Tenant, Snapshot("CANCELLED", null), CancellationToken.None);
        var (older, _, _) = await linker.UpsertAsync(Tenant, Snapshot("UNFULFILLED", Start.AddMinutes(-5)), CancellationToken.None);

        Assert.Equal("PARTIALLY_FULFILLED", same.Status);
        Assert.Equal(("FULFILLED", Start.AddMinutes(-2)), (later.Status, later.MarketplaceUpdatedAt));
        Assert.Equal(("CANCELLED", Start.AddMinutes(-2)), (untimed.Status, untimed.MarketplaceUpdatedAt));
        Assert.Equal("CANCELLED", older.Status);
    }

    private static ImportedOrder Snapshot(string status, DateTimeOffset? updatedAt, params ImportedPackage[] packages) => new(
        Link.Channel, Link.OrderId, FulfillmentChannel.Merchant, status, "", "en", Start.AddDays(-1), Start.AddDays(1), Start.AddDays(5),
        updatedAt, packages, ListsEveryPackage: true);

    private static ImportedPackage Package(string number) => new("sandbox", "Sandbox", number, Start.AddHours(-2));
}
