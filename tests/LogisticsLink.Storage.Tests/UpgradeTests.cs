using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// A database written by an earlier release, opened by this one: every row survives the migrations and reads through
/// the store as it was written, the columns added since hold their documented defaults and backfills, and the store
/// writes on from there.
/// </summary>
public sealed class UpgradeTests
{
    private static readonly ShipmentState UpsInTransit = Shipment("1Z999AA10123456784") with
    {
        Id = "shp_ups_in_transit",
        Status = TrackingStatus.InTransit,
        StatusDetail = "in_transit.hub",
        StatusDescription = "Arrived at Facility",
        TrackingUrl = "https://www.ups.com/track?tracknum=1Z999AA10123456784",
        EstimatedDelivery = T0.AddDays(1),
        LastEventAt = T0.AddDays(-1),
        LastCheckedAt = T0.AddHours(-1),
        Version = 3,
        Order = new OrderLink("shopify", "order-1001"),
        Labels = new Dictionary<string, string> { ["warehouse"] = "Lyon" },
        CreatedAt = T0.AddDays(-3),
        UpdatedAt = T0.AddHours(-1),
        NextCheckAt = T0.AddMinutes(30),
    };

    private static readonly TrackingEvent[] UpsScans =
    [
        Scan(T0.AddDays(-3), TrackingStatus.InfoReceived, "MP", "", "Shipper created a label", T0.AddDays(-3).AddMinutes(5), statusDetail: "info_received.label"),
        Scan(T0.AddDays(-2), TrackingStatus.InTransit, "P", "Lyon", "Pickup Scan", T0.AddDays(-2).AddHours(2), statusDetail: "in_transit.picked_up"),
        Scan(T0.AddDays(-1), TrackingStatus.InTransit, "AR", "Paris", "Arrived at Facility", T0.AddDays(-1).AddHours(1)),
    ];

    private static readonly ShipmentState DhlDelivered = Shipment("JD014600003828310810", carrier: "dhl") with
    {
        Id = "shp_dhl_delivered",
        Status = TrackingStatus.Delivered,
        StatusDetail = "delivered.neighbour",
        StatusDescription = "Delivered to neighbour",
        DeliveredAt = T0.AddHours(-5),
        LastEventAt = T0.AddHours(-5),
        LastCheckedAt = T0.AddHours(-4),
        Version = 4,
        CreatedAt = T0.AddDays(-2),
        UpdatedAt = T0.AddHours(-4),
    };

    private static readonly TrackingEvent[] DhlScans =
    [
        Scan(T0.AddDays(-1), TrackingStatus.InTransit, "PO", "Hamburg", "Shipment picked up", T0.AddDays(-1).AddHours(1)),
        Scan(T0.AddHours(-5), TrackingStatus.Delivered, "ZU", "Berlin", "Delivered to neighbour", T0.AddHours(-4), statusDetail: "delivered.neighbour"),
    ];

    private static readonly ShipmentState UspsPending = Shipment("9400111899223100000000", TenantB, "usps") with
    {
        Id = "shp_usps_pending",
        Status = TrackingStatus.Pending,
        Version = 1,
        CreatedAt = T0.AddDays(-1),
        UpdatedAt = T0.AddDays(-1),
        NextCheckAt = T0.AddMinutes(-1),
        ConsecutiveFailures = 2,
    };

    private static readonly OrderState ShopifyOrder = new()
    {
        TenantId = TenantA,
        Channel = "shopify",
        OrderId = "order-1001",
        FulfillmentChannel = FulfillmentChannel.Merchant,
        Status = "fulfilled",
        MarketplaceId = "shop.example.com",
        BuyerLanguage = "fr",
        PurchasedAt = T0.AddDays(-4),
        LatestShipDate = T0.AddDays(-2),
        LatestDeliveryDate = T0.AddDays(2),
        ShippedAt = T0.AddDays(-2),
        Version = 2,
        CreatedAt = T0.AddDays(-4),
        UpdatedAt = T0.AddDays(-2),
    };

    private static readonly string OrderKey = SqlShipmentStore.OrderLogKey("shopify", "order-1001");

