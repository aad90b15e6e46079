using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>Tenant-scoped lookups and listing: FindAsync, FindByNumberAsync, ListAsync.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task FindAsync_with_another_tenants_id_returns_null()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var theirs = Shipment("1Z001", TenantB);
        await store.CommitAsync(Insert(theirs), Ct);

        Assert.Null(await store.FindAsync(TenantA, theirs.Id, Ct));
        Assert.Null(await store.FindByNumberAsync(TenantA, "ups", "1Z001", Ct));
        StateAssert.Equal(theirs, (await store.FindAsync(TenantB, theirs.Id, Ct))?.State);
    }

    [Fact]
    public async Task Find_returns_null_for_unknown_shipments()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitAsync(Insert(Shipment("1Z001")), Ct);

        Assert.Null(await store.FindAsync(TenantA, "shp_unknown", Ct));
        Assert.Null(await store.FindByNumberAsync(TenantA, "ups", "1Z999", Ct));
        Assert.Null(await store.FindByNumberAsync(TenantA, "dhl", "1Z001", Ct));
    }

    [Fact]
    public async Task ListByNumberEndsAsync_finds_the_carriers_numbers_of_the_lengths_with_that_start_and_ending_in_the_tenant_only()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        const string printed = "9101026837331000039521";
        var zip5 = Shipment("42022153" + printed, TenantA, "usps");
        var zip9 = Shipment("420221531234" + printed, TenantA, "usps") with { CreatedAt = T0.AddMinutes(1) };
        var bare = Shipment(printed, TenantA, "usps");
        var otherCarrier = Shipment("42099999" + printed, TenantA, "fedex");
        var otherStart = Shipment("43022153" + printed, TenantA, "usps");
        var theirs = Shipment("42011111" + printed, TenantB, "usps");
        foreach (var shipment in new[] { zip5, zip9, bare, otherCarrier, otherStart, theirs })
        {
            await store.CommitAsync(Insert(shipment), Ct);
        }

        var found = await store.ListByNumberEndsAsync(TenantA, "usps", "420", printed, [30, 34], 10, Ct);

        Assert.Equal([zip5.Id, zip9.Id], found.Select(s => s.State.Id));
        Assert.Equal(zip5.Id, Assert.Single(await store.ListByNumberEndsAsync(TenantA, "usps", "420", printed, [30], 10, Ct)).State.Id);
        Assert.Single(await store.ListByNumberEndsAsync(TenantA, "usps", "420", printed, [30, 34], 1, Ct));
        // The start and ending are matched literally: a LIKE wildcard in them is no wildcard.
        Assert.Empty(await store.ListByNumberEndsAsync(TenantA, "usps", "4_0", printed, [30, 34], 10, Ct));
        Assert.Empty(await store.ListByNumberEndsAsync(TenantA, "usps", "420", "%" + printed[1..], [30, 34], 10, Ct));
        Assert.Equal(theirs.Id, Assert.Single(await store.ListByNumberEndsAsync(TenantB, "usps", "420", printed, [30, 34], 10, Ct)).State.Id);
    }

    [Fact]
    public async Task ListByNumberAsync_finds_a_number_under_any_carrier_and_after_a_carrier_id_in_the_tenant_only()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        // An FBA report's SMARTPOST parcel is stored as fedex; detection reads the same 91… number as USPS.
        var fedex = Shipment("9102901001301798807420", TenantA, "fedex");
        var usps = Shipment("9102901001301798807420", TenantA, "usps") with { CreatedAt = T0.AddMinutes(1) };
        var amazon = Shipment("AMZN_US:TBA000000000020", TenantA, "amazon");
        var theirs = Shipment("TBA000000000020", TenantB, "amazon");
        foreach (var shipment in new[] { fedex, usps, amazon, theirs })
        {
            await store.CommitAsync(Insert(shipment), Ct);
        }

        var both = await store.ListByNumberAsync(TenantA, "9102901001301798807420", 10, Ct);
        var capped = await store.ListByNumberAsync(TenantA, "9102901001301798807420", 1, Ct);
        var bare = await store.ListByNumberAsync(TenantA, "TBA000000000020", 10, Ct);
        var prefixed = await store.ListByNumberAsync(TenantA, "AMZN_US:TBA000000000020", 10, Ct);

        Assert.Equal([fedex.Id, usps.Id], both.Select(s => s.State.Id));
        Assert.Single(capped);
        Assert.Equal(amazon.Id, Assert.Single(bare).State.Id);
        Assert.Equal(amazon.Id, Assert.Single(prefixed).State.Id);
        Assert.Empty(await store.ListByNumberAsync(TenantA, "TBA00000000002", 10, Ct));
        Assert.Empty(await store.ListByNumberAsync(TenantA, "US:TBA000000000020", 10, Ct));
        Assert.Equal(theirs.Id, Assert.Single(await store.ListByNumberAsync(TenantB, "TBA000000000020", 10, Ct)).State.Id);
    }

    [Fact]
    public async Task ListAsync_returns_only_the_tenants_shipments()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var a1 = Shipment("A1", TenantA);
        var b1 = Shipment("B1", TenantB);
        var a2 = Shipment("A2", TenantA);
        foreach (var s in new[] { a1, b1, a2 })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        var page = await store.ListAsync(TenantA, Query(), Ct);

        StateAssert.Ids([a1, a2], page.Shipments);
        Assert.Equal(0, page.NextKey);
        Assert.Empty((await store.ListAsync("tenant-c", Query(), Ct)).Shipments);
    }

    [Fact]
    public async Task ListAsync_order_is_stable_insertion_order_unaffected_by_updates()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var s = new[] { Shipment("Z"), Shipment("A"), Shipment("M") };
        foreach (var state in s)
        {
            await store.CommitAsync(Insert(state), Ct);
        }
        var before = await store.ListAsync(TenantA, Query(), Ct);

        var moved = s[0] with { Status = TrackingStatus.Delivered, UpdatedAt = T0.AddDays(1) };
        await store.CommitAsync(Update(moved, 1, s[0].Status), Ct);
        var after = await store.ListAsync(TenantA, Query(), Ct);

        StateAssert.Ids(s, before.Shipments);
        StateAssert.Ids(s, after.Shipments);
        StateAssert.Equal(moved, after.Shipments[0]);
    }

    [Theory]
    [InlineData(7, 3, new[] { 3, 3, 1 })]
    [InlineData(6, 3, new[] { 3, 3 })] // a full last page still ends the listing: no empty extra page
    [InlineData(2, 5, new[] { 2 })]
    [InlineData(4, 1, new[] { 1, 1, 1, 1 })]
    public async Task ListAsync_pages_through_everything_once_with_NextKey_zero_on_the_last_page(int count, int pageSize, int[] pageSizes)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var mine = new List<ShipmentState>();
        for (var i = 0; i < count; i++)
        {
            // Other tenants' rows in between must not disturb the keys.
            await store.CommitAsync(Insert(Shipment($"B{i}", TenantB)), Ct);
            var state = Shipment($"A{i}", TenantA);
            mine.Add(state);
            await store.CommitAsync(Insert(state), Ct);
        }

        var pages = await ListAllPagesAsync(store, TenantA, Query(pageSize: pageSize));

        Assert.Equal(pageSizes, pages.Select(p => p.Shipments.Count));
        Assert.All(pages.SkipLast(1), p => Assert.NotEqual(0, p.NextKey));
        Assert.Equal(0, pages[^1].NextKey);
        StateAssert.Ids(mine, pages.SelectMany(p => p.Shipments));
    }

    [Fact]
    public async Task ListAsync_on_an_empty_tenant_returns_an_empty_last_page()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();

        var page = await store.ListAsync(TenantA, Query(pageSize: 10), Ct);

        Assert.Empty(page.Shipments);
        Assert.Equal(0, page.NextKey);
    }

    [Fact]
    public async Task ListAsync_filters_by_statuses_and_pages_within_the_filter()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var statuses = new[]
        {
            TrackingStatus.InTransit, TrackingStatus.Delivered, TrackingStatus.Pending, TrackingStatus.InTransit,
            TrackingStatus.Exception, TrackingStatus.Delivered, TrackingStatus.InTransit,
        };
        var all = new List<ShipmentState>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var state = Shipment($"S{i}") with { Status = statuses[i] };
            all.Add(state);
            await store.CommitAsync(Insert(state), Ct);
        }
        TrackingStatus[] wanted = [TrackingStatus.InTransit, TrackingStatus.Exception];
        var expected = all.Where(s => wanted.Contains(s.Status)).ToList();

        var onePage = await store.ListAsync(TenantA, Query(statuses: wanted), Ct);
        var pages = await ListAllPagesAsync(store, TenantA, Query(pageSize: 2, statuses: wanted));

        StateAssert.Ids(expected, onePage.Shipments);
        Assert.Equal([2, 2], pages.Select(p => p.Shipments.Count));
        StateAssert.Ids(expected, pages.SelectMany(p => p.Shipments));
        StateAssert.Ids(all, (await store.ListAsync(TenantA, Query(statuses: []), Ct)).Shipments);
        Assert.Empty((await store.ListAsync(TenantA, Query(statuses: [TrackingStatus.Lost]), Ct)).Shipments);
    }

    [Fact]
    public async Task ListAsync_filters_by_order_id()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var o1a = Shipment("1") with { Order = new OrderLink("shopify", "o-1") };
        var o2 = Shipment("2") with { Order = new OrderLink("shopify", "o-2") };
        var none = Shipment("3");
        var o1b = Shipment("4") with { Order = new OrderLink("amazon", "o-1") };
        var otherTenant = Shipment("5", TenantB) with { Order = new OrderLink("shopify", "o-1") };
        foreach (var s in new[] { o1a, o2, none, o1b, otherTenant })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        StateAssert.Ids([o1a, o1b], (await store.ListAsync(TenantA, Query(orderId: "o-1"), Ct)).Shipments);
        StateAssert.Ids([o2], (await store.ListAsync(TenantA, Query(orderId: "o-2"), Ct)).Shipments);
        Assert.Empty((await store.ListAsync(TenantA, Query(orderId: "o-9"), Ct)).Shipments);
        StateAssert.Ids([o1a, o2, none, o1b], (await store.ListAsync(TenantA, Query(orderId: null), Ct)).Shipments);
        StateAssert.Ids([o1a, o2, none, o1b], (await store.ListAsync(TenantA, Query(orderId: ""), Ct)).Shipments);
    }

    [Fact]
    public async Task ListAsync_filters_by_updated_since_inclusively()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var early = Shipment("E") with { UpdatedAt = T0 };
        var boundary = Shipment("B") with { UpdatedAt = T0.AddHours(1) };
        var late = Shipment("L") with { UpdatedAt = T0.AddHours(2) };
        foreach (var s in new[] { early, boundary, late })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        StateAssert.Ids([boundary, late], (await store.ListAsync(TenantA, Query(updatedSince: T0.AddHours(1)), Ct)).Shipments);
        StateAssert.Ids([late], (await store.ListAsync(TenantA, Query(updatedSince: T0.AddHours(1).AddTicks(1)), Ct)).Shipments);
        // The same instant expressed in another offset.
        StateAssert.Ids([boundary, late], (await store.ListAsync(TenantA, Query(updatedSince: T0.AddHours(1).ToOffset(TimeSpan.FromHours(-7))), Ct)).Shipments);

        // A logged update moves a shipment into the window.
        await store.CommitAsync(Update(early with { UpdatedAt = T0.AddHours(3) }, 1, early.Status, PayloadFor("early")), Ct);
        StateAssert.Ids([early, late], (await store.ListAsync(TenantA, Query(updatedSince: T0.AddHours(2)), Ct)).Shipments);
    }

    [Fact]
    public async Task ListAsync_updated_since_the_greatest_updated_at_seen_finds_a_change_built_before_it_but_committed_after_the_read()
    {
        await using var db = new TestDatabase();
        var clock = new FakeTimeProvider(T0);
        var store = await db.OpenAsync(clock);
        var slow = Shipment("SLOW");
        var quick = Shipment("QUICK");
        await store.CommitAsync(LoggedInsert(slow), Ct);
        await store.CommitAsync(LoggedInsert(quick), Ct);
        // Two changes built 50 ms apart; the earlier one waits for its turn to write and commits after the later one
        // has been committed and read.
        var builtFirst = slow with { Status = TrackingStatus.InTransit, Version = 2, UpdatedAt = T0.AddSeconds(1) };
        var builtSecond = quick with { Status = TrackingStatus.InTransit, Version = 2, UpdatedAt = T0.AddSeconds(1).AddMilliseconds(50) };
        clock.SetUtcNow(T0.AddSeconds(1).AddMilliseconds(60));
        await store.CommitAsync(Update(builtSecond, 1, quick.Status, PayloadFor("quick")), Ct);
        var read = await store.ListAsync(TenantA, Query(), Ct);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        await store.CommitAsync(Update(builtFirst, 1, slow.Status, PayloadFor("slow")), Ct);

        var greatestSeen = read.Shipments.Max(s => s.UpdatedAt);
        var poll = await store.ListAsync(TenantA, Query(updatedSince: greatestSeen), Ct);

        Assert.Equal(builtSecond.UpdatedAt, greatestSeen);
        // The late change is found, with the time it was built; the change already seen may come again.
        StateAssert.Ids([slow, quick], poll.Shipments);
        StateAssert.Equal(builtFirst, poll.Shipments[0]);
        StateAssert.Equal(builtSecond, poll.Shipments[1]);
    }

    [Fact]
    public async Task ListAsync_updated_since_from_the_first_page_finds_a_change_committed_to_an_earlier_page_while_paging()
    {
        await using var db = new TestDatabase();
        var clock = new FakeTimeProvider(T0);
        var store = await db.OpenAsync(clock);
        var first = Shipment("1");
        var second = Shipment("2");
        await store.CommitAsync(LoggedInsert(first), Ct);
        await store.CommitAsync(LoggedInsert(second), Ct);
        var page1 = await store.ListAsync(TenantA, Query(pageSize: 1), Ct);
        // While the client pages on, the shipment it has already read changes, and then the one it is about to read.
        clock.Advance(TimeSpan.FromSeconds(1));
        var firstChanged = first with { Status = TrackingStatus.InTransit, Version = 2, UpdatedAt = clock.GetUtcNow() };
        await store.CommitAsync(Update(firstChanged, 1, first.Status, PayloadFor("first")), Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        var secondChanged = second with { Status = TrackingStatus.InTransit, Version = 2, UpdatedAt = clock.GetUtcNow() };
        await store.CommitAsync(Update(secondChanged, 1, second.Status, PayloadFor("second")), Ct);
        var page2 = await store.ListAsync(TenantA, Query(pageSize: 1, afterKey: page1.NextKey), Ct);

        var poll = await store.ListAsync(TenantA, Query(updatedSince: page1.Shipments.Max(s => s.UpdatedAt)), Ct);

        StateAssert.Ids([first], page1.Shipments);
        StateAssert.Equal(secondChanged, Assert.Single(page2.Shipments));
        // The first page's greatest updated_at is the one to poll from: page 2's, read later, is past the change to
        // the shipment of page 1, which this pass never showed.
        Assert.True(page2.Shipments[0].UpdatedAt > firstChanged.UpdatedAt);
        StateAssert.Ids([first, second], poll.Shipments);
        StateAssert.Equal(firstChanged, poll.Shipments[0]);
    }

    [Fact]
    public async Task ListAsync_updated_since_does_not_list_a_shipment_again_for_bookkeeping_or_a_lease()
    {
        await using var db = new TestDatabase();
        var clock = new FakeTimeProvider(T0);
        var store = await db.OpenAsync(clock);
        var shipment = Shipment("1") with { NextCheckAt = T0.AddMinutes(5) };
        await store.CommitAsync(LoggedInsert(shipment), Ct);
        var after = T0.AddTicks(1);
        Assert.Empty((await store.ListAsync(TenantA, Query(updatedSince: after), Ct)).Shipments);

        // Stored without a change-log entry: the next check time and a failed carrier call.
        clock.Advance(TimeSpan.FromMinutes(10));
        await store.CommitAsync(Update(shipment with { NextCheckAt = T0.AddMinutes(20), ConsecutiveFailures = 1 }, 1, shipment.Status), Ct);
        var leased = await store.LeaseDueAsync(T0.AddMinutes(30), TimeSpan.FromMinutes(5), 10, Ct);
        Assert.Single(await store.LeaseDueAsync(T0.AddMinutes(40), TimeSpan.FromMinutes(5), 10, Ct));
        await store.ReleaseLeasesAsync([shipment.Id], T0.AddMinutes(45), Ct);

        Assert.Single(leased);
        Assert.Empty((await store.ListAsync(TenantA, Query(updatedSince: after), Ct)).Shipments);
        StateAssert.Ids([shipment], (await store.ListAsync(TenantA, Query(updatedSince: T0), Ct)).Shipments);
    }

    [Fact]
    public async Task ListAsync_combines_filters()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var match = Shipment("1") with { Status = TrackingStatus.InTransit, Order = new OrderLink("s", "o-1"), UpdatedAt = T0.AddHours(1) };
        var wrongStatus = match with { Id = "shp_2", TrackingNumber = "2", Status = TrackingStatus.Delivered };
        var wrongOrder = match with { Id = "shp_3", TrackingNumber = "3", Order = new OrderLink("s", "o-2") };
        var tooOld = match with { Id = "shp_4", TrackingNumber = "4", UpdatedAt = T0 };
        foreach (var s in new[] { match, wrongStatus, wrongOrder, tooOld })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        var page = await store.ListAsync(TenantA, Query(statuses: [TrackingStatus.InTransit], orderId: "o-1", updatedSince: T0.AddMinutes(30)), Ct);

        StateAssert.Ids([match], page.Shipments);
    }

    private static async Task<List<ShipmentPage>> ListAllPagesAsync(SqlShipmentStore store, string tenant, ShipmentQuery first)
    {
        var pages = new List<ShipmentPage>();
        var query = first;
        while (true)
        {
            var page = await store.ListAsync(tenant, query, Ct);
            pages.Add(page);
            if (page.NextKey == 0)
            {
                return pages;
            }
            Assert.True(pages.Count <= 100, "paging does not terminate");
            query = query with { AfterKey = page.NextKey };
        }
    }
}
