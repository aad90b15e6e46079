using System.Collections.Concurrent;
using LogisticsLink.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one transaction at a time
/// (concurrent writes are grouped into one transaction), so the AUTOINCREMENT sequence of the change log is handed out
/// in commit order and a reader can never see a hole.
/// Readers use their own pooled connections and are never blocked by the writer. Every connection keeps its commands,
/// so each statement is prepared once per connection rather than on every call.
/// </summary>
public sealed class SqliteShipmentStore : SqlShipmentStore
{
    private const int MaxBatch = 256;
    // Idle reader connections kept open with their prepared commands; more may be open at a burst, then closed.
    private const int MaxIdleReaders = 16;
    private readonly string _fullPath;
    private readonly string _connectionString;
    private readonly GroupCommitter _committer;
    private readonly ConcurrentBag<PreparedCommands> _idleReaders = [];
    private PreparedCommands? _writer;

    public SqliteShipmentStore(IOptions<StorageOptions> options, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        var sqlite = options.Value.Sqlite;
        _fullPath = Path.GetFullPath(sqlite.Path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_fullPath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(e);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(sqlite.BusyTimeout.TotalSeconds),
        }.ToString();
        // The writer connection is never released: it keeps its prepared commands for the store's life.
        _committer = new GroupCommitter(MaxBatch, async () =>
            new GroupCommitter.Connection((await WriterAsync(CancellationToken.None)).Connection, _writer, static () => ValueTask.CompletedTask),
            optimistic: true);
    }

    public override Task InitializeAsync(CancellationToken cancellationToken) =>
        _committer.ExclusiveAsync(async () =>
        {
            await SqliteMigrations.ApplyAsync((SqliteConnection)(await WriterAsync(cancellationToken)).Connection, cancellationToken);
            return true;
        }, cancellationToken);

    public override Task<IReadOnlyList<StoredShipment>> LeaseDueAsync(
        DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken) =>
        _committer.ExclusiveAsync(async () =>
        {
            var command = (await WriterAsync(cancellationToken)).Get($"""
                UPDATE shipments SET lease_until = @until, revision = revision + 1
                WHERE pk IN (
                    SELECT pk FROM shipments
                    WHERE next_check_at IS NOT NULL AND next_check_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY next_check_at LIMIT @limit)
                RETURNING {Columns}
                """, null);
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

    public override ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }
        _committer.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A pooled reader connection with its prepared commands; back to the pool when the session ends.</summary>
    private protected override async Task<SqlSession> OpenReaderAsync(CancellationToken cancellationToken)
    {
        if (!_idleReaders.TryTake(out var reader))
        {
            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            reader = new PreparedCommands(connection);
        }
        return new SqlSession(reader.Connection, null, reader, () =>
        {
            if (_idleReaders.Count < MaxIdleReaders)
            {
                _idleReaders.Add(reader);
            }
            else
            {
                reader.Dispose();
            }
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Concurrent writes share one transaction and one fsync (<see cref="GroupCommitter"/>), on the one writer
    /// connection, whose statements are prepared once.
    /// </summary>
    private protected override Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken) =>
        _committer.WriteAsync(work, cancellationToken);

    private protected override bool RewritesIndexesSetToTheSameValue => true;

    // SQLite's default for every column.
    private protected override string BytewiseCollation => " COLLATE BINARY";

    // As in ix_shipments_number (SqliteMigrations version 8).
    private protected override string NumberAfterCarrierIdSql => "substr(tracking_number, instr(tracking_number, ':') + 1)";

    private async Task<PreparedCommands> WriterAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            return _writer;
        }
        var writer = new SqliteConnection(_connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken);
            await using var pragma = writer.CreateCommand();
            // WAL lets readers run beside the writer; FULL makes every acknowledged commit survive a power cut too.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            await writer.DisposeAsync();
            // The first open is at start-up (InitializeAsync): a folder, an unreadable file or not a database in its
            // place. A file busy beyond the busy timeout stays what it is, a failure that asking again may mend.
            if (StoreFailures.IsTransient(e))
            {
                throw;
            }
            throw Unusable(e);
        }
        return _writer = new PreparedCommands(writer, static (connection, sql) => SqliteStatement.Prepare((SqliteConnection)connection, sql));
    }

    // What SQLite or the file system says names neither the setting to fix nor, for a relative path, the file it meant.
    private InvalidOperationException Unusable(Exception e) =>
        new($"the SQLite database '{_fullPath}' (Storage:Sqlite:Path) cannot be created or opened: {e.Message}", e);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