    [Fact]
    public async Task A_database_of_the_first_release_upgraded_by_way_of_the_orders_release_reads_every_row_as_written()
    {
        await using var db = new TestDatabase();
        await SeedAsync(db);

        var store = await db.OpenAsync();

        var ups = await store.FindAsync(TenantA, UpsInTransit.Id, Ct);
        Assert.NotNull(ups);
        Assert.Equal(3, ups.Revision);
        // The first physical scan (the pickup, not the label) is backfilled; risk checks start at creation.
        StateAssert.Equal(UpsInTransit with { FirstScanAt = T0.AddDays(-2), RiskCheckAt = UpsInTransit.CreatedAt }, ups.State);
        StateAssert.Equal(ups.State, (await store.FindByNumberAsync(TenantA, "ups", UpsInTransit.TrackingNumber, Ct))?.State);
        Assert.Equal([UpsInTransit.Id], (await store.ListByNumberAsync(TenantA, UpsInTransit.TrackingNumber, 10, Ct)).Select(s => s.State.Id));
        Assert.Equal(UpsScans.Reverse(), await store.GetEventsAsync(UpsInTransit.Id, Ct));

        // A delivered shipment is never judged for risks again.
        StateAssert.Equal(DhlDelivered with { FirstScanAt = T0.AddDays(-1) },
            (await store.FindAsync(TenantA, DhlDelivered.Id, Ct))?.State);
        Assert.Equal(DhlScans.Reverse(), await store.GetEventsAsync(DhlDelivered.Id, Ct));

        // No scan at all: no first scan.
        StateAssert.Equal(UspsPending with { RiskCheckAt = UspsPending.CreatedAt }, (await store.FindAsync(TenantB, UspsPending.Id, Ct))?.State);
        Assert.Null(await store.FindAsync(TenantA, UspsPending.Id, Ct));
        Assert.Equal([UpsInTransit.Id, DhlDelivered.Id], (await store.ListAsync(TenantA, Query(), Ct)).Shipments.Select(s => s.Id));

        var order = await store.FindOrderAsync(TenantA, "shopify", "order-1001", Ct);
        Assert.NotNull(order);
        Assert.Equal(2, order.Revision);
        Assert.Equal(ShopifyOrder with { IsPrime = false, OrderName = "" }, order.State);
        Assert.Equal([UpsInTransit.Id], (await store.ListOrderShipmentsAsync(TenantA, "shopify", "order-1001", Ct)).Select(s => s.Id));

        Assert.Equal(5, await store.GetHeadSequenceAsync(Ct));
        var log = await store.ReadChangesAsync(Changes(), 0, 100, Ct);
        Assert.Equal(
            [
                (1L, TenantA, UpsInTransit.Id, ChangeKinds.Created, "ups created"),
                (2L, TenantB, UspsPending.Id, ChangeKinds.Created, "usps created"),
                (3L, TenantA, DhlDelivered.Id, ChangeKinds.Created | ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, "dhl delivered"),
                (4L, TenantA, UpsInTransit.Id, ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, "ups in transit"),
                (5L, TenantA, OrderKey, ChangeKinds.OrderChanged, "order fulfilled"),
            ],
            log.Select(c => (c.Sequence, c.TenantId, c.ShipmentId, c.Kinds, System.Text.Encoding.UTF8.GetString(c.Payload))));
        Assert.Equal(
            (TrackingStatus.InfoReceived, TrackingStatus.InTransit, 3L, T0.AddDays(-2)),
            (log[3].PreviousStatus, log[3].Status, log[3].Version, log[3].CommittedAt));
        // A subscriber that had read up to 2 before the upgrade resumes with exactly the rest of its tenant's changes.
        Assert.Equal([3L, 4L, 5L], (await store.ReadChangesAsync(Changes(TenantA), 2, 100, Ct)).Select(c => c.Sequence));
    }

    [Fact]
    public async Task An_upgraded_database_takes_new_writes_after_its_last_sequence_and_revision()
    {
        await using var db = new TestDatabase();
        await SeedAsync(db);
        var store = await db.OpenAsync();

        var delivered = UpsInTransit with { Status = TrackingStatus.Delivered, DeliveredAt = T0, LastEventAt = T0, Version = 4, UpdatedAt = T0 };
        var shipment = await store.CommitAsync(
            Update(delivered, 3, TrackingStatus.InTransit, PayloadFor("ups delivered"), Scan(T0, TrackingStatus.Delivered, "D", "Paris")), Ct);
        var order = await store.CommitOrderAsync(
            new OrderCommit(ShopifyOrder with { IsPrime = true, OrderName = "#1001", Version = 3 }, 2, PayloadFor("order named")), Ct);
        var leased = await store.LeaseDueAsync(T0, TimeSpan.FromMinutes(5), 10, Ct);

        Assert.Equal(new CommitResult(4, 6), shipment with { CommittedAt = default });
        Assert.Equal(new CommitResult(3, 7), order with { CommittedAt = default });
        Assert.Equal([UspsPending.Id], leased.Select(s => s.State.Id));
        Assert.Equal("#1001", (await store.FindOrdersByNameAsync(TenantA, "shopify", "#1001", Ct)).Single().State.OrderName);
        Assert.Equal(4, (await store.GetEventsAsync(UpsInTransit.Id, Ct)).Count);
        Assert.Equal([6L, 7L], (await store.ReadChangesAsync(Changes(TenantA), 5, 100, Ct)).Select(c => c.Sequence));
    }

