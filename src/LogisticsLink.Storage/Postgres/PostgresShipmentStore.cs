using LogisticsLink.Storage.Sql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LogisticsLink.Storage.Postgres;

/// <summary>
/// The scale-out store: several stateless nodes share one PostgreSQL database.
/// <para>
/// Gap-free log: identity values are handed out at insert, not at commit, so a reader could see 11 committed while 10
/// is still in flight and then skip 10 for ever. Write transactions are therefore serialized with a transaction-scoped
/// advisory lock, taken before their first statement and held to commit: sequences become visible strictly in order.
/// The cost: writes cluster-wide run one transaction at a time.
/// </para>
/// <para>
/// Group commit: a node's concurrent writes share one transaction (each in its own savepoint), so they take the append
/// lock once and pay one commit and one WAL flush together instead of queueing for the lock one commit at a time.
/// Every round trip the transaction makes holds the lock that long for the whole cluster, so a write's savepoint
/// statements ride along with its first statement instead of costing two round trips of their own.
/// </para>
/// </summary>
public sealed partial class PostgresShipmentStore : SqlShipmentStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresShipmentStore> _logger;
    private readonly GroupCommitter _committer;
    // Refreshes started on demand (GetShipment max_age, inquiries) are not bounded by the scheduler's concurrency:
    // without this, their locks could take every pooled connection and leave none to store their answers.
    private readonly SemaphoreSlim _refreshLockSlots;
    private const int MaxBatch = 256;
    // Another node holds a refresh lock for one carrier call: a few tries cover it without a busy loop.
    private static readonly TimeSpan FirstLockPoll = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LastLockPoll = TimeSpan.FromMilliseconds(250);

    public PostgresShipmentStore(IOptions<StorageOptions> options, TimeProvider time, ILogger<PostgresShipmentStore> logger)
        : base(time)
    {
        _options = options.Value.Postgres;
        _time = time;
        _logger = logger;
        _dataSource = NpgsqlDataSource.Create(WithStatementPreparation(_options.ConnectionString));
        var slots = PostgresStorageOptions.RefreshLockSlots(new NpgsqlConnectionStringBuilder(_options.ConnectionString).MaxPoolSize);
        _refreshLockSlots = new SemaphoreSlim(slots, slots);
        _committer = new GroupCommitter(MaxBatch, async () =>
        {
            var connection = await _dataSource.OpenConnectionAsync();
            return new GroupCommitter.Connection(connection, null, connection.DisposeAsync);
        }, SerializeAppendsAsync, NotifyAppendedAsync, savepointsRideAlong: true);
    }

    /// <summary>
    /// The store sends the same few statements all the time: let Npgsql prepare them on the server after two uses
    /// (parsed and planned once per connection, not on every call), unless the connection string says otherwise.
    /// </summary>
    private static string WithStatementPreparation(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    // As in ix_shipments_number (PostgresMigrations version 7).
    private protected override string NumberAfterCarrierIdSql => "substr(tracking_number, strpos(tracking_number, ':') + 1)";

    // "C": bytes, whatever locale the database was created with.
    private protected override string BytewiseCollation => " COLLATE \"C\"";

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await WaitForDatabaseAsync(cancellationToken);
        await PostgresMigrations.ApplyAsync(connection, cancellationToken);
    }

    public override async Task<IReadOnlyList<StoredShipment>> LeaseDueAsync(
        DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // SKIP LOCKED: nodes leasing at the same moment take disjoint rows instead of queueing behind each other.
        command.CommandText = $"""
            UPDATE shipments SET lease_until = @until, revision = revision + 1
            WHERE pk IN (
                SELECT pk FROM shipments
                WHERE next_check_at IS NOT NULL AND next_check_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                ORDER BY next_check_at LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """;
        command.Bind("@now", RowValues.Instant(now));
        command.Bind("@until", RowValues.Instant(now + leaseFor));
        command.Bind("@limit", max);
        return await ReadLeasedAsync(command, cancellationToken);
    }

    /// <summary>
    /// Polled with <c>pg_try_advisory_lock</c>, never waited for inside a statement: a waiting statement can be granted
    /// the lock just as its cancellation lands, and the session lock would then go back to the pool with the connection,
    /// keeping every node from refreshing that shipment until the connection is reused. A try either holds the lock or
    /// not, and is never cancelled; only the pause between tries is.
    /// </summary>
    public override async Task<IAsyncDisposable> LockRefreshAsync(string shipmentId, CancellationToken cancellationToken)
    {
        await _refreshLockSlots.WaitAsync(cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresLocks.RefreshSpace}, hashtext(@id))", connection);
            command.Parameters.AddWithValue("id", shipmentId);
            for (var pause = FirstLockPoll; ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastLockPoll.Ticks)))
            {
                if (await command.ExecuteScalarAsync(CancellationToken.None) is true)
                {
                    return new RefreshLock(connection, shipmentId, _refreshLockSlots, this);
                }
                await Task.Delay(pause, _time, cancellationToken);
            }
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            _refreshLockSlots.Release();
            throw;
        }
    }

    public override async Task ListenForChangesAsync(Action<long> logAdvanced, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, out var sequence))
            {
                logAdvanced(sequence);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLocks.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        // The lock slots are not disposed: a refresh still under way releases its slot when it ends.
        _committer.Dispose();
    }

    private protected override async Task<SqlSession> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return new SqlSession(connection, null, null, connection.DisposeAsync);
    }

    private protected override Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken) =>
        _committer.WriteAsync(work, cancellationToken);

    /// <summary>
    /// First thing in every group-commit transaction, before it locks any row: a batch that locked a row and then
    /// waited for this lock could wait on another node's batch that holds the lock and wants that row (a deadlock,
    /// and one of the two fails). Held to commit; batches cluster-wide run one at a time.
    /// </summary>
    private static async Task SerializeAppendsAsync(SqlSession session)
    {
        var command = session.Command($"SELECT pg_advisory_xact_lock({PostgresLocks.Space}, {PostgresLocks.LogAppend})");
        await command.ExecuteNonQueryAsync();
    }

    private protected override Task AfterAppendAsync(SqlSession session, long sequence, CancellationToken cancellationToken)
    {
        var batch = BatchOf(session);
        batch.LastSequence = Math.Max(batch.LastSequence, sequence);
        return Task.CompletedTask;
    }

    private static WriteBatch BatchOf(SqlSession session) =>
        session.Batch ?? throw new InvalidOperationException("Change-log appends run inside a group-commit transaction.");

    /// <summary>One hint to every node's hub per transaction that appended, delivered at commit (NOTIFY is transactional).</summary>
    private static async Task NotifyAppendedAsync(SqlSession session)
    {
        if (session.Batch is not { LastSequence: > 0 } batch)
        {
            return;
        }
        var command = session.Command($"SELECT pg_notify('{PostgresLocks.Channel}', @sequence)");
        command.Bind("@sequence", batch.LastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> WaitForDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
        var deadline = _time.GetUtcNow() + _options.StartupTimeout;
        while (true)
        {
            try
            {
                return await _dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && _time.GetUtcNow() < deadline)
            {
                LogWaiting(builder.Host ?? "?", builder.Port, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL at {builder.Host}:{builder.Port} did not answer within {_options.StartupTimeout} " +
                    $"(Storage:Postgres:ConnectionString, Storage:Postgres:StartupTimeout): {e.Message}", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for PostgreSQL at {Host}:{Port}: {Reason}")]
    private partial void LogWaiting(string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Releasing the refresh lock of shipment {ShipmentId} failed; its session ended, and the lock with it")]
    private partial void LogUnlockFailed(string shipmentId, Exception exception);

    private sealed class RefreshLock(NpgsqlConnection connection, string shipmentId, SemaphoreSlim slots, PostgresShipmentStore store)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresLocks.RefreshSpace}, hashtext(@id))", connection);
                command.Parameters.AddWithValue("id", shipmentId);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Not thrown: the refresh that held the lock has committed, and its callers are owed its answer. An
                // unlock fails with a broken session, whose locks ended with it; a connection that is still open is
                // reset by Npgsql (pg_advisory_unlock_all among the rest) before the pool hands it out again.
                store.LogUnlockFailed(shipmentId, e);
            }
            finally
            {
                await connection.DisposeAsync();
                slots.Release();
            }
        }
    }
}
