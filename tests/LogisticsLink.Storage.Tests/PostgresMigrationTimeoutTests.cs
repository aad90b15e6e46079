using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Tests.Support;
using Npgsql;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// Migrating takes as long as it takes: a script that rewrites a large table, and a node waiting for another node's
/// migration, are not cut off by the connection string's <c>Command Timeout</c>, which is meant for the service's own
/// statements. Runs on the tests' own PostgreSQL server whichever store the run selected.
/// </summary>
public sealed class PostgresMigrationTimeoutTests
{
    // The store's advisory lock for migrating.
    private static readonly string MigrationLock = $"{PostgresLocks.Space}, {PostgresLocks.Migrations}";

    private static readonly TimeSpan LongerThanTheCommandTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_node_waits_for_another_nodes_migration_longer_than_the_command_timeout()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase() + ";Command Timeout=1";
        await using var otherNode = await PostgresNode.OpenSessionAsync(connectionString, ct);
        await ExecuteAsync(otherNode, $"SELECT pg_advisory_lock({MigrationLock})", ct);

        var starting = PostgresNode.OpenStoreAsync(connectionString, ct);
        await Task.Delay(LongerThanTheCommandTimeout, ct);
        Assert.False(starting.IsCompleted, starting.Exception?.Message);
        await ExecuteAsync(otherNode, $"SELECT pg_advisory_unlock({MigrationLock})", ct);

        await using var store = await starting;
        await store.PingAsync(ct);
    }

    [Fact]
    public async Task A_migration_script_may_run_longer_than_the_command_timeout()
    {
        var ct = PostgresNode.Deadline();
        var connectionString = PostgresNode.FreshDatabase() + ";Command Timeout=1";
        await using var other = await PostgresNode.OpenSessionAsync(connectionString, ct);
        // A database of the release before version 7, whose script builds an index: the build then waits for a writer
        // that holds the table longer than the command timeout, as a build over millions of rows would take.
        await PostgresMigrations.ApplyUpToAsync(other, 6, ct);
        await using var writer = await other.BeginTransactionAsync(ct);
        await ExecuteAsync(other, "UPDATE shipments SET stale = 0", ct);

        var migrating = PostgresNode.OpenStoreAsync(connectionString, ct);
        await Task.Delay(LongerThanTheCommandTimeout, ct);
        Assert.False(migrating.IsCompleted, migrating.Exception?.Message);
        await writer.CommitAsync(ct);

        await using var store = await migrating;
        Assert.Equal(1, await PostgresNode.CountAsync(other, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_shipments_number'", ct));
    }

    private static async Task ExecuteAsync(NpgsqlConnection session, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, session);
        await command.ExecuteNonQueryAsync(ct);
    }
}
