using System.Text.Json;
using LogisticsLink.Storage;
using LogisticsLink.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LogisticsLink.Bench.Seeding;

/// <summary>
/// The PostgreSQL counterpart of <see cref="BulkSeeder"/>: the schema is created by the real store, then shipments and
/// their events go in with one binary COPY each (seeding is not what is measured). Same explicit column lists, same
/// values; <see cref="SeedCheck"/> reads samples back through the real store.
/// </summary>
public static class PostgresSeeder
{
    /// <summary>A store of the real kind on <paramref name="connectionString"/>, opened beside the server.</summary>
    public static PostgresShipmentStore OpenStore(string connectionString) => new(
        Options.Create(new StorageOptions { Provider = StorageOptions.PostgresProvider, Postgres = { ConnectionString = connectionString } }),
        TimeProvider.System, NullLogger<PostgresShipmentStore>.Instance);

    public static async Task InsertShipmentsAsync(string connectionString, IReadOnlyList<SeedShipment> shipments, CancellationToken cancellationToken)
    {
        await using (var store = OpenStore(connectionString))
        {
            await store.InitializeAsync(cancellationToken);
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY shipments (id, tenant_id, carrier, tracking_number, status, status_detail, status_description,
                tracking_url, estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version,
                order_channel, order_id, labels, created_at, updated_at, next_check_at, consecutive_failures, revision,
                change_committed_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var s in shipments.Select(seed => seed.State))
            {
                await copy.StartRowAsync(cancellationToken);
                await Text(copy, s.Id, cancellationToken);
                await Text(copy, s.TenantId, cancellationToken);
                await Text(copy, s.Carrier, cancellationToken);
                await Text(copy, s.TrackingNumber, cancellationToken);
                await copy.WriteAsync((int)s.Status, NpgsqlDbType.Integer, cancellationToken);
                await Text(copy, s.StatusDetail, cancellationToken);
                await Text(copy, s.StatusDescription, cancellationToken);
                await Text(copy, s.TrackingUrl, cancellationToken);
                await Ticks(copy, s.EstimatedDelivery, cancellationToken);
                await Ticks(copy, s.DeliveredAt, cancellationToken);
                await Ticks(copy, s.LastEventAt, cancellationToken);
                await Ticks(copy, s.LastCheckedAt, cancellationToken);
                await copy.WriteAsync(s.Stale ? 1 : 0, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(s.Version, NpgsqlDbType.Bigint, cancellationToken);
                await Text(copy, s.Order.Channel, cancellationToken);
                await Text(copy, s.Order.OrderId, cancellationToken);
                await Text(copy, s.Labels.Count == 0 ? "{}" : JsonSerializer.Serialize(s.Labels), cancellationToken);
                await copy.WriteAsync(s.CreatedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(s.UpdatedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                await Ticks(copy, s.NextCheckAt, cancellationToken);
                await copy.WriteAsync(s.ConsecutiveFailures, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                // Seeded as committed when built, as the migration that added the column backfills stored rows.
                await copy.WriteAsync(s.UpdatedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY tracking_events (shipment_id, dedup_key, occurred_at, status, status_detail, description, raw_code,
                city, region, postal_code, country_code, source, ingested_at, payload_sha256)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var seed in shipments)
            {
                foreach (var e in seed.Events)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await Text(copy, seed.State.Id, cancellationToken);
                    await Text(copy, e.DedupKey, cancellationToken);
                    await copy.WriteAsync(e.OccurredAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync((int)e.Status, NpgsqlDbType.Integer, cancellationToken);
                    await Text(copy, e.StatusDetail, cancellationToken);
                    await Text(copy, e.Description, cancellationToken);
                    await Text(copy, e.RawCode, cancellationToken);
                    await Text(copy, e.Location.City, cancellationToken);
                    await Text(copy, e.Location.Region, cancellationToken);
                    await Text(copy, e.Location.PostalCode, cancellationToken);
                    await Text(copy, e.Location.CountryCode, cancellationToken);
                    await Text(copy, e.Source, cancellationToken);
                    await copy.WriteAsync(e.IngestedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
                    await Text(copy, "", cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task Text(NpgsqlBinaryImporter copy, string value, CancellationToken cancellationToken) =>
        copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Ticks(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken cancellationToken) =>
        value is { } v ? copy.WriteAsync(v.UtcTicks, NpgsqlDbType.Bigint, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
