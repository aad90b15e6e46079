using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Sqlite;
using LogisticsLink.Tests.Shared;
using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LogisticsLink.Storage.Tests.Support;

/// <summary>
/// One throw-away database per test: the file <c>{temp}/logisticslink-storage-tests/{guid}/x.db</c>, or, when the run
/// selects PostgreSQL (LOGISTICSLINK_TEST_STORE=Postgres), a fresh database on the tests' own PostgreSQL server.
/// Hands out stores on it (several may be open at once, like several processes or nodes) and removes the folder when
/// the test ends.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "logisticslink-storage-tests");

    private readonly List<SqlShipmentStore> _open = [];
    private readonly Lazy<string> _postgres = new(ThrowawayPostgres.CreateDatabase);

    /// <param name="relativeFile">Where the file lives under the test's own folder, e.g. <c>a/b/x.db</c>.</param>
    public TestDatabase(string relativeFile = "x.db")
    {
        Folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, relativeFile);
    }

    /// <summary>The test's own folder (not created until a store is).</summary>
    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>
    /// A connection of the test's own to the database, outside every store and pool, not yet opened: for building it as
    /// an earlier release left it.
    /// </summary>
    public DbConnection RawConnection()
    {
        if (ThrowawayPostgres.Selected)
        {
            return new NpgsqlConnection(_postgres.Value + ";Pooling=false");
        }
        Directory.CreateDirectory(Folder);
        return new SqliteConnection($"Data Source={FilePath};Pooling=False");
    }

    /// <summary>A new store on the file, not yet initialized, stamping commits with <paramref name="time"/> (default: the system clock).</summary>
    public SqlShipmentStore Create(TimeProvider? time = null)
    {
        SqlShipmentStore store = ThrowawayPostgres.Selected
            ? new PostgresShipmentStore(
                Options.Create(new StorageOptions { Provider = StorageOptions.PostgresProvider, Postgres = { ConnectionString = _postgres.Value } }),
                time ?? TimeProvider.System, NullLogger<PostgresShipmentStore>.Instance)
            : new SqliteShipmentStore(Options.Create(new StorageOptions { Sqlite = { Path = FilePath } }), time);
        _open.Add(store);
        return store;
    }

    /// <summary>A new, initialized store on the file.</summary>
    public async Task<SqlShipmentStore> OpenAsync(TimeProvider? time = null)
    {
        var store = Create(time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>
    /// Disposes <paramref name="store"/>, drops pooled connections so nothing stays cached in memory, and opens a new
    /// store instance on the same file: what a restart of the server does.
    /// </summary>
    public async Task<SqlShipmentStore> ReopenAsync(SqlShipmentStore store)
    {
        await CloseAsync(store);
        return await OpenAsync();
    }

    public async Task CloseAsync(SqlShipmentStore store)
    {
        _open.Remove(store);
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _open)
        {
            await store.DisposeAsync();
        }
        _open.Clear();
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test.
        }
    }
}
