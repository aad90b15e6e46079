using System.Collections.Concurrent;
using System.Text;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// Many writers at once: the change log must stay gap-free and in commit order, and a reader must never see sequence
/// N+1 before N (DESIGN.md §7).
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Writers = 8;
    private const int CommitsPerWriter = 50;
    private const int Total = Writers * CommitsPerWriter;

    /// <summary>Fails a hung test instead of blocking the run forever.</summary>
    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Concurrent_inserts_produce_a_gap_free_log_matching_each_shipment()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = Deadline();

        var committed = await InsertConcurrentlyAsync(store, ct);

        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), committed.Keys.Order());
        Assert.Equal(Total, await store.GetHeadSequenceAsync(ct));
        var log = await store.ReadChangesAsync(ChangeQuery.All, 0, Total + 10, ct);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), log.Select(c => c.Sequence));
        // Stamped at commit, so commit order (the sequence) is also time order.
        Assert.Equal(log.Select(c => c.CommittedAt).Order(), log.Select(c => c.CommittedAt));
        foreach (var change in log)
        {
            var state = committed[change.Sequence];
            Assert.Equal(state.Id, change.ShipmentId);
            Assert.Equal(state.TenantId, change.TenantId);
            Assert.Equal(state.Status, change.Status);
            Assert.Equal(state.Version, change.Version);
            Assert.Equal(state.Id, Encoding.UTF8.GetString(change.Payload));
            Assert.Equal(1, (await store.FindAsync(state.TenantId, state.Id, ct))?.Revision);
        }
    }

    [Fact]
    public async Task A_reader_polling_during_concurrent_commits_never_sees_a_gap()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = Deadline();

        var writers = InsertConcurrentlyAsync(store, ct);
        var reader = Task.Run(() => ReadUntilAsync(store, writers, ct), ct);

        await Task.WhenAll(writers, reader);
        var batches = await reader;
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), batches.SelectMany(b => b));
    }

    [Fact]
    public async Task A_template_saved_at_once_through_two_store_instances_gets_one_version_per_save()
    {
        // Two nodes (or processes) saving the same template: each save reads the highest version and adds one.
        await using var db = new TestDatabase();
        var first = await db.OpenAsync();
        var second = await db.OpenAsync();
        var ct = Deadline();

        var saves = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).SaveTemplateAsync(TenantA, "where_is_my_order", "en", "amazon", $"body {i}", T0, ct), ct)));

        Assert.Equal(Enumerable.Range(1, 20), saves.Select(s => s.Version).Order());
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_share_one_gap_free_sequence()
    {
        // Two instances stand in for two server processes: each has its own writer connection and write lock.
        await using var db = new TestDatabase();
        var first = await db.OpenAsync();
        var second = await db.OpenAsync();
        var ct = Deadline();
        const int perStore = 60;

        async Task<List<(long Sequence, ShipmentState State)>> WriteAsync(SqlShipmentStore store, string tenant)
        {
            var results = new List<(long, ShipmentState)>();
            for (var i = 0; i < perStore; i++)
            {
                var state = Shipment($"{tenant}-{i:D3}", tenant);
                results.Add(((await store.CommitAsync(LoggedInsert(state), ct)).Sequence, state));
            }
            return results;
        }

        var writers = Task.WhenAll(Task.Run(() => WriteAsync(first, TenantA), ct), Task.Run(() => WriteAsync(second, TenantB), ct));
        var reader = Task.Run(() => ReadUntilAsync(first, writers, ct, 2 * perStore), ct);
        var committed = (await writers).SelectMany(r => r).ToDictionary(r => r.Sequence, r => r.State);
        await reader;

        Assert.Equal(Enumerable.Range(1, 2 * perStore).Select(i => (long)i), committed.Keys.Order());
        var log = await second.ReadChangesAsync(ChangeQuery.All, 0, 1000, ct);
        Assert.Equal(committed.Keys.Order(), log.Select(c => c.Sequence));
        Assert.All(log, c => Assert.Equal(committed[c.Sequence].Id, c.ShipmentId));
    }

    [Fact]
    public async Task Concurrent_updates_from_the_same_revision_let_exactly_one_win()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = Deadline();
        var v1 = Shipment("1Z001");
        await store.CommitAsync(LoggedInsert(v1), ct);

        var attempts = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var mine = v1 with { StatusDetail = $"writer-{i}", Version = 1 };
            try
            {
                await store.CommitAsync(Update(mine, 1, v1.Status, PayloadFor(mine.StatusDetail)), ct);
                return mine;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }, ct)).ToList();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        var stored = await store.FindAsync(TenantA, v1.Id, ct);
        Assert.Equal(2, stored!.Revision);
        StateAssert.Equal(winner!, stored.State);
        var log = await store.ReadChangesAsync(ChangeQuery.All, 0, 100, ct);
        Assert.Equal([1L, 2L], log.Select(c => c.Sequence));
        Assert.Equal(winner!.StatusDetail, Encoding.UTF8.GetString(log[1].Payload));
    }

    [Fact]
    public async Task Failing_writes_among_concurrent_ones_fail_alone_and_leave_the_log_gap_free()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = Deadline();
        var shipments = Enumerable.Range(0, 16 * Writers).Select(i => Shipment($"1ZMIX{i:D3}")).ToList();
        foreach (var s in shipments)
        {
            await store.CommitAsync(LoggedInsert(s), ct);
        }

        // Released together, the writes queue behind one another and commit in shared transactions. Every other one
        // names a revision the row does not have: it must fail, and only it.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = shipments.Select((s, i) => Task.Run(async () =>
        {
            await go.Task;
            var changed = s with { StatusDetail = $"write-{i}", Version = 1 };
            try
            {
                await store.CommitAsync(Update(changed, i % 2 == 0 ? 1 : 7, s.Status, PayloadFor(changed.StatusDetail)), ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }, ct)).ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(shipments.Select((_, i) => i % 2 == 0), outcomes);
        for (var i = 0; i < shipments.Count; i++)
        {
            var stored = await store.FindAsync(TenantA, shipments[i].Id, ct);
            Assert.Equal(i % 2 == 0 ? 2 : 1, stored!.Revision);
        }
        var log = await store.ReadChangesAsync(ChangeQuery.All, 0, 1000, ct);
        Assert.Equal(Enumerable.Range(1, shipments.Count * 3 / 2).Select(i => (long)i), log.Select(c => c.Sequence));
        Assert.Equal(shipments.Count / 2, log.Count(c => Encoding.UTF8.GetString(c.Payload).StartsWith("write-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_inserts_of_the_same_number_let_exactly_one_win()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = Deadline();

        var attempts = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            var state = Shipment("1Z-RACE");
            try
            {
                await store.CommitAsync(LoggedInsert(state), ct);
                return state;
            }
            catch (DuplicateShipmentException)
            {
                return null;
            }
        }, ct)).ToList();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        StateAssert.Equal(winner!, (await store.FindByNumberAsync(TenantA, "ups", "1Z-RACE", ct))?.State);
        var change = Assert.Single(await store.ReadChangesAsync(ChangeQuery.All, 0, 100, ct));
        Assert.Equal(winner!.Id, change.ShipmentId);
    }

    /// <summary>8 tasks × 50 logged inserts; returns each commit's sequence with the state it committed.</summary>
    private static async Task<IReadOnlyDictionary<long, ShipmentState>> InsertConcurrentlyAsync(SqlShipmentStore store, CancellationToken ct)
    {
        var committed = new ConcurrentDictionary<long, ShipmentState>();
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                var state = Shipment($"W{w}-{i:D3}", tenant: $"tenant-{w % 3}") with
                {
                    Status = (TrackingStatus)(1 + (w + i) % 14),
                    Version = i,
                    UpdatedAt = T0.AddSeconds(w * 1000 + i),
                };
                var result = await store.CommitAsync(LoggedInsert(state), ct);
                Assert.True(committed.TryAdd(result.Sequence, state), $"sequence {result.Sequence} handed out twice");
            }
        }, ct));
        await Task.WhenAll(tasks);
        return committed;
    }

    /// <summary>
    /// Polls the whole log in small batches until <paramref name="expected"/> changes are read, asserting that every
    /// batch continues exactly where the previous one ended.
    /// </summary>
    private static async Task<List<List<long>>> ReadUntilAsync(
        SqlShipmentStore store, Task writers, CancellationToken ct, long expected = Total)
    {
        var batches = new List<List<long>>();
        long cursor = 0;
        while (cursor < expected)
        {
            var writersFinished = writers.IsCompleted;
            var batch = (await store.ReadChangesAsync(ChangeQuery.All, cursor, 7, ct)).Select(c => c.Sequence).ToList();
            var contiguous = Enumerable.Range(0, batch.Count).Select(i => cursor + 1 + i);
            Assert.Equal(contiguous, batch);
            if (batch.Count > 0)
            {
                batches.Add(batch);
                cursor = batch[^1];
            }
            else if (writersFinished)
            {
                // Nothing more will come: surface the writers' failure, or the shortfall.
                await writers;
                Assert.Fail($"The log ended at {cursor}, expected {expected}.");
            }
            else
            {
                await Task.Yield();
            }
        }
        return batches;
    }
}
