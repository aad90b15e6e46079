using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using Npgsql;
using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// PostgreSQL, several nodes, one group-commit transaction at a time: a write must not hold a shipment's row while it
/// waits for the change-log append lock, or two nodes' batches (one holding the lock and wanting the row, the other
/// the reverse) deadlock and one of them fails; and a queued write runs whole whatever its caller does meanwhile.
/// Runs on the tests' own PostgreSQL server whichever store the run selected.
/// </summary>
public sealed class PostgresLockOrderTests
{
    // The store's advisory lock for change-log appends.
    private static readonly string AppendLock = $"pg_advisory_xact_lock({PostgresLocks.Space}, {PostgresLocks.LogAppend})";

    [Fact]
    public async Task A_write_waiting_for_the_append_lock_holds_no_shipment_row()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);
        var shipment = Shipment("1Z0000000000000001");
        await store.CommitAsync(LoggedInsert(shipment), ct);

        // Another node is appending: it holds the append lock until it commits.
        await using var otherNode = await PostgresNode.OpenSessionAsync(connectionString, ct);
        await using var otherTransaction = await otherNode.BeginTransactionAsync(ct);
        await ExecuteAsync(otherNode, $"SELECT {AppendLock}", ct);
        var write = store.CommitAsync(
            Update(shipment with { Status = TrackingStatus.InTransit, Version = 2 }, 1, TrackingStatus.InfoReceived, PayloadFor(shipment.Id)), ct);
        await WaitForAdvisoryWaiterAsync(connectionString, ct);

        // Meanwhile a third transaction (the other node's next write) needs the shipment's row: it must not be locked.
        await using var probe = await PostgresNode.OpenSessionAsync(connectionString, ct);
        await using (var probeTransaction = await probe.BeginTransactionAsync(ct))
        {
            var rowLocked = await Record.ExceptionAsync(() =>
                ExecuteAsync(probe, $"SELECT 1 FROM shipments WHERE id = '{shipment.Id}' FOR UPDATE NOWAIT", ct));
            await probeTransaction.RollbackAsync(ct);
            Assert.Null(rowLocked);
        }
        await otherTransaction.CommitAsync(ct);
        var committed = await write;

        Assert.Equal(2, committed.Sequence);
        Assert.Equal(TrackingStatus.InTransit, (await store.FindAsync(shipment.TenantId, shipment.Id, ct))!.State.Status);
    }

    [Fact]
    public async Task A_write_whose_caller_gives_up_after_it_was_queued_still_commits_whole()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);
        await using var otherNode = await PostgresNode.OpenSessionAsync(connectionString, ct);
        await using var otherTransaction = await otherNode.BeginTransactionAsync(ct);
        await ExecuteAsync(otherNode, $"SELECT {AppendLock}", ct);

        // Queued behind another node's transaction, then the caller gives up (its client went away).
        using var caller = new CancellationTokenSource();
        var shipment = Shipment("1Z0000000000000002");
        var write = store.CommitAsync(LoggedInsert(shipment), caller.Token);
        await WaitForAdvisoryWaiterAsync(connectionString, ct);
        await caller.CancelAsync();
        await otherTransaction.CommitAsync(ct);
        var committed = await write;

        Assert.Equal(1, committed.Sequence);
        Assert.NotNull(await store.FindAsync(shipment.TenantId, shipment.Id, ct));
    }

    private static Task WaitForAdvisoryWaiterAsync(string connectionString, CancellationToken ct) =>
        PostgresNode.WaitForCountAsync(connectionString, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", 1, ct);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
