using System.Text.Json;
using LogisticsLink.Storage;
using LogisticsLink.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Bench.Seeding;

/// <summary>
/// Fills a database fast, for scenarios that need a million rows before they start: the schema is created by the real
/// store, then rows go in through one connection in large transactions without fsync (seeding is not what is
/// measured). Column lists are explicit, so columns added by later migrations keep their defaults;
/// <see cref="SeedCheck"/> reads samples back through the real store to prove the rows are what it would have written.
/// </summary>
public sealed class BulkSeeder : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private BulkSeeder(SqliteConnection connection) => _connection = connection;

    public static async Task<BulkSeeder> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using (var store = new SqliteShipmentStore(Options.Create(new StorageOptions { Sqlite = { Path = databasePath } })))
        {
            await store.InitializeAsync(cancellationToken);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;", cancellationToken);
        return new BulkSeeder(connection);
    }

    /// <summary>Inserts shipments and their events; the sequence is read once, so it may be generated lazily.</summary>
    public async Task InsertShipmentsAsync(IEnumerable<SeedShipment> shipments, CancellationToken cancellationToken)
    {
        await using var shipment = Prepare("""
            INSERT INTO shipments (id, tenant_id, carrier, tracking_number, status, status_detail, status_description,
                tracking_url, estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version,
                order_channel, order_id, labels, created_at, updated_at, next_check_at, consecutive_failures, revision,
                change_committed_at)
            VALUES ($id, $tenant, $carrier, $number, $status, $detail, $description, $url, $eta, $delivered, $lastEvent,
                $lastChecked, $stale, $version, $channel, $order, $labels, $created, $updated, $next, $failures, 1, $updated)
            """, 21);
        await using var scan = Prepare("""
            INSERT INTO tracking_events (shipment_id, dedup_key, occurred_at, status, status_detail, description, raw_code,
                city, region, postal_code, country_code, source, ingested_at, payload_sha256)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, '')
            """, 13);
        await using var batch = new TransactionBatch(_connection);
        foreach (var seed in shipments)
        {
            var s = seed.State;
            Bind(shipment,
                s.Id, s.TenantId, s.Carrier, s.TrackingNumber, (int)s.Status, s.StatusDetail, s.StatusDescription, s.TrackingUrl,
                Ticks(s.EstimatedDelivery), Ticks(s.DeliveredAt), Ticks(s.LastEventAt), Ticks(s.LastCheckedAt), s.Stale ? 1 : 0,
                s.Version, s.Order.Channel, s.Order.OrderId, s.Labels.Count == 0 ? "{}" : JsonSerializer.Serialize(s.Labels),
                s.CreatedAt.UtcTicks, s.UpdatedAt.UtcTicks, Ticks(s.NextCheckAt), s.ConsecutiveFailures);
            await batch.ExecuteAsync(shipment, cancellationToken);
            foreach (var e in seed.Events)
            {
                Bind(scan,
                    s.Id, e.DedupKey, e.OccurredAt.UtcTicks, (int)e.Status, e.StatusDetail, e.Description, e.RawCode,
                    e.Location.City, e.Location.Region, e.Location.PostalCode, e.Location.CountryCode, e.Source, e.IngestedAt.UtcTicks);
                await batch.ExecuteAsync(scan, cancellationToken);
            }
        }
        await batch.CompleteAsync(cancellationToken);
    }

    /// <summary>Appends change-log rows; the sequence numbers are handed out by the table, in this order.</summary>
    public async Task InsertChangesAsync(IEnumerable<SeedChange> changes, CancellationToken cancellationToken)
    {
        await using var insert = Prepare("""
            INSERT INTO changes (tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)
            """, 8);
        await using var batch = new TransactionBatch(_connection);
        foreach (var c in changes)
        {
            Bind(insert, c.TenantId, c.ShipmentId, (int)c.Kinds, (int)c.PreviousStatus, (int)c.Status, c.Version, c.CommittedAt.UtcTicks, c.Payload);
            await batch.ExecuteAsync(insert, cancellationToken);
        }
        await batch.CompleteAsync(cancellationToken);
    }

    /// <summary>Folds the write-ahead log into the database file, so the server starts on a compact file.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(_connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static object Ticks(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    /// <summary>A command whose parameters are bound by position: $p0..$pN, or the names in the SQL, in order.</summary>
    private SqliteCommand Prepare(string sql, int parameterCount)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var names = System.Text.RegularExpressions.Regex.Matches(sql, @"\$[A-Za-z0-9]+").Select(m => m.Value).Distinct().ToList();
        if (names.Count != parameterCount)
        {
            throw new InvalidOperationException($"Expected {parameterCount} parameters in the seeding SQL, found {names.Count}.");
        }
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
