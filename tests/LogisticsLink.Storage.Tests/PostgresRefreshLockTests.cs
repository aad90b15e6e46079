using LogisticsLink.Storage.Tests.Support;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// The cluster-wide refresh lock on PostgreSQL (one carrier call per shipment at a time across nodes). Runs on the
/// tests' own PostgreSQL server whichever store the run selected.
/// </summary>
public sealed class PostgresRefreshLockTests
{
    [Fact]
    public async Task A_second_node_waits_for_the_lock_and_a_cancelled_waiter_leaves_nothing_held()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var first = await PostgresNode.OpenStoreAsync(connectionString, ct);
        await using var second = await PostgresNode.OpenStoreAsync(connectionString, ct);

        var held = await first.LockRefreshAsync("shp_1", ct);
        var other = await second.LockRefreshAsync("shp_2", ct);
        using var giveUp = new CancellationTokenSource();
        var cancelled = second.LockRefreshAsync("shp_1", giveUp.Token);
        var waiting = second.LockRefreshAsync("shp_1", ct);
        // Both holders and both waiters have asked; the waiters were refused and keep asking.
        await PostgresNode.WaitForRefreshLockTriesAsync(connectionString, 4, ct);
        Assert.False(cancelled.IsCompleted);
        Assert.False(waiting.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await held.DisposeAsync();
        var granted = await waiting;

        Assert.Equal(2, await HeldAsync(connectionString, ct));
        await granted.DisposeAsync();
        await other.DisposeAsync();
        Assert.Equal(0, await HeldAsync(connectionString, ct));
    }

    [Fact]
    public async Task Refresh_locks_leave_pooled_connections_for_the_writes_that_store_their_answers()
    {
        var ct = PostgresNode.Deadline();
        // A pool of 10 and a 2 s wait for a free connection: 2 refresh locks at once, 8 connections for the rest.
        var connectionString = PostgresNode.FreshDatabase() + ";Maximum Pool Size=10;Timeout=2";
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);

        // More refreshes than the pool has connections, each waiting for its carrier with its lock held.
        var locks = Enumerable.Range(0, 12).Select(i => store.LockRefreshAsync($"shp_{i}", ct)).ToList();
        await PostgresNode.WaitForRefreshLockTriesAsync(connectionString, PostgresStorageOptions.RefreshLockSlots(10), ct);
        var shipment = TestData.Shipment("1Z0000000000000003");
        var stored = await Record.ExceptionAsync(() => store.CommitAsync(TestData.LoggedInsert(shipment), ct));
        var granted = locks.Count(l => l.IsCompletedSuccessfully);
        while (locks.Count > 0)
        {
            var done = await Task.WhenAny(locks);
            locks.Remove(done);
            await (await done).DisposeAsync();
        }

        Assert.Null(stored);
        Assert.Equal(PostgresStorageOptions.RefreshLockSlots(10), granted);
        Assert.Equal(0, await HeldAsync(connectionString, ct));
    }

    [Fact]
    public async Task Releasing_a_lock_whose_session_broke_meanwhile_does_not_fail_the_refresh_that_held_it()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);
        var held = await store.LockRefreshAsync("shp_1", ct);
        // While the carrier answers, the lock's session ends (a failover, an idle-connection reset): so does its lock.
        await using (var admin = await PostgresNode.OpenSessionAsync(connectionString, ct))
        {
            Assert.Equal(1, await PostgresNode.CountAsync(admin, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = 19538 AND granted
                """, ct));
        }
        Assert.Equal(0, await HeldAsync(connectionString, ct));

        // The refresh has stored its answer; letting go of the lock must not turn that into an error.
        await held.DisposeAsync();

        await (await store.LockRefreshAsync("shp_1", ct)).DisposeAsync();
        Assert.Equal(0, await HeldAsync(connectionString, ct));
    }

    /// <summary>Refresh locks held in the whole cluster (space "LR").</summary>
    private static async Task<long> HeldAsync(string connectionString, CancellationToken ct)
    {
        await using var session = await PostgresNode.OpenSessionAsync(connectionString, ct);
        return await PostgresNode.CountAsync(session, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 19538 AND granted", ct);
    }
}
