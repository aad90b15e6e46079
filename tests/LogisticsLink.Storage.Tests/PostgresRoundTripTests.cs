using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Tests.Support;
using Npgsql;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// PostgreSQL: a group-commit transaction holds the cluster-wide append lock from its first statement to its commit,
/// so every round trip it makes meanwhile holds back every node's writes. A write of a batch must cost the round trips
/// of its own statements, not two more for the savepoint around it. Runs on the tests' own PostgreSQL server whichever
/// store the run selected.
/// </summary>
public sealed class PostgresRoundTripTests
{
    private const int Writes = 8;
    private const string BatchSource = "LogisticsLink.Storage.Tests.RoundTrips";

    [Fact]
    public async Task A_batch_of_updates_sends_each_write_s_statements_and_no_savepoint_of_its_own()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase();
        await using var store = await PostgresNode.OpenStoreAsync(connectionString, ct);
        var shipments = Enumerable.Range(0, Writes + 1).Select(i => Shipment($"1Z{i:D16}")).ToList();
        foreach (var shipment in shipments)
        {
            await store.CommitAsync(LoggedInsert(shipment), ct);
        }

        // Another node holds the append lock: the first write waits for it alone, and the next ones queue up behind it
        // and then run together, as one batch of Writes.
        await using var otherNode = await PostgresNode.OpenSessionAsync(connectionString, ct);
        await using var otherTransaction = await otherNode.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresLocks.Space}, {PostgresLocks.LogAppend})", otherNode))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        var first = store.CommitAsync(UpdateWithScan(shipments[0]), ct);
        await PostgresNode.WaitForCountAsync(connectionString,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", 1, ct);

        using var counter = new RoundTripCounter();
        Task<CommitResult>[] batch;
        using (counter.Start())
        {
            batch = shipments.Skip(1).Select(s => store.CommitAsync(UpdateWithScan(s), ct)).ToArray();
        }
        await otherTransaction.CommitAsync(ct);
        await first;
        var committed = await Task.WhenAll(batch);

        Assert.Equal(Enumerable.Range(Writes + 3, Writes).Select(i => (long)i), committed.Select(c => c.Sequence));
        // The append lock, then per write its UPDATE, its INSERT of events and its change-log INSERT, then the NOTIFY.
        Assert.Equal(1 + Writes * 3 + 1, counter.Commands);
    }

    [Fact]
    public async Task A_write_of_a_batch_whose_first_statement_reads_gets_its_rows()
    {
        var ct = PostgresNode.Deadline();
        await using var database = await ScratchTable.CreateAsync(ct);
        using var committer = database.Committer();

        var results = await database.RunAsOneBatchAsync(committer,
        [
            Insert(1),
            session => CountAsync(session),
            async session =>
            {
                var command = session.Command("SELECT n FROM numbers ORDER BY n");
                var read = new List<long>();
                await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    read.Add(reader.GetInt32(0));
                }
                return read.Count * 10 + read.Sum();
            },
            async session =>
            {
                var command = session.Command("UPDATE numbers SET n = n + 1 WHERE n = 1");
                return await command.ExecuteNonQueryAsync(CancellationToken.None);
            },
        ], ct);

        Assert.Equal([1L, 1L, 11L, 1L], results.Select(r => r.Value));
        Assert.Equal([2L], await database.NumbersAsync(ct));
    }

    [Fact]
    public async Task A_write_that_fails_before_its_first_statement_is_sent_never_undoes_a_write_reported_done()
    {
        var ct = PostgresNode.Deadline();
        await using var database = await ScratchTable.CreateAsync(ct);
        using var committer = database.Committer();

        // Its first command is made, and with it its savepoint's, but never sent: the previous write's savepoint is
        // still open when it fails.
        var results = await database.RunAsOneBatchAsync(committer,
        [
            Insert(1),
            Insert(2),
            session =>
            {
                var command = session.Command("INSERT INTO numbers (n) VALUES (@n)");
                command.Bind("@n", 3);
                throw new InvalidOperationException("The write gives up before running its statement.");
            },
            Insert(4),
        ], ct);

        Assert.False(results[2].Done);
        var stored = await database.NumbersAsync(ct);
        Assert.Equal(results.Select((r, i) => (Result: r, Number: i + 1L)).Where(r => r.Result.Done).Select(r => r.Number), stored);
    }

    [Fact]
    public async Task A_failing_write_of_a_batch_is_undone_alone()
    {
        var ct = PostgresNode.Deadline();
        await using var database = await ScratchTable.CreateAsync(ct);
        using var committer = database.Committer();

        var results = await database.RunAsOneBatchAsync(committer, [Insert(1), Insert(2), Insert(2), Insert(3), Insert(1), Insert(4)], ct);

        Assert.Equal([true, true, false, true, false, true], results.Select(r => r.Done));
        Assert.Equal([1L, 2L, 3L, 4L], await database.NumbersAsync(ct));
    }

    private static Func<SqlSession, Task<long>> Insert(int n) => async session =>
    {
        var command = session.Command("INSERT INTO numbers (n) VALUES (@n)");
        command.Bind("@n", n);
        return await command.ExecuteNonQueryAsync(CancellationToken.None);
    };

    private static async Task<long> CountAsync(SqlSession session)
    {
        var command = session.Command("SELECT count(*) FROM numbers");
        return Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh database with one table, and group committers on it as the PostgreSQL store makes them.</summary>
    private sealed class ScratchTable(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public static async Task<ScratchTable> CreateAsync(CancellationToken ct)
        {
            var dataSource = NpgsqlDataSource.Create(PostgresNode.FreshDatabase());
            await using var command = dataSource.CreateCommand("CREATE TABLE numbers (n int PRIMARY KEY)");
            await command.ExecuteNonQueryAsync(ct);
            return new ScratchTable(dataSource);
        }

        public GroupCommitter Committer() => new(256, async () =>
        {
            var connection = await dataSource.OpenConnectionAsync();
            return new GroupCommitter.Connection(connection, null, connection.DisposeAsync);
        }, savepointsRideAlong: true);

        /// <summary>Runs <paramref name="writes"/> in one group-commit transaction (queued while another write holds the committer).</summary>
        public async Task<IReadOnlyList<(bool Done, long Value)>> RunAsOneBatchAsync(
            GroupCommitter committer, IReadOnlyList<Func<SqlSession, Task<long>>> writes, CancellationToken ct)
        {
            var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var holder = committer.WriteAsync(async _ =>
            {
                holding.SetResult();
                await release.Task;
                return 0L;
            }, ct);
            await holding.Task.WaitAsync(ct);
            var queued = writes.Select(work => committer.WriteAsync(work, ct)).ToList();
            release.SetResult();
            await holder;
            var results = new List<(bool, long)>();
            foreach (var write in queued)
            {
                try
                {
                    results.Add((true, await write));
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    results.Add((false, 0));
                }
            }
            return results;
        }

        public async Task<IReadOnlyList<long>> NumbersAsync(CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand("SELECT n FROM numbers ORDER BY n");
            var numbers = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                numbers.Add(reader.GetInt32(0));
            }
            return numbers;
        }

        public ValueTask DisposeAsync() => dataSource.DisposeAsync();
    }

    private static ShipmentCommit UpdateWithScan(ShipmentState shipment) =>
        Update(shipment with { Status = TrackingStatus.InTransit, Version = 2 }, 1, shipment.Status, PayloadFor(shipment.Id),
            Scan(T0.AddHours(1), description: shipment.TrackingNumber));

    /// <summary>Counts the commands Npgsql sends (one round trip each) on behalf of work started inside <see cref="Start"/>.</summary>
    private sealed class RoundTripCounter : IDisposable
    {
        private readonly ActivitySource _batches = new(BatchSource);
        private readonly ActivityListener _listener;
        private ActivityTraceId _trace;
        private int _commands;

        public RoundTripCounter()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is "Npgsql" or BatchSource,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source.Name is "Npgsql" && activity.TraceId == _trace &&
                        !activity.OperationName.StartsWith("CONNECT", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _commands);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Commands => Volatile.Read(ref _commands);

        /// <summary>Work started until the result is disposed (and what it goes on doing later) is counted.</summary>
        public Activity Start()
        {
            var activity = _batches.StartActivity("batch") ?? throw new InvalidOperationException("The test's activity source has no listener.");
            _trace = activity.TraceId;
            return activity;
        }

        public void Dispose()
        {
            _listener.Dispose();
            _batches.Dispose();
        }
    }
}
