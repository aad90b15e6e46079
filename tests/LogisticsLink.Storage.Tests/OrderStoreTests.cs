using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>Orders, their links to shipments and marketplace connections, on every store.</summary>
public sealed class OrderStoreTests
{
    private static OrderState Order(string id, string tenant = TenantA, FulfillmentChannel fulfillment = FulfillmentChannel.Merchant) => new()
    {
        TenantId = tenant, Channel = "amazon", OrderId = id, FulfillmentChannel = fulfillment, Status = "Shipped",
        MarketplaceId = "A13V1IB3VIYZZH", BuyerLanguage = "fr-FR", PurchasedAt = T0.AddDays(-2), LatestShipDate = T0.AddDays(-1),
        LatestDeliveryDate = T0.AddDays(3).AddTicks(7), ShippedAt = T0.AddHours(-20), Version = 1, CreatedAt = T0, UpdatedAt = T0,
    };

    [Fact]
    public async Task An_order_round_trips_with_its_risks_and_its_change_joins_the_log()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var order = Order("111-0000001-0000001") with
        {
            Risks = [new RiskFlag(RiskKind.Delayed, "Carrier estimate is after the promise", T0.AddTicks(3), true)],
        };
        await store.CommitAsync(LoggedInsert(Shipment("1Z001")), Ct);

        var committed = await store.CommitOrderAsync(new OrderCommit(order, 0, PayloadFor("order-1")), Ct);
        var found = await store.FindOrderAsync(TenantA, "amazon", "111-0000001-0000001", Ct);

