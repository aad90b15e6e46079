using System.Data.Common;
using System.Text.Json;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Sqlite;
using LogisticsLink.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LogisticsLink.Storage.Tests.Support;

/// <summary>
/// A test's database as an earlier release left it: only the migrations that release had, and rows written in the
/// shape its code wrote them (instants as UTC ticks, labels as JSON, statuses and kinds as numbers), column by column,
/// so the current store can be opened on it and upgrade it.
/// </summary>
internal sealed class EarlierRelease : IAsyncDisposable
{
    /// <summary>The first release: shipments, their events and the change log.</summary>
    public static readonly (int Sqlite, int Postgres) First = (1, 1);

    /// <summary>The release that added orders, shipment extras and marketplace connections.</summary>
    public static readonly (int Sqlite, int Postgres) Orders = (3, 2);

    private readonly DbConnection _connection;

    private EarlierRelease(DbConnection connection) => _connection = connection;

    public static async Task<EarlierRelease> OpenAsync(TestDatabase db)
    {
        var connection = db.RawConnection();
        await connection.OpenAsync();
        return new EarlierRelease(connection);
    }

    /// <summary>Brings the schema to <paramref name="release"/>'s version, as that release's start-up did.</summary>
    public Task MigrateToAsync((int Sqlite, int Postgres) release) => _connection switch
    {
        NpgsqlConnection postgres => PostgresMigrations.ApplyUpToAsync(postgres, release.Postgres, CancellationToken.None),
        SqliteConnection sqlite => SqliteMigrations.ApplyUpToAsync(sqlite, release.Sqlite, CancellationToken.None),
        _ => throw new InvalidOperationException("Unknown connection " + _connection.GetType().Name),
    };

    /// <summary>A shipment row of the first release's columns; the fields later releases added must be at their defaults.</summary>
    public Task InsertShipmentAsync(ShipmentState s, long revision) => ExecuteAsync("""
        INSERT INTO shipments (id, tenant_id, carrier, tracking_number, status, status_detail, status_description,
            tracking_url, estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version,
            order_channel, order_id, labels, created_at, updated_at, next_check_at, consecutive_failures, revision)
        VALUES (@id, @tenant, @carrier, @number, @status, @detail, @description, @url, @eta, @delivered, @lastEvent,
            @lastChecked, @stale, @version, @channel, @order, @labels, @created, @updated, @next, @failures, @revision)
        """,
        ("@id", s.Id), ("@tenant", s.TenantId), ("@carrier", s.Carrier), ("@number", s.TrackingNumber), ("@status", (int)s.Status),
        ("@detail", s.StatusDetail), ("@description", s.StatusDescription), ("@url", s.TrackingUrl),
        ("@eta", Ticks(s.EstimatedDelivery)), ("@delivered", Ticks(s.DeliveredAt)), ("@lastEvent", Ticks(s.LastEventAt)),
        ("@lastChecked", Ticks(s.LastCheckedAt)), ("@stale", s.Stale ? 1 : 0), ("@version", s.Version),
        ("@channel", s.Order.Channel), ("@order", s.Order.OrderId),
        ("@labels", s.Labels.Count == 0 ? "{}" : JsonSerializer.Serialize(s.Labels)),
        ("@created", s.CreatedAt.UtcTicks), ("@updated", s.UpdatedAt.UtcTicks), ("@next", Ticks(s.NextCheckAt)),
        ("@failures", s.ConsecutiveFailures), ("@revision", revision));

    public async Task InsertEventsAsync(string shipmentId, params TrackingEvent[] events)
    {
        foreach (var e in events)
        {
            await ExecuteAsync("""
                INSERT INTO tracking_events (shipment_id, dedup_key, occurred_at, status, status_detail, description,
                    raw_code, city, region, postal_code, country_code, source, ingested_at, payload_sha256)
                VALUES (@shipment, @key, @occurred, @status, @detail, @description, @raw, @city, @region, @postal,
                    @country, @source, @ingested, @sha)
                """,
                ("@shipment", shipmentId), ("@key", e.DedupKey), ("@occurred", e.OccurredAt.UtcTicks), ("@status", (int)e.Status),
                ("@detail", e.StatusDetail), ("@description", e.Description), ("@raw", e.RawCode), ("@city", e.Location.City),
                ("@region", e.Location.Region), ("@postal", e.Location.PostalCode), ("@country", e.Location.CountryCode),
                ("@source", e.Source), ("@ingested", e.IngestedAt.UtcTicks),
                ("@sha", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        }
    }

    /// <summary>A change-log row; the database hands out its sequence, as it always did.</summary>
    public Task InsertChangeAsync(
        string tenantId, string key, ChangeKinds kinds, TrackingStatus previous, TrackingStatus status, long version,
        DateTimeOffset committedAt, byte[] payload) => ExecuteAsync("""
        INSERT INTO changes (tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload)
        VALUES (@tenant, @key, @kinds, @previous, @status, @version, @committed, @payload)
        """,
        ("@tenant", tenantId), ("@key", key), ("@kinds", (int)kinds), ("@previous", (int)previous), ("@status", (int)status),
        ("@version", version), ("@committed", committedAt.UtcTicks), ("@payload", payload));

    /// <summary>An order row of the release that added orders (before the Prime flag and the order name).</summary>
    public Task InsertOrderAsync(OrderState o, long revision) => ExecuteAsync("""
        INSERT INTO orders (tenant_id, channel, order_id, fulfillment_channel, status, marketplace_id, buyer_language,
            purchased_at, latest_ship_date, latest_delivery_date, shipped_at, risks, risk_mask, version, created_at,
            updated_at, revision)
        VALUES (@tenant, @channel, @order, @fulfillment, @status, @marketplace, @language, @purchased, @shipBy,
            @deliverBy, @shipped, '[]', 0, @version, @created, @updated, @revision)
        """,
        ("@tenant", o.TenantId), ("@channel", o.Channel), ("@order", o.OrderId), ("@fulfillment", (int)o.FulfillmentChannel),
        ("@status", o.Status), ("@marketplace", o.MarketplaceId), ("@language", o.BuyerLanguage),
        ("@purchased", Ticks(o.PurchasedAt)), ("@shipBy", Ticks(o.LatestShipDate)), ("@deliverBy", Ticks(o.LatestDeliveryDate)),
        ("@shipped", Ticks(o.ShippedAt)), ("@version", o.Version), ("@created", o.CreatedAt.UtcTicks),
        ("@updated", o.UpdatedAt.UtcTicks), ("@revision", revision));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static object Ticks(DateTimeOffset? instant) => instant is { } i ? i.UtcTicks : DBNull.Value;

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] values)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
