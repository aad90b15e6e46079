using System.Collections.Concurrent;
using System.Data.Common;
using LogisticsLink.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one transaction at a time
/// (concurrent writes are grouped into one transaction), so the AUTOINCREMENT sequence of the change log is handed out
/// in commit order and a reader can never see a hole.
/// Readers use their own pooled connections and are never blocked by the writer.
/// </summary>
public sealed class SqliteShipmentStore : SqlShipmentStore
{
    private readonly string _connectionString;
    private const int MaxBatch = 256;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private SqliteConnection? _writer;

    public SqliteShipmentStore(IOptions<StorageOptions> options)
    {
        var sqlite = options.Value.Sqlite;
        var fullPath = Path.GetFullPath(sqlite.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(sqlite.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public override Task InitializeAsync(CancellationToken cancellationToken) =>
        WithWriterAsync(async writer =>
        {
            await SqliteMigrations.ApplyAsync(writer, cancellationToken);
            return true;
        }, cancellationToken);

    public override Task<IReadOnlyList<StoredShipment>> LeaseDueAsync(
        DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken) =>
        WithWriterAsync(async writer =>
        {
            await using var command = writer.CreateCommand();
            command.CommandText = $"""
                UPDATE shipments SET lease_until = @until, revision = revision + 1
                WHERE pk IN (
                    SELECT pk FROM shipments
                    WHERE next_check_at IS NOT NULL AND next_check_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY next_check_at LIMIT @limit)
                RETURNING {Columns}
                """;
            command.Bind("@now", RowValues.Instant(now));
            command.Bind("@until", RowValues.Instant(now + leaseFor));
            command.Bind("@limit", max);
            return await ReadLeasedAsync(command, cancellationToken);
        }, cancellationToken);

    /// <summary>One process owns an SQLite file: the tracker's in-process single flight is already exclusive.</summary>
    public override Task<IAsyncDisposable> LockRefreshAsync(string shipmentId, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>No other process writes to the file: every commit reaches the hub directly.</summary>
    public override Task ListenForChangesAsync(Action<long> logAdvanced, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        _writeLock.Dispose();
    }

    protected override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Group commit: a writer queues its work, then whoever holds the write lock runs every queued write in one
    /// transaction (each in its own savepoint, so one failing write fails alone) and pays one fsync for all of them.
    /// Nobody is told "done" before the transaction holding their write has committed.
    /// </summary>
    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite(async (connection, tx) => await work(connection, tx));
        _queue.Enqueue(pending);
        // Once queued, the write will run: waiting is bounded by the batch in progress, so it is not cancellable.
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                await CommitBatchAsync();
            }
        }
        finally
        {
            _writeLock.Release();
        }
        return (T)(await pending.Done.Task)!;
    }

    private async Task CommitBatchAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            var writer = await WriterAsync(CancellationToken.None);
            await using var tx = (SqliteTransaction)await writer.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                tx.Save("write");
                try
                {
                    results[i] = await batch[i].Work(writer, tx);
                    tx.Release("write");
                }
                catch (Exception e)
                {
                    tx.Rollback("write");
                    tx.Release("write");
                    errors[i] = e;
                }
            }
            await tx.CommitAsync();
        }
        catch (Exception e)
        {
            // The transaction did not commit: nothing of this batch is on disk.
            for (var i = 0; i < batch.Count; i++)
            {
                errors[i] ??= e;
            }
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Done.SetException(error);
            }
            else
            {
                batch[i].Done.SetResult(results[i]);
            }
        }
    }

    /// <summary>Writes are already one at a time (the write lock), so appends are serialized by construction.</summary>
    protected override Task SerializeAppendAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private async Task<T> WithWriterAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await work(await WriterAsync(cancellationToken));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return _writer;
        }
        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync(cancellationToken);
        await using (var pragma = writer.CreateCommand())
        {
            // WAL lets readers run beside the writer; FULL makes every acknowledged commit survive a power cut too.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return _writer = writer;
    }

    private sealed class PendingWrite(Func<DbConnection, DbTransaction, Task<object?>> work)
    {
        public Func<DbConnection, DbTransaction, Task<object?>> Work => work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