        Assert.Equal(1, committed.Revision);
        Assert.Equal(2, committed.Sequence);
        Assert.NotNull(found);
        Assert.Equal(order with { Risks = found.State.Risks }, found.State);
        Assert.Equal(order.Risks, found.State.Risks);
        var change = (await store.ReadChangesAsync(Changes(TenantA), 1, 10, Ct)).Single();
        Assert.Equal(SqlShipmentStore.OrderLogKey("amazon", "111-0000001-0000001"), change.ShipmentId);
        Assert.Equal(ChangeKinds.OrderChanged, change.Kinds);
        Assert.Equal("order-1"u8.ToArray(), change.Payload);
        Assert.Null(await store.FindOrderAsync(TenantB, "amazon", "111-0000001-0000001", Ct));
    }

    [Fact]
    public async Task A_stale_revision_or_a_second_insert_is_refused_and_changes_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var order = Order("111-0000002-0000002");
        await store.CommitOrderAsync(new OrderCommit(order, 0, PayloadFor("v1")), Ct);
        await store.CommitOrderAsync(new OrderCommit(order with { Status = "Delivered", Version = 2 }, 1, PayloadFor("v2")), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitOrderAsync(new OrderCommit(order with { Status = "Canceled", Version = 2 }, 1, PayloadFor("lost")), Ct));
        await Assert.ThrowsAsync<DuplicateOrderException>(() => store.CommitOrderAsync(new OrderCommit(order, 0, PayloadFor("dup")), Ct));

        var stored = await store.FindOrderAsync(TenantA, "amazon", "111-0000002-0000002", Ct);
        Assert.Equal(("Delivered", 2L), (stored!.State.Status, stored.Revision));
        Assert.Equal(2, (await store.ReadChangesAsync(Changes(), 0, 10, Ct)).Count);
    }

    [Fact]
    public async Task Orders_are_listed_newest_first_and_filtered_by_fulfillment_risk_status_and_window()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitOrderAsync(new OrderCommit(Order("o1"), 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("o2", fulfillment: FulfillmentChannel.Amazon) with { Status = "Pending" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("o3") with
        {
            Risks = [new RiskFlag(RiskKind.LateShipment, "late", T0, true), new RiskFlag(RiskKind.Stalled, "stalled", T0, true)],
            LatestDeliveryDate = T0.AddDays(40), LatestShipDate = T0.AddDays(38),
        }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("b1", TenantB), 0, null), Ct);

        async Task<string[]> Ids(OrderQuery q) => (await store.ListOrdersAsync(TenantA, q, Ct)).Orders.Select(o => o.OrderId).ToArray();
        OrderQuery All(int pageSize = 10, long before = 0) => new("", FulfillmentChannel.Unspecified, [], "", null, null, pageSize, before);

        Assert.Equal(["o3", "o2", "o1"], await Ids(All()));
        Assert.Equal(["o2"], await Ids(All() with { FulfillmentChannel = FulfillmentChannel.Amazon }));
        Assert.Equal(["o3"], await Ids(All() with { RiskKinds = [RiskKind.Stalled, RiskKind.Lost] }));
        Assert.Empty(await Ids(All() with { RiskKinds = [RiskKind.Lost] }));
        Assert.Equal(["o2"], await Ids(All() with { Status = "Pending" }));
        Assert.Equal(["o2", "o1"], await Ids(All() with { PromisedFrom = T0.AddDays(-5), PromisedTo = T0.AddDays(10) }));
        Assert.Empty(await Ids(All() with { Channel = "ebay" }));
        var first = await store.ListOrdersAsync(TenantA, All(pageSize: 2), Ct);
        Assert.Equal(["o1"], await Ids(All(before: first.NextKey)));
    }

    // Amazon's Orders v0 says "PartiallyShipped", its v2026 API and ORDER_CHANGE "PARTIALLY_SHIPPED": one status to a
    // seller, who filters by whichever spelling they know.
    [Fact]
    public async Task The_status_filter_takes_the_marketplace_status_in_any_case_with_or_without_underscores()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitOrderAsync(new OrderCommit(Order("v0") with { Status = "PartiallyShipped" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("v2026") with { Status = "PARTIALLY_SHIPPED" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("other") with { Status = "Shipped" }, 0, null), Ct);

        async Task<string[]> Ids(string status) => (await store.ListOrdersAsync(TenantA,
            new OrderQuery("", FulfillmentChannel.Unspecified, [], status, null, null, 10, 0), Ct)).Orders.Select(o => o.OrderId).ToArray();

        foreach (var status in new[] { "PartiallyShipped", "PARTIALLY_SHIPPED", "partially_shipped", "partiallyshipped" })
        {
            Assert.Equal(["v2026", "v0"], await Ids(status));
        }
        Assert.Equal(["other"], await Ids("shipped"));
    }

    // Amazon MCF's "completed in part" is CompletePartialled in Fulfillment Outbound 2020-07-01, COMPLETE_PARTIALLED in
    // its notifications and COMPLETE_PARTIAL in 2026-07-04: one status, found by any of its spellings, and never overdue
    // (nothing is left to ship).
    [Fact]
    public async Task An_mcf_order_completed_in_part_is_one_status_in_every_spelling_and_never_overdue()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitOrderAsync(new OrderCommit(Order("v2020") with { ShippedAt = null, Status = "CompletePartialled" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("notified") with { ShippedAt = null, Status = "COMPLETE_PARTIALLED" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("v2026") with { ShippedAt = null, Status = "COMPLETE_PARTIAL" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("complete") with { ShippedAt = null, Status = "Complete" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("unshipped") with { ShippedAt = null, Status = "Unshipped" }, 0, null), Ct);

        async Task<string[]> Ids(string status) => (await store.ListOrdersAsync(TenantA,
            new OrderQuery("", FulfillmentChannel.Unspecified, [], status, null, null, 10, 0), Ct)).Orders.Select(o => o.OrderId).Order().ToArray();

        foreach (var status in new[] { "CompletePartialled", "COMPLETE_PARTIALLED", "COMPLETE_PARTIAL", "completepartial" })
        {
            Assert.Equal(["notified", "v2020", "v2026"], await Ids(status));
        }
        Assert.Equal(["complete"], await Ids("COMPLETE"));
        Assert.Equal(["unshipped"], (await store.ListOverdueUnflaggedAsync(T0, 10, Ct)).Select(o => o.OrderId));
    }

    [Fact]
    public async Task An_orders_shipments_and_overdue_unflagged_orders_are_found()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var linked = Shipment("1Z001") with { Order = new OrderLink("amazon", "o1"), PromisedBy = T0.AddDays(2),
            Risks = [new RiskFlag(RiskKind.Stalled, "no scan", T0, true)],
            DeliveryWindow = new DeliveryWindow(T0.AddHours(30), T0.AddHours(34)),
            ProofOfDelivery = new ProofOfDelivery("J. MARTIN", "Front door", true, false), StatedShippedAt = T0.AddHours(-20).AddTicks(3) };
        await store.CommitAsync(Insert(linked), Ct);
        await store.CommitAsync(Insert(Shipment("1Z002") with { Order = new OrderLink("ebay", "o1") }), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("unshipped") with { ShippedAt = null, Status = "Unshipped" }, 0, null), Ct);
        // The marketplace says cancelled or shipped (with no parcel we track): nothing to flag, so not listed.
        await store.CommitOrderAsync(new OrderCommit(Order("cancelled") with { ShippedAt = null, Status = "Canceled" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("shipped-untracked") with { ShippedAt = null, Status = "PARTIALLY_SHIPPED" }, 0, null), Ct);
        // Amazon's InvoiceUnconfirmed: shipped, invoice not confirmed yet (marketplaces.md §1.4).
        await store.CommitOrderAsync(new OrderCommit(Order("invoice-unconfirmed") with { ShippedAt = null, Status = "InvoiceUnconfirmed" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("flagged") with { ShippedAt = null, Risks = [new RiskFlag(RiskKind.LateShipment, "late", T0, true)] }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("fba", fulfillment: FulfillmentChannel.Amazon) with { ShippedAt = null }, 0, null), Ct);
        // A ship-by date without a time is overdue once its day is over, not during it.
        var today = DateOnlyPromise.Of(DateOnly.FromDateTime(T0.UtcDateTime));
        await store.CommitOrderAsync(new OrderCommit(Order("date-today") with { ShippedAt = null, Status = "Unshipped", LatestShipDate = today }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("date-yesterday") with { ShippedAt = null, Status = "Unshipped", LatestShipDate = today.AddDays(-1) }, 0, null), Ct);

        var shipments = await store.ListOrderShipmentsAsync(TenantA, "amazon", "o1", Ct);
        var overdue = await store.ListOverdueUnflaggedAsync(T0, 10, Ct);

        var only = Assert.Single(shipments);
        Assert.Equal(linked.PromisedBy, only.PromisedBy);
        Assert.Equal(linked.Risks, only.Risks);
        Assert.Equal(linked.DeliveryWindow, only.DeliveryWindow);
        Assert.Equal(linked.ProofOfDelivery, only.ProofOfDelivery);
        Assert.Equal(linked.StatedShippedAt, only.StatedShippedAt);
        Assert.Equal(["date-yesterday", "unshipped"], overdue.Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_shipment_change_marks_its_orders_and_an_order_decided_before_a_later_mark_stays_to_judge_again()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var link = new OrderLink("amazon", "o1");
        var moved = new OrderLink("amazon", "o2");
        await store.CommitOrderAsync(new OrderCommit(Order("o1"), 0, PayloadFor("o1")), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("o2"), 0, PayloadFor("o2")), Ct);

        var shipment = Shipment("1Z001") with { Order = link };
        await store.CommitAsync(LoggedInsert(shipment) with { OrdersToReview = [link] }, Ct);
        var read = await store.FindReviewMarkAsync(TenantA, "amazon", "o1", Ct);
        await store.CommitAsync(Update(shipment with { Version = 2, Order = moved }, 1, shipment.Status, PayloadFor("moved")) with { OrdersToReview = [link, moved] }, Ct);

        // Decided on what the second change replaced: stored all the same, and the order stays to judge again.
        var stored = (await store.FindOrderAsync(TenantA, "amazon", "o1", Ct))!;
        var stale = await store.CommitOrderAsync(
            new OrderCommit(stored.State with { Version = 2 }, stored.Revision, PayloadFor("stale")) { ReviewMark = read.Marked }, Ct);
        Assert.True(stale.ReviewPending);
        Assert.True(await store.RecordReviewedAsync(TenantA, "amazon", "o1", read.Marked, Ct));
        Assert.Equal(stored.Revision + 1, (await store.FindOrderAsync(TenantA, "amazon", "o1", Ct))!.Revision);
        Assert.Equal([$"{TenantA}/o1", $"{TenantA}/o2"], await PendingAsync());

        var current = await store.FindReviewMarkAsync(TenantA, "amazon", "o1", Ct);
        var judged = await store.CommitOrderAsync(
            new OrderCommit(stored.State with { Version = 3 }, stale.Revision, PayloadFor("current")) { ReviewMark = current.Marked }, Ct);
        Assert.False(judged.ReviewPending);
        Assert.False(await store.RecordReviewedAsync(TenantA, "amazon", "o2", (await store.FindReviewMarkAsync(TenantA, "amazon", "o2", Ct)).Marked, Ct));
        // A judgement that read the older mark and found nothing to change leaves the later judgement's count.
        Assert.False(await store.RecordReviewedAsync(TenantA, "amazon", "o1", read.Marked, Ct));

        Assert.Equal((2L, false), (current.Marked, (await store.FindReviewMarkAsync(TenantA, "amazon", "o1", Ct)).Pending));
        Assert.Empty(await PendingAsync());
        Assert.Equal(OrderReviewMark.None, await store.FindReviewMarkAsync(TenantB, "amazon", "o1", Ct));

        // A write decided on the older mark replaces what the later judgement stored: the order is to judge again.
        var older = await store.CommitOrderAsync(
            new OrderCommit(stored.State with { Version = 4 }, judged.Revision, PayloadFor("older")) { ReviewMark = read.Marked }, Ct);
        Assert.True(older.ReviewPending);
        Assert.Equal([$"{TenantA}/o1"], await PendingAsync());

        async Task<string[]> PendingAsync() =>
            (await store.ListOrdersToReviewAsync(10, Ct)).Select(o => $"{o.TenantId}/{o.Order.OrderId}").Order().ToArray();
    }

    [Fact]
    public async Task A_change_to_a_parcel_whose_order_is_not_stored_marks_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var never = new OrderLink("amazon", "never-imported");

        await store.CommitAsync(LoggedInsert(Shipment("1Z002") with { Order = never }) with { OrdersToReview = [never] }, Ct);

        Assert.Equal(OrderReviewMark.None, await store.FindReviewMarkAsync(TenantA, "amazon", "never-imported", Ct));
        Assert.Empty(await store.ListOrdersToReviewAsync(10, Ct));
    }

    [Fact]
    public async Task Marketplace_connections_are_replaced_per_channel_and_record_their_syncs()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "amazon", [1, 2, 3], ["A1"], T0, "", null, ""), Ct);
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "amazon", [4, 5], ["A1", "A2"], T0.AddHours(1), "", null, ""), Ct);
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantB, "shopify", [6], [], T0, "", null, ""), Ct);

        Assert.True(await store.RecordSyncAsync(TenantA, "amazon", T0.AddHours(1), "cursor-1", T0.AddHours(2), "", Ct));
        Assert.True(await store.RecordSyncAsync(TenantA, "amazon", T0.AddHours(1), "cursor-1", null, "HTTP 503 from the marketplace", Ct));

        var all = await store.ListConnectionsAsync(Ct);
        Assert.Equal(2, all.Count);
        var amazon = all.Single(c => c.Channel == "amazon");
        Assert.Equal(new byte[] { 4, 5 }, amazon.EncryptedCredentials);
        Assert.Equal(["A1", "A2"], amazon.MarketplaceIds);
        Assert.Equal(("cursor-1", T0.AddHours(2), "HTTP 503 from the marketplace"), (amazon.Cursor, amazon.LastSyncedAt, amazon.LastError));
    }

    [Fact]
    public async Task A_sync_of_a_connection_replaced_since_is_not_recorded()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "amazon", [1], ["A1"], T0, "", null, ""), Ct);
        // Connected again (another marketplace) while a round that read the first connection was running.
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "amazon", [2], ["A1", "A2"], T0.AddMinutes(1), "", null, ""), Ct);

        var stale = await store.RecordSyncAsync(TenantA, "amazon", T0, "cursor-of-the-old-connection", T0.AddMinutes(2), "", Ct);

        Assert.False(stale);
        var amazon = Assert.Single(await store.ListConnectionsAsync(Ct));
        Assert.Equal(("", null, ""), (amazon.Cursor, amazon.LastSyncedAt, amazon.LastError));
    }

    [Fact]
    public async Task A_deleted_connection_goes_with_its_credentials_and_a_round_that_read_it_records_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "amazon", [1, 2], ["A1"], T0, "", null, ""), Ct);
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantA, "shopify", [3], [], T0, "", null, ""), Ct);
        await store.SaveConnectionAsync(new MarketplaceConnectionRecord(TenantB, "amazon", [4], ["A1"], T0, "", null, ""), Ct);
        Assert.True(await store.RecordSyncAsync(TenantA, "amazon", T0, "cursor-1", T0.AddHours(1), "HTTP 401 from the marketplace", Ct));
        await store.CommitOrderAsync(new OrderCommit(Order("111-0000013-0000013"), 0, null), Ct);

        var deleted = await store.DeleteConnectionAsync(TenantA, "amazon", Ct);
        // A round that read the connection before it was deleted ends after it: it must not bring it back.
        var recorded = await store.RecordSyncAsync(TenantA, "amazon", T0, "cursor-2", T0.AddHours(2), "", Ct);
        var again = await store.DeleteConnectionAsync(TenantA, "amazon", Ct);

        Assert.NotNull(deleted);
        Assert.Equal((TenantA, "amazon", T0), (deleted.TenantId, deleted.Channel, deleted.ConnectedAt));
        Assert.Equal(new byte[] { 1, 2 }, deleted.EncryptedCredentials);
        Assert.Equal(("cursor-1", T0.AddHours(1), "HTTP 401 from the marketplace"), (deleted.Cursor, deleted.LastSyncedAt, deleted.LastError));
        Assert.False(recorded);
        Assert.Null(again);
        Assert.Null(await store.FindConnectionAsync(TenantA, "amazon", Ct));
        Assert.Equal([(TenantA, "shopify"), (TenantB, "amazon")],
            (await store.ListConnectionsAsync(Ct)).Select(c => (c.TenantId, c.Channel)));
        Assert.Equal(["shopify"], (await store.ListTenantConnectionsAsync(TenantA, Ct)).Select(c => c.Channel));
        Assert.Equal(new byte[] { 4 }, (await store.FindConnectionAsync(TenantB, "amazon", Ct))!.EncryptedCredentials);
        // The orders it imported stay.
        Assert.NotNull(await store.FindOrderAsync(TenantA, "amazon", "111-0000013-0000013", Ct));
    }

    [Fact]
    public async Task The_Prime_flag_is_stored_on_insert_changed_on_update_and_listed()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var prime = Order("111-0000009-0000009") with { IsPrime = true };
        await store.CommitOrderAsync(new OrderCommit(prime, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("111-0000010-0000010"), 0, null), Ct);

        var inserted = await store.FindOrderAsync(TenantA, "amazon", prime.OrderId, Ct);
        var listed = await store.ListOrdersAsync(TenantA, new OrderQuery("", FulfillmentChannel.Unspecified, [], "", null, null, 10, 0), Ct);
        await store.CommitOrderAsync(new OrderCommit(prime with { IsPrime = false, Version = 2 }, inserted!.Revision, null), Ct);
        var updated = await store.FindOrderAsync(TenantA, "amazon", prime.OrderId, Ct);

        Assert.True(inserted.State.IsPrime);
        Assert.Equal([("111-0000010-0000010", false), (prime.OrderId, true)], listed.Orders.Select(o => (o.OrderId, o.IsPrime)));
        Assert.False(updated!.State.IsPrime);
    }

    [Fact]
    public async Task An_order_name_round_trips_and_finds_its_orders_within_the_tenant_and_channel()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        OrderState Shopify(string id, string name, string tenant = TenantA) => Order(id, tenant) with { Channel = "shopify", OrderName = name };
        await store.CommitOrderAsync(new OrderCommit(Shopify("5820001001", "#1001"), 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Shopify("5820001002", "#1002"), 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Shopify("7770001001", "#1001", TenantB), 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("111-0000011-0000011") with { OrderName = "#1001" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("111-0000012-0000012"), 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("manual-a") with { Channel = "manual", OrderName = "W-7" }, 0, null), Ct);
        await store.CommitOrderAsync(new OrderCommit(Order("manual-b") with { Channel = "manual", OrderName = "W-7" }, 0, null), Ct);

        var byName = await store.FindOrdersByNameAsync(TenantA, "shopify", "#1001", Ct);
        var listed = await store.ListOrdersAsync(TenantA, new OrderQuery("shopify", FulfillmentChannel.Unspecified, [], "", null, null, 10, 0), Ct);
        var twice = await store.FindOrdersByNameAsync(TenantA, "manual", "W-7", Ct);
        var found = await store.FindOrderAsync(TenantA, "shopify", "5820001002", Ct);
        await store.CommitOrderAsync(new OrderCommit(found!.State with { OrderName = "#1002-R", Version = 2 }, found.Revision, null), Ct);

        var one = Assert.Single(byName);
        Assert.Equal(("5820001001", "#1001"), (one.State.OrderId, one.State.OrderName));
        Assert.Equal([("5820001002", "#1002"), ("5820001001", "#1001")], listed.Orders.Select(o => (o.OrderId, o.OrderName)));
        Assert.Equal(["manual-a", "manual-b"], twice.Select(o => o.State.OrderId));
        Assert.Equal("#1002", found.State.OrderName);
        Assert.Empty(await store.FindOrdersByNameAsync(TenantA, "shopify", "#1002", Ct));
        Assert.Equal("5820001002", Assert.Single(await store.FindOrdersByNameAsync(TenantA, "shopify", "#1002-R", Ct)).State.OrderId);
        Assert.Empty(await store.FindOrdersByNameAsync(TenantA, "shopify", "1001", Ct));
        Assert.Empty(await store.FindOrdersByNameAsync(TenantA, "ebay", "#1001", Ct));
        // Orders without a name all share the empty one: it must not find them.
        Assert.Empty(await store.FindOrdersByNameAsync(TenantA, "amazon", "", Ct));
        Assert.Equal("", (await store.FindOrderAsync(TenantA, "amazon", "111-0000012-0000012", Ct))!.State.OrderName);
    }
}
