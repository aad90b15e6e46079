using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>Inserts, updates and the optimistic-concurrency and uniqueness rules of <c>CommitAsync</c>.</summary>
public sealed class CommitTests
{
    [Fact]
    public async Task Insert_with_expected_revision_zero_returns_revision_one()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var state = Shipment("1Z001");

        var result = await store.CommitAsync(LoggedInsert(state), Ct);

        Assert.Equal(new CommitResult(Revision: 1, Sequence: 1), result with { CommittedAt = default });
        Assert.Equal(1, (await store.FindAsync(TenantA, state.Id, Ct))!.Revision);
    }

    [Fact]
    public async Task An_update_links_relinks_and_unlinks_the_order_and_keeps_it_otherwise()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var state = Shipment("1Z001");
        await store.CommitAsync(Insert(state), Ct);
        var revision = 1L;
        // SQLite sets the link with a statement of its own, only when it changes: each step must still land.
        foreach (var link in new[] { new OrderLink("amazon", "o-1"), new OrderLink("amazon", "o-1"), new OrderLink("shopify", "o-1"), OrderLink.None })
        {
            state = state with { Order = link, Version = state.Version + 1 };
            revision = (await store.CommitAsync(Update(state, revision, state.Status, null), Ct)).Revision;

            StateAssert.Equal(state, (await store.FindAsync(TenantA, state.Id, Ct))?.State);
        }
        Assert.Equal(5, revision);
    }

    [Fact]
    public async Task Inserting_the_same_tenant_carrier_and_number_again_throws_and_writes_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var original = Shipment("1Z001");
        await store.CommitAsync(LoggedInsert(original), Ct);
        var duplicate = Shipment("1Z001") with { Status = TrackingStatus.InTransit, NextCheckAt = T0 };

        await Assert.ThrowsAsync<DuplicateShipmentException>(() =>
            store.CommitAsync(Insert(duplicate, PayloadFor("dup"), Scan(T0.AddHours(-1))), Ct));

        Assert.Equal(1, await store.GetHeadSequenceAsync(Ct));
        Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct));
        Assert.Null(await store.FindAsync(TenantA, duplicate.Id, Ct));
        Assert.Empty(await store.GetEventsAsync(duplicate.Id, Ct));
        var stored = await store.FindByNumberAsync(TenantA, "ups", "1Z001", Ct);
        StateAssert.Equal(original, stored?.State);
        Assert.Equal(1, stored!.Revision);
        StateAssert.Ids([original], (await store.ListAsync(TenantA, Query(), Ct)).Shipments);
    }

    [Fact]
    public async Task A_rejected_duplicate_does_not_use_up_a_sequence_number()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitAsync(LoggedInsert(Shipment("1Z001")), Ct);
        await Assert.ThrowsAsync<DuplicateShipmentException>(() => store.CommitAsync(LoggedInsert(Shipment("1Z001")), Ct));

        var next = await store.CommitAsync(LoggedInsert(Shipment("1Z002")), Ct);

        Assert.Equal(2, next.Sequence);
        Assert.Equal([1L, 2L], (await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct)).Select(c => c.Sequence));
    }

    [Theory]
    [InlineData(TenantB, "ups")] // another tenant
    [InlineData(TenantA, "dhl")] // another carrier
    public async Task The_same_number_is_allowed_for_another_tenant_or_carrier(string tenant, string carrier)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var first = Shipment("1Z001", TenantA, "ups");
        var second = Shipment("1Z001", tenant, carrier);

        await store.CommitAsync(LoggedInsert(first), Ct);
        var result = await store.CommitAsync(LoggedInsert(second), Ct);

        Assert.Equal(new CommitResult(1, 2), result with { CommittedAt = default });
        StateAssert.Equal(first, (await store.FindByNumberAsync(TenantA, "ups", "1Z001", Ct))?.State);
        StateAssert.Equal(second, (await store.FindByNumberAsync(tenant, carrier, "1Z001", Ct))?.State);
    }

    [Fact]
    public async Task Update_with_the_current_revision_increments_it_each_time()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        await store.CommitAsync(Insert(v1), Ct);
        var v2 = v1 with { Status = TrackingStatus.InTransit, Version = 1, UpdatedAt = T0.AddMinutes(1) };
        var v3 = v2 with { Status = TrackingStatus.Delivered, Version = 2, UpdatedAt = T0.AddMinutes(2) };

        var r2 = await store.CommitAsync(Update(v2, 1, v1.Status), Ct);
        var r3 = await store.CommitAsync(Update(v3, 2, v2.Status), Ct);

        Assert.Equal(2, r2.Revision);
        Assert.Equal(3, r3.Revision);
        var stored = await store.FindAsync(TenantA, v1.Id, Ct);
        Assert.Equal(3, stored!.Revision);
        StateAssert.Equal(v3, stored.State);
    }

    [Theory]
    [InlineData(1)] // read before the last write
    [InlineData(3)] // a revision the row never had
    public async Task Update_with_a_stale_revision_throws_and_writes_nothing(long staleRevision)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        var firstScan = Scan(T0.AddHours(-3), rawCode: "A");
        await store.CommitAsync(Insert(v1, PayloadFor("c1"), firstScan), Ct);
        var v2 = v1 with { Status = TrackingStatus.InTransit, Version = 1, UpdatedAt = T0.AddMinutes(1), NextCheckAt = T0.AddHours(1) };
        await store.CommitAsync(Update(v2, 1, v1.Status, PayloadFor("c2")), Ct);
        var eventsBefore = await store.GetEventsAsync(v1.Id, Ct);

        var loser = v1 with { Status = TrackingStatus.Exception, Version = 1, UpdatedAt = T0.AddMinutes(5), NextCheckAt = T0 };
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(Update(loser, staleRevision, v1.Status, PayloadFor("lost"), Scan(T0.AddHours(-2), rawCode: "B")), Ct));

        Assert.Contains(v1.Id, error.Message);
        var stored = await store.FindAsync(TenantA, v1.Id, Ct);
        Assert.Equal(2, stored!.Revision);
        StateAssert.Equal(v2, stored.State);
        Assert.Equal(eventsBefore, await store.GetEventsAsync(v1.Id, Ct));
        Assert.Equal(2, await store.GetHeadSequenceAsync(Ct));
        Assert.Equal([1L, 2L], (await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct)).Select(c => c.Sequence));
    }

    [Fact]
    public async Task Updating_a_shipment_that_does_not_exist_is_a_conflict()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ghost = Shipment("1Z404");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(Update(ghost, 1, TrackingStatus.Pending, PayloadFor("x")), Ct));

        Assert.Null(await store.FindAsync(TenantA, ghost.Id, Ct));
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));
    }

    [Fact]
    public async Task An_update_cannot_change_another_tenants_row_even_with_the_right_revision()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var owned = Shipment("1Z001", TenantA);
        await store.CommitAsync(Insert(owned), Ct);
        var hijack = owned with { TenantId = TenantB, Status = TrackingStatus.Lost };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(Update(hijack, 1, owned.Status, PayloadFor("x")), Ct));

        var stored = await store.FindAsync(TenantA, owned.Id, Ct);
        StateAssert.Equal(owned, stored?.State);
        Assert.Equal(1, stored!.Revision);
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));
    }

    [Fact]
    public async Task The_store_keeps_working_after_a_failed_commit()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");
        await store.CommitAsync(LoggedInsert(v1), Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(Update(v1, 7, v1.Status, PayloadFor("x")), Ct));
        await Assert.ThrowsAsync<DuplicateShipmentException>(() => store.CommitAsync(LoggedInsert(Shipment("1Z001")), Ct));

        var v2 = v1 with { Status = TrackingStatus.InTransit, Version = 1 };
        var result = await store.CommitAsync(Update(v2, 1, v1.Status, PayloadFor("ok")), Ct);

        Assert.Equal(new CommitResult(2, 2), result with { CommittedAt = default });
        StateAssert.Equal(v2, (await store.FindAsync(TenantA, v1.Id, Ct))?.State);
    }
}
