using LogisticsLink.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LogisticsLink.Storage.Tests.Support;

/// <summary>What the PostgreSQL-only tests need to act as nodes and as other sessions on one database.</summary>
internal static class PostgresNode
{
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
}
