using LogisticsLink.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using LogisticsLink.Tests.Shared;
using Npgsql;

namespace LogisticsLink.Storage.Tests.Support;

/// <summary>What the PostgreSQL-only tests need to act as nodes and as other sessions on one database.</summary>
internal static class PostgresNode
{
    /// <summary>A fresh database on the tests' own PostgreSQL server.</summary>
    public static string FreshDatabase() => ThrowawayPostgres.CreateDatabase();

    /// <summary>Fails a hung test instead of blocking the run.</summary>
    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    /// <summary>A store as one server node opens it: initialized, with its own pool.</summary>
    public static async Task<PostgresShipmentStore> OpenStoreAsync(string connectionString, CancellationToken ct)
    {
        var store = new PostgresShipmentStore(
            Options.Create(new StorageOptions { Provider = StorageOptions.PostgresProvider, Postgres = { ConnectionString = connectionString } }),
            TimeProvider.System, NullLogger<PostgresShipmentStore>.Instance);
        await store.InitializeAsync(ct);
        return store;
    }

    /// <summary>A session of the test's own, outside every pool, so it is never one of a store's connections.</summary>
    public static async Task<NpgsqlConnection> OpenSessionAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(ct);
        return connection;
    }

    public static async Task<long> CountAsync(NpgsqlConnection session, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, session);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Waits until the count <paramref name="sql"/> returns reaches <paramref name="atLeast"/>.</summary>
    public static async Task WaitForCountAsync(string connectionString, string sql, long atLeast, CancellationToken ct)
    {
        await using var session = await OpenSessionAsync(connectionString, ct);
        while (await CountAsync(session, sql, ct) < atLeast)
        {
            await Task.Delay(20, ct);
        }
    }

    /// <summary>
    /// Waits until <paramref name="sessions"/> of the database's sessions have asked for a refresh lock: each try holds
    /// its own pooled connection, whose last statement is the try until it is released.
    /// </summary>
    public static Task WaitForRefreshLockTriesAsync(string connectionString, int sessions, CancellationToken ct) =>
        WaitForCountAsync(connectionString,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'",
            sessions, ct);
}