    [Fact]
    public async Task An_upgraded_database_lists_its_shipments_updated_since_by_their_updated_at_and_new_changes_by_their_commit()
    {
        await using var db = new TestDatabase();
        await SeedAsync(db);
        var clock = new FakeTimeProvider(T0);
        var store = await db.OpenAsync(clock);

        // Stored before the commit stamp: listed as before the upgrade, by their updated_at, inclusively.
        Assert.Equal([UpsInTransit.Id, DhlDelivered.Id], await UpdatedSinceAsync(DhlDelivered.UpdatedAt));
        Assert.Equal([UpsInTransit.Id], await UpdatedSinceAsync(DhlDelivered.UpdatedAt.AddTicks(1)));
        Assert.Equal([UpsInTransit.Id], await UpdatedSinceAsync(UpsInTransit.UpdatedAt));
        Assert.Empty(await UpdatedSinceAsync(UpsInTransit.UpdatedAt.AddTicks(1)));

        // A change built half an hour before it commits is listed by its commit.
        var delivered = UpsInTransit with { Status = TrackingStatus.Delivered, DeliveredAt = T0.AddHours(-1), Version = 4, UpdatedAt = T0.AddMinutes(-30) };
        await store.CommitAsync(Update(delivered, 3, TrackingStatus.InTransit, PayloadFor("ups delivered")), Ct);

        Assert.Equal([UpsInTransit.Id], await UpdatedSinceAsync(T0));
        Assert.Empty(await UpdatedSinceAsync(T0.AddTicks(1)));

        async Task<IEnumerable<string>> UpdatedSinceAsync(DateTimeOffset since) =>
            (await store.ListAsync(TenantA, Query(updatedSince: since), Ct)).Shipments.Select(s => s.Id);
    }

    [Fact]
    public async Task The_backfilled_first_scan_dates_a_misdated_scan_as_of_its_receipt_like_the_tracker()
    {
        // A pickup scan the carrier dated ten hours ahead (a zone error), received at T0; a real scan an hour later.
        TrackingEvent[] scans =
        [
            Scan(T0.AddDays(-1), TrackingStatus.InfoReceived, "MP", "", "Shipper created a label", T0.AddDays(-1), statusDetail: "info_received.label"),
            Scan(T0.AddHours(10), TrackingStatus.InTransit, "P", "Lyon", "Pickup Scan", ingestedAt: T0),
            Scan(T0.AddHours(1), TrackingStatus.InTransit, "AR", "Paris", "Arrived at Facility", ingestedAt: T0.AddHours(1)),
        ];
        var shipment = UpsInTransit with { LastEventAt = T0.AddHours(1) };
        await using var db = new TestDatabase();
        await using (var release = await EarlierRelease.OpenAsync(db))
        {
            await release.MigrateToAsync(EarlierRelease.First);
            await release.InsertShipmentAsync(shipment, revision: 3);
            await release.InsertEventsAsync(shipment.Id, scans);
        }

        var store = await db.OpenAsync();

        var expected = scans.Where(e => e.Status.IsPhysicalScan()).Min(e => e.EffectiveAt);
        Assert.Equal(T0, expected);
        var upgraded = await store.FindAsync(TenantA, shipment.Id, Ct);
        Assert.Equal(expected, upgraded?.State.FirstScanAt);
        // Moved, so that a copy of the shipment read before the upgrade cannot write its first scan back.
        Assert.Equal(4, upgraded?.Revision);
    }

    /// <summary>
    /// The first release's shipments, events and log; then the orders release's order and its log entry, written after
    /// that release's migrations ran on the same database.
    /// </summary>
    private static async Task SeedAsync(TestDatabase db)
    {
        await using var release = await EarlierRelease.OpenAsync(db);
        await release.MigrateToAsync(EarlierRelease.First);
        await release.InsertShipmentAsync(UpsInTransit, revision: 3);
        await release.InsertEventsAsync(UpsInTransit.Id, UpsScans);
        await release.InsertShipmentAsync(UspsPending, revision: 1);
        await release.InsertShipmentAsync(DhlDelivered, revision: 4);
        await release.InsertEventsAsync(DhlDelivered.Id, DhlScans);
        await release.InsertChangeAsync(TenantA, UpsInTransit.Id, ChangeKinds.Created, TrackingStatus.Unspecified,
            TrackingStatus.InfoReceived, 1, T0.AddDays(-3), PayloadFor("ups created"));
        await release.InsertChangeAsync(TenantB, UspsPending.Id, ChangeKinds.Created, TrackingStatus.Unspecified,
            TrackingStatus.Pending, 1, T0.AddDays(-1), PayloadFor("usps created"));
        await release.InsertChangeAsync(TenantA, DhlDelivered.Id, ChangeKinds.Created | ChangeKinds.StatusChanged | ChangeKinds.EventsAdded,
            TrackingStatus.Unspecified, TrackingStatus.Delivered, 4, T0.AddHours(-4), PayloadFor("dhl delivered"));
        await release.InsertChangeAsync(TenantA, UpsInTransit.Id, ChangeKinds.StatusChanged | ChangeKinds.EventsAdded,
            TrackingStatus.InfoReceived, TrackingStatus.InTransit, 3, T0.AddDays(-2), PayloadFor("ups in transit"));

        await release.MigrateToAsync(EarlierRelease.Orders);
        await release.InsertOrderAsync(ShopifyOrder, revision: 2);
        await release.InsertChangeAsync(TenantA, OrderKey, ChangeKinds.OrderChanged, TrackingStatus.Unspecified,
            TrackingStatus.Unspecified, 2, T0.AddDays(-2), PayloadFor("order fulfilled"));
    }
}
