using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>The change log: which commits are logged, their sequence numbers, and how readers query them.</summary>
public sealed class ChangeLogTests
{
    [Fact]
    public async Task A_commit_without_payload_gets_sequence_zero_and_logs_nothing()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001");

        var inserted = await store.CommitAsync(Insert(v1, payload: null), Ct);
        var bookkeeping = await store.CommitAsync(Update(v1 with { NextCheckAt = T0.AddHours(1) }, 1, v1.Status, payload: null), Ct);

        Assert.Equal(new CommitResult(1, 0), inserted with { CommittedAt = default });
        Assert.Equal(new CommitResult(2, 0), bookkeeping with { CommittedAt = default });
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));
        Assert.Empty(await store.ReadChangesAsync(ChangeQuery.All, 0, 100, Ct));
    }

    [Fact]
    public async Task Committed_at_is_stamped_when_the_change_is_committed_not_when_the_caller_built_it()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        // The caller's state says it was updated long ago (T0, in 2025); the change is committed now.
        var before = DateTimeOffset.UtcNow;

        var result = await store.CommitAsync(Insert(Shipment("1Z001"), PayloadFor("created")), Ct);

        var logged = Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct));
        Assert.InRange(result.CommittedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(result.CommittedAt, logged.CommittedAt);
    }

    [Fact]
    public async Task Logged_commits_get_sequences_1_2_3_in_commit_order_and_unlogged_ones_take_no_number()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var a = Shipment("1Z00A");
        var b = Shipment("1Z00B", TenantB);

        var results = new[]
        {
            await store.CommitAsync(Insert(a, PayloadFor("a created")), Ct),
            await store.CommitAsync(Update(a with { NextCheckAt = T0 }, 1, a.Status, payload: null), Ct),
            await store.CommitAsync(Insert(b, PayloadFor("b created")), Ct),
            await store.CommitAsync(Update(a with { Status = TrackingStatus.InTransit }, 2, a.Status, PayloadFor("a moved")), Ct),
        };

        Assert.Equal([1L, 0L, 2L, 3L], results.Select(r => r.Sequence));
        var log = await store.ReadChangesAsync(ChangeQuery.All, 0, 100, Ct);
        Assert.Equal([1L, 2L, 3L], log.Select(c => c.Sequence));
        Assert.Equal([a.Id, b.Id, a.Id], log.Select(c => c.ShipmentId));
        Assert.Equal(["a created", "b created", "a moved"], log.Select(c => System.Text.Encoding.UTF8.GetString(c.Payload)));
        Assert.Equal(3, await store.GetHeadSequenceAsync(Ct));
    }

    [Fact]
    public async Task A_change_record_round_trips_every_field_after_reopening()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var before = Shipment("1Z001") with { Status = TrackingStatus.InTransit };
        await store.CommitAsync(Insert(before), Ct);
        var after = before with
        {
            Status = TrackingStatus.OutForDelivery,
            Version = 7,
            UpdatedAt = T0.AddMinutes(3).AddTicks(77),
        };
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[] { 0, 0, 255 }).ToArray();
        const ChangeKinds kinds = ChangeKinds.StatusChanged | ChangeKinds.EventsAdded | ChangeKinds.EtaChanged | ChangeKinds.DetailsChanged;
        var committed = await store.CommitAsync(new ShipmentCommit(after, 1, [], kinds, TrackingStatus.InTransit, payload), Ct);

        store = await db.ReopenAsync(store);

        var change = Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct));
        Assert.Equal(1, change.Sequence);
        Assert.Equal(TenantA, change.TenantId);
        Assert.Equal(before.Id, change.ShipmentId);
        Assert.Equal(kinds, change.Kinds);
        Assert.Equal(TrackingStatus.InTransit, change.PreviousStatus);
        Assert.Equal(TrackingStatus.OutForDelivery, change.Status);
        Assert.Equal(7, change.Version);
        Assert.Equal(committed.CommittedAt, change.CommittedAt);
        Assert.Equal(committed.CommittedAt.UtcTicks, change.CommittedAt.UtcTicks);
        Assert.Equal(payload, change.Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200_000)]
    public async Task Payload_bytes_of_any_length_round_trip(int length)
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7)).ToArray();

        var result = await store.CommitAsync(Insert(Shipment("1Z001"), payload), Ct);

        Assert.Equal(1, result.Sequence);
        var change = Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct));
        Assert.Equal(payload, change.Payload);
    }

    [Fact]
    public async Task ReadChangesAsync_returns_changes_after_the_cursor_in_order_and_at_most_max()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await InsertLoggedAsync(store, 5, TenantA);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], await SequencesAsync(store, ChangeQuery.All, after: 0, max: 100));
        Assert.Equal([3L, 4L, 5L], await SequencesAsync(store, ChangeQuery.All, after: 2, max: 100));
        Assert.Equal([1L, 2L], await SequencesAsync(store, ChangeQuery.All, after: 0, max: 2));
        Assert.Equal([3L, 4L], await SequencesAsync(store, ChangeQuery.All, after: 2, max: 2));
        Assert.Equal([5L], await SequencesAsync(store, ChangeQuery.All, after: 4, max: 2));
        Assert.Empty(await SequencesAsync(store, ChangeQuery.All, after: 5, max: 100));
        Assert.Empty(await SequencesAsync(store, ChangeQuery.All, after: 99, max: 100));
    }

    [Fact]
    public async Task ReadChangesAsync_filters_by_tenant_and_applies_max_after_the_filter()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        // Log: 1 A, 2 B, 3 A, 4 B, 5 A, 6 B
        for (var i = 0; i < 3; i++)
        {
            await store.CommitAsync(LoggedInsert(Shipment($"A{i}", TenantA)), Ct);
            await store.CommitAsync(LoggedInsert(Shipment($"B{i}", TenantB)), Ct);
        }

        Assert.Equal([1L, 3L, 5L], await SequencesAsync(store, Changes(TenantA), after: 0, max: 100));
        Assert.Equal([2L, 4L, 6L], await SequencesAsync(store, Changes(TenantB), after: 0, max: 100));
        Assert.Equal([2L, 4L], await SequencesAsync(store, Changes(TenantB), after: 0, max: 2));
        Assert.Equal([4L, 6L], await SequencesAsync(store, Changes(TenantB), after: 2, max: 2));
        Assert.Empty(await SequencesAsync(store, Changes("tenant-c"), after: 0, max: 100));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], await SequencesAsync(store, Changes(tenant: null), after: 0, max: 100));
        Assert.All(await store.ReadChangesAsync(Changes(TenantA), 0, 100, Ct), c => Assert.Equal(TenantA, c.TenantId));
    }

    [Fact]
    public async Task ReadChangesAsync_filters_by_shipment_ids_within_the_tenant()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var s1 = Shipment("S1");
        var s2 = Shipment("S2");
        var s3 = Shipment("S3");
        var other = Shipment("S4", TenantB);
        foreach (var s in new[] { s1, s2, s3, other })
        {
            await store.CommitAsync(LoggedInsert(s), Ct); // 1..4
        }
        await store.CommitAsync(Update(s1 with { Version = 1 }, 1, s1.Status, PayloadFor("s1 again")), Ct); // 5

        var picked = await store.ReadChangesAsync(Changes(TenantA, [s1.Id, s3.Id]), 0, 100, Ct);

        Assert.Equal([1L, 3L, 5L], picked.Select(c => c.Sequence));
        Assert.Equal([s1.Id, s3.Id, s1.Id], picked.Select(c => c.ShipmentId));
        Assert.Empty(await store.ReadChangesAsync(Changes(TenantA, [other.Id]), 0, 100, Ct));
        Assert.Equal([4L], await SequencesAsync(store, Changes(null, [other.Id]), after: 0, max: 100));
        Assert.Empty(await store.ReadChangesAsync(Changes(TenantA, ["shp_unknown"]), 0, 100, Ct));
    }

    [Fact]
    public async Task ReadChangesAsync_filters_by_the_status_after_the_change()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var v1 = Shipment("1Z001"); // Pending
        var v2 = v1 with { Status = TrackingStatus.InTransit, Version = 1 };
        var v3 = v2 with { Status = TrackingStatus.Delivered, Version = 2 };
        await store.CommitAsync(LoggedInsert(v1), Ct); // 1: -> Pending
        await store.CommitAsync(Update(v2, 1, TrackingStatus.Pending, PayloadFor("2")), Ct); // 2: Pending -> InTransit
        await store.CommitAsync(Update(v3, 2, TrackingStatus.InTransit, PayloadFor("3")), Ct); // 3: InTransit -> Delivered

        var inTransit = Assert.Single(await store.ReadChangesAsync(Changes(statuses: [TrackingStatus.InTransit]), 0, 100, Ct));
        Assert.Equal(2, inTransit.Sequence);
        Assert.Equal(TrackingStatus.Pending, inTransit.PreviousStatus);
        Assert.Equal(TrackingStatus.InTransit, inTransit.Status);
        Assert.Equal([1L, 3L], await SequencesAsync(store, Changes(statuses: [TrackingStatus.Pending, TrackingStatus.Delivered]), 0, 100));
        Assert.Empty(await store.ReadChangesAsync(Changes(statuses: [TrackingStatus.Lost]), 0, 100, Ct));
        Assert.Equal([3L], await SequencesAsync(store, Changes(TenantA, [v1.Id], [TrackingStatus.Delivered]), 0, 100));
        Assert.Empty(await store.ReadChangesAsync(Changes(TenantB, [v1.Id], [TrackingStatus.Delivered]), 0, 100, Ct));
    }

    [Fact]
    public async Task GetHeadSequenceAsync_is_zero_when_empty_and_the_last_logged_sequence_after()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));

        await InsertLoggedAsync(store, 3, TenantA);
        Assert.Equal(3, await store.GetHeadSequenceAsync(Ct));

        await store.CommitAsync(Insert(Shipment("unlogged"), payload: null), Ct);
        Assert.Equal(3, await store.GetHeadSequenceAsync(Ct));

        await InsertLoggedAsync(store, 1, TenantB);
        Assert.Equal(4, await store.GetHeadSequenceAsync(Ct));
    }

    private static async Task InsertLoggedAsync(SqlShipmentStore store, int count, string tenant)
    {
        for (var i = 0; i < count; i++)
        {
            await store.CommitAsync(LoggedInsert(Shipment($"{tenant}-{Guid.NewGuid():N}", tenant)), Ct);
        }
    }

    private static async Task<IEnumerable<long>> SequencesAsync(SqlShipmentStore store, ChangeQuery query, long after, int max) =>
        (await store.ReadChangesAsync(query, after, max, Ct)).Select(c => c.Sequence).ToList();
}
