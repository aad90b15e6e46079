using System.Text;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes go through one connection, one at a time, so the
/// AUTOINCREMENT sequence of the change log is handed out in commit order and a reader can never see a hole.
/// Readers use their own pooled connections and are never blocked by the writer.
/// </summary>
public sealed class SqliteShipmentStore : IShipmentStore, IAsyncDisposable
{
    private const string ShipmentColumns = """
        id, tenant_id, carrier, tracking_number, status, status_detail, status_description, tracking_url,
        estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version, order_channel, order_id,
        labels, created_at, updated_at, next_check_at, consecutive_failures, revision, pk
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteShipmentStore(IOptions<StorageOptions> options)
    {
        var sqlite = options.Value.Sqlite;
        var fullPath = System.IO.Path.GetFullPath(sqlite.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(sqlite.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var writer = await WriterAsync(cancellationToken);
            await SqliteMigrations.ApplyAsync(writer, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<StoredShipment?> FindAsync(string tenantId, string shipmentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ShipmentColumns} FROM shipments WHERE id = $id AND tenant_id = $tenant";
        command.Parameters.Bind("$id", shipmentId);
        command.Parameters.Bind("$tenant", tenantId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<StoredShipment?> FindByNumberAsync(
        string tenantId, string carrier, string trackingNumber, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE tenant_id = $tenant AND carrier = $carrier AND tracking_number = $number
            """;
        command.Parameters.Bind("$tenant", tenantId);
        command.Parameters.Bind("$carrier", carrier);
        command.Parameters.Bind("$number", trackingNumber);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<TrackingEvent>> GetEventsAsync(string shipmentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT occurred_at, status, status_detail, description, raw_code, city, region, postal_code, country_code,
                   source, ingested_at
            FROM tracking_events WHERE shipment_id = $id ORDER BY occurred_at DESC, ingested_at DESC
            """;
        command.Parameters.Bind("$id", shipmentId);
        var events = new List<TrackingEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new TrackingEvent(
                SqliteValues.ReadInstant(reader, 0),
                (TrackingStatus)reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                new TrackingLocation(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)),
                reader.GetString(9),
                SqliteValues.ReadInstant(reader, 10)));
        }
        return events;
    }

    public async Task<ShipmentPage> ListAsync(string tenantId, ShipmentQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {ShipmentColumns} FROM shipments WHERE tenant_id = $tenant AND pk > $after");
        command.Parameters.Bind("$tenant", tenantId);
        command.Parameters.Bind("$after", query.AfterKey);
        AppendIn(sql, command, "status", "$s", query.Statuses.Select(s => (object)(int)s).ToList());
        if (!string.IsNullOrEmpty(query.OrderId))
        {
            sql.Append(" AND order_id = $order");
            command.Parameters.Bind("$order", query.OrderId);
        }
        if (query.UpdatedSince is { } since)
        {
            sql.Append(" AND updated_at >= $since");
            command.Parameters.Bind("$since", SqliteValues.Instant(since));
        }
        sql.Append(" ORDER BY pk LIMIT $limit");
        command.Parameters.Bind("$limit", query.PageSize + 1);
        command.CommandText = sql.ToString();

        var rows = new List<(ShipmentState State, long Key)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((ReadShipment(reader).State, reader.GetInt64(22)));
            }
        }
        var hasMore = rows.Count > query.PageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new ShipmentPage(rows.Select(r => r.State).ToList(), hasMore ? rows[^1].Key : 0);
    }

    public async Task<CommitResult> CommitAsync(ShipmentCommit commit, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var writer = await WriterAsync(cancellationToken);
            await using var tx = (SqliteTransaction)await writer.BeginTransactionAsync(cancellationToken);
            var revision = commit.ExpectedRevision + 1;
            if (commit.ExpectedRevision == 0)
            {
                await InsertShipmentAsync(writer, tx, commit.State, cancellationToken);
            }
            else
            {
                await UpdateShipmentAsync(writer, tx, commit.State, commit.ExpectedRevision, cancellationToken);
            }
            await InsertEventsAsync(writer, tx, commit, cancellationToken);
            var sequence = commit.ChangePayload is null ? 0 : await AppendChangeAsync(writer, tx, commit, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new CommitResult(revision, sequence);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM changes";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<ChangeRecord>> ReadChangesAsync(
        ChangeQuery query, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("""
            SELECT sequence, tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload
            FROM changes WHERE sequence > $after
            """);
        command.Parameters.Bind("$after", afterSequence);
        if (query.TenantId is not null)
        {
            sql.Append(" AND tenant_id = $tenant");
            command.Parameters.Bind("$tenant", query.TenantId);
        }
        AppendIn(sql, command, "shipment_id", "$id", query.ShipmentIds.Cast<object>().ToList());
        AppendIn(sql, command, "status", "$s", query.Statuses.Select(s => (object)(int)s).ToList());
        sql.Append(" ORDER BY sequence LIMIT $limit");
        command.Parameters.Bind("$limit", max);
        command.CommandText = sql.ToString();

        var changes = new List<ChangeRecord>(Math.Min(max, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new ChangeRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                (ChangeKinds)reader.GetInt32(3),
                (TrackingStatus)reader.GetInt32(4),
                (TrackingStatus)reader.GetInt32(5),
                reader.GetInt64(6),
                SqliteValues.ReadInstant(reader, 7),
                (byte[])reader.GetValue(8)));
        }
        return changes;
    }

    public async Task<IReadOnlyList<StoredShipment>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE next_check_at IS NOT NULL AND next_check_at <= $now
            ORDER BY next_check_at LIMIT $limit
            """;
        command.Parameters.Bind("$now", SqliteValues.Instant(now));
        command.Parameters.Bind("$limit", max);
        var due = new List<StoredShipment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(ReadShipment(reader));
        }
        return due;
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        _writeLock.Dispose();
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

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task InsertShipmentAsync(
        SqliteConnection writer, SqliteTransaction tx, ShipmentState s, CancellationToken cancellationToken)
    {
        await using var command = writer.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO shipments (id, tenant_id, carrier, tracking_number, status, status_detail, status_description,
                tracking_url, estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version,
                order_channel, order_id, labels, created_at, updated_at, next_check_at, consecutive_failures, revision)
            VALUES ($id, $tenant, $carrier, $number, $status, $detail, $description, $url, $eta, $delivered, $lastEvent,
                $lastChecked, $stale, $version, $channel, $order, $labels, $created, $updated, $next, $failures, 1)
            """;
        BindState(command, s);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 /* SQLITE_CONSTRAINT */)
        {
            throw new DuplicateShipmentException(s.Carrier, s.TrackingNumber);
        }
    }

    private static async Task UpdateShipmentAsync(
        SqliteConnection writer, SqliteTransaction tx, ShipmentState s, long expectedRevision, CancellationToken cancellationToken)
    {
        await using var command = writer.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            UPDATE shipments SET status = $status, status_detail = $detail, status_description = $description,
                tracking_url = $url, estimated_delivery = $eta, delivered_at = $delivered, last_event_at = $lastEvent,
                last_checked_at = $lastChecked, stale = $stale, version = $version, order_channel = $channel,
                order_id = $order, labels = $labels, updated_at = $updated, next_check_at = $next,
                consecutive_failures = $failures, revision = revision + 1
            WHERE id = $id AND tenant_id = $tenant AND revision = $revision
            """;
        BindState(command, s);
        command.Parameters.Bind("$revision", expectedRevision);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ConcurrencyConflictException(s.Id);
        }
    }

    private static void BindState(SqliteCommand command, ShipmentState s)
    {
        var p = command.Parameters;
        p.Bind("$id", s.Id);
        p.Bind("$tenant", s.TenantId);
        p.Bind("$carrier", s.Carrier);
        p.Bind("$number", s.TrackingNumber);
        p.Bind("$status", (int)s.Status);
        p.Bind("$detail", s.StatusDetail);
        p.Bind("$description", s.StatusDescription);
        p.Bind("$url", s.TrackingUrl);
        p.Bind("$eta", SqliteValues.Instant(s.EstimatedDelivery));
        p.Bind("$delivered", SqliteValues.Instant(s.DeliveredAt));
        p.Bind("$lastEvent", SqliteValues.Instant(s.LastEventAt));
        p.Bind("$lastChecked", SqliteValues.Instant(s.LastCheckedAt));
        p.Bind("$stale", s.Stale ? 1 : 0);
        p.Bind("$version", s.Version);
        p.Bind("$channel", s.Order.Channel);
        p.Bind("$order", s.Order.OrderId);
        p.Bind("$labels", SqliteValues.Labels(s.Labels));
        p.Bind("$created", SqliteValues.Instant(s.CreatedAt));
        p.Bind("$updated", SqliteValues.Instant(s.UpdatedAt));
        p.Bind("$next", SqliteValues.Instant(s.NextCheckAt));
        p.Bind("$failures", s.ConsecutiveFailures);
    }

    private static async Task InsertEventsAsync(
        SqliteConnection writer, SqliteTransaction tx, ShipmentCommit commit, CancellationToken cancellationToken)
    {
        if (commit.AddedEvents.Count == 0)
        {
            return;
        }
        await using var command = writer.CreateCommand();
        command.Transaction = tx;
        // OR IGNORE: the domain already de-duplicated; a repeat here can only be the same scan, so keeping the first is right.
        command.CommandText = """
            INSERT OR IGNORE INTO tracking_events (shipment_id, dedup_key, occurred_at, status, status_detail,
                description, raw_code, city, region, postal_code, country_code, source, ingested_at, payload_sha256)
            VALUES ($shipment, $key, $occurred, $status, $detail, $description, $raw, $city, $region, $postal,
                $country, $source, $ingested, $sha)
            """;
        var parameters = new[]
        {
            "$shipment", "$key", "$occurred", "$status", "$detail", "$description", "$raw", "$city", "$region",
            "$postal", "$country", "$source", "$ingested", "$sha",
        }.Select(name => command.Parameters.Add(name, SqliteType.Text)).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var e in commit.AddedEvents)
        {
            object[] values =
            [
                commit.State.Id, e.DedupKey, e.OccurredAt.UtcTicks, (int)e.Status, e.StatusDetail, e.Description,
                e.RawCode, e.Location.City, e.Location.Region, e.Location.PostalCode, e.Location.CountryCode,
                e.Source, e.IngestedAt.UtcTicks, commit.PayloadSha256,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<long> AppendChangeAsync(
        SqliteConnection writer, SqliteTransaction tx, ShipmentCommit commit, CancellationToken cancellationToken)
    {
        await using var command = writer.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO changes (tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload)
            VALUES ($tenant, $id, $kinds, $previous, $status, $version, $committed, $payload)
            RETURNING sequence
            """;
        var s = commit.State;
        command.Parameters.Bind("$tenant", s.TenantId);
        command.Parameters.Bind("$id", s.Id);
        command.Parameters.Bind("$kinds", (int)commit.Kinds);
        command.Parameters.Bind("$previous", (int)commit.PreviousStatus);
        command.Parameters.Bind("$status", (int)s.Status);
        command.Parameters.Bind("$version", s.Version);
        command.Parameters.Bind("$committed", SqliteValues.Instant(s.UpdatedAt));
        command.Parameters.Bind("$payload", commit.ChangePayload!);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<StoredShipment?> ReadSingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadShipment(reader) : null;
    }

    private static StoredShipment ReadShipment(SqliteDataReader r) => new(new ShipmentState
    {
        Id = r.GetString(0),
        TenantId = r.GetString(1),
        Carrier = r.GetString(2),
        TrackingNumber = r.GetString(3),
        Status = (TrackingStatus)r.GetInt32(4),
        StatusDetail = r.GetString(5),
        StatusDescription = r.GetString(6),
        TrackingUrl = r.GetString(7),
        EstimatedDelivery = SqliteValues.ReadOptionalInstant(r, 8),
        DeliveredAt = SqliteValues.ReadOptionalInstant(r, 9),
        LastEventAt = SqliteValues.ReadOptionalInstant(r, 10),
        LastCheckedAt = SqliteValues.ReadOptionalInstant(r, 11),
        Stale = r.GetInt32(12) != 0,
        Version = r.GetInt64(13),
        Order = r.GetString(14).Length == 0 && r.GetString(15).Length == 0 ? OrderLink.None : new OrderLink(r.GetString(14), r.GetString(15)),
        Labels = SqliteValues.ReadLabels(r.GetString(16)),
        CreatedAt = SqliteValues.ReadInstant(r, 17),
        UpdatedAt = SqliteValues.ReadInstant(r, 18),
        NextCheckAt = SqliteValues.ReadOptionalInstant(r, 19),
        ConsecutiveFailures = r.GetInt32(20),
    }, r.GetInt64(21));

    private static void AppendIn(StringBuilder sql, SqliteCommand command, string column, string prefix, IReadOnlyList<object> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i;
            sql.Append(i == 0 ? "" : ", ").Append(name);
            command.Parameters.Bind(name, values[i]);
        }
        sql.Append(')');
    }
}
