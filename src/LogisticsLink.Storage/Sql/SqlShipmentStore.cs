using System.Data.Common;
using System.Text;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// The store logic every SQL database shares: the same tables, the same statements (standard SQL with
/// <c>ON CONFLICT</c> and <c>RETURNING</c>), the same row mapping. A dialect supplies connections, how writes are
/// serialized so that change-log sequences are visible in commit order, how due shipments are leased, and migrations.
/// </summary>
public abstract partial class SqlShipmentStore : IShipmentStore, IOrderStore, IAsyncDisposable
{
    private const string ShipmentColumns = """
        id, tenant_id, carrier, tracking_number, status, status_detail, status_description, tracking_url,
        estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version, order_channel, order_id,
        labels, created_at, updated_at, next_check_at, consecutive_failures, revision, pk, extras, first_scan_at, risk_check_at
        """;

    private const string EventColumns = """
        occurred_at, status, status_detail, description, raw_code, city, region, postal_code, country_code, source, ingested_at
        """;

    // TrackingEvent.EffectiveAt in SQL: a scan dated well after it was stored counts as of when it was stored.
    private static readonly string EffectiveAt =
        $"CASE WHEN occurred_at - ingested_at > {TrackingEvent.MisdatedAfter.Ticks} THEN ingested_at ELSE occurred_at END";

    // TrackingStatusExtensions.Progress in SQL, built from it so the two cannot drift apart.
    private static readonly string Progress =
        $"CASE status {string.Concat(Enum.GetValues<TrackingStatus>().Select(s => $"WHEN {(int)s} THEN {s.Progress()} "))}ELSE 0 END";

    /// <summary>
    /// Newest first as the tracker tells scans apart (the later <see cref="TrackingEvent.EffectiveAt"/>, then at one
    /// instant the further along: out for delivery and delivered at 14:00 is delivered), then the later ingested, then
    /// the key byte by byte: every tie broken, so the list is the same on every read and in every store.
    /// </summary>
    private string NewestFirst => _newestFirst ??= $"{EffectiveAt} DESC, {Progress} DESC, ingested_at DESC, dedup_key{BytewiseCollation} DESC";

    private string? _newestFirst;

    /// <summary>
    /// How a text column is compared byte by byte (UTF-8) in an ORDER BY, whatever collation the database was created
    /// with (a language's collation passes over punctuation such as the '|' of a key).
    /// </summary>
    private protected abstract string BytewiseCollation { get; }

    // Built once: every refresh runs it, and the session finds its prepared statement by this text.
    private string KnownEventsSql => _knownEventsSql ??= $"""
        SELECT {EventColumns}
        FROM tracking_events WHERE shipment_id = @id ORDER BY {NewestFirst} LIMIT 1;
        SELECT MAX({EffectiveAt}) FROM tracking_events WHERE shipment_id = @id AND status = @delivered;
        SELECT dedup_key FROM tracking_events WHERE shipment_id = @id;
        """;

    private string? _knownEventsSql;

    // At most this many rows per multi-row INSERT of events (14 parameters each, far below every driver's limit).
    private const int EventsPerInsert = 100;

    private readonly TimeProvider _time;

    private protected SqlShipmentStore(TimeProvider time) => _time = time;

    /// <summary>The shipment columns in the order <see cref="ReadShipment"/> reads them.</summary>
    protected static string Columns => ShipmentColumns;

    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>A session on an open connection for reads.</summary>
    private protected abstract Task<SqlSession> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction (its session's) and returns once that transaction has
    /// committed; concurrent writes may share one transaction, each in its own savepoint. The token only keeps a
    /// write from being queued: once queued it runs to its end, and its statements get no token, because another
    /// caller's statements run on the same connection (on PostgreSQL a cancel reaches whatever statement the
    /// connection is running when it lands, so a late one would fail another caller's write or the commit).
    /// </summary>
    private protected abstract Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Called inside the write transaction after the change-log row got its sequence.</summary>
    private protected virtual Task AfterAppendAsync(SqlSession session, long sequence, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public abstract Task<IReadOnlyList<StoredShipment>> LeaseDueAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken);

    public abstract Task<IAsyncDisposable> LockRefreshAsync(string shipmentId, CancellationToken cancellationToken);

    public Task<int> ReleaseLeasesAsync(IReadOnlyCollection<string> shipmentIds, DateTimeOffset leasedUntil, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            var released = 0;
            // One prepared statement per id rather than an IN list whose text changes with the batch's size.
            foreach (var id in shipmentIds)
            {
                var command = session.Statement("UPDATE shipments SET lease_until = NULL WHERE id = @id AND lease_until = @until");
                command.Bind("@id", id);
                command.Bind("@until", RowValues.Instant(leasedUntil));
                released += await command.ExecuteAsync(CancellationToken.None);
            }
            return released;
        }, cancellationToken);

    public abstract Task ListenForChangesAsync(Action<long> logAdvanced, CancellationToken cancellationToken);

    public async Task<StoredShipment?> FindAsync(string tenantId, string shipmentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"SELECT {ShipmentColumns} FROM shipments WHERE id = @id AND tenant_id = @tenant");
        command.Bind("@id", shipmentId);
        command.Bind("@tenant", tenantId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<StoredShipment?> FindByNumberAsync(
        string tenantId, string carrier, string trackingNumber, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE tenant_id = @tenant AND carrier = @carrier AND tracking_number = @number
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@carrier", carrier);
        command.Bind("@number", trackingNumber);
        return await ReadSingleAsync(command, cancellationToken);
    }

    /// <summary>
    /// The SQL for a shipment's number without the carrier id an Amazon Shipping number may start with
    /// (<c>AMZN_US:TBA…</c> → <c>TBA…</c>; a number without a colon is itself). Written exactly as in the index on
    /// (tenant_id, this) that the migrations create, so lookups by number use it.
    /// </summary>
    private protected abstract string NumberAfterCarrierIdSql { get; }

    public async Task<IReadOnlyList<StoredShipment>> ListByNumberAsync(
        string tenantId, string trackingNumber, int max, CancellationToken cancellationToken)
    {
        var colon = trackingNumber.IndexOf(':', StringComparison.Ordinal);
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE tenant_id = @tenant AND {NumberAfterCarrierIdSql} = @number{(colon >= 0 ? " AND tracking_number = @full" : "")}
            ORDER BY created_at, pk LIMIT @max
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@number", trackingNumber[(colon + 1)..]);
        if (colon >= 0)
        {
            command.Bind("@full", trackingNumber);
        }
        command.Bind("@max", max);
        return await ReadShipmentsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredShipment>> ListByNumberEndsAsync(
        string tenantId, string carrier, string start, string ending, IReadOnlyCollection<int> lengths, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        var patterns = lengths.Where(length => length >= start.Length + ending.Length).Distinct()
            .Select(length => LikeLiteral(start) + new string('_', length - start.Length - ending.Length) + LikeLiteral(ending))
            .ToList();
        if (patterns.Count == 0)
        {
            return [];
        }
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE tenant_id = @tenant AND carrier = @carrier AND tracking_number >= @from AND tracking_number < @to
              AND ({string.Join(" OR ", patterns.Select((_, i) => $"tracking_number LIKE @pattern{i} ESCAPE '\\'"))})
            ORDER BY created_at, pk LIMIT @max
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@carrier", carrier);
        // The range lets the (tenant, carrier, number) index find the numbers that start so; LIKE alone cannot use it
        // (case-insensitive in SQLite, collation-bound in PostgreSQL) and would read every number of the carrier.
        command.Bind("@from", start);
        command.Bind("@to", start[..^1] + (char)(start[^1] + 1));
        for (var i = 0; i < patterns.Count; i++)
        {
            command.Bind($"@pattern{i}", patterns[i]);
        }
        command.Bind("@max", max);
        return await ReadShipmentsAsync(command, cancellationToken);
    }

    /// <summary>Text matched literally inside a LIKE pattern whose escape character is a backslash.</summary>
    private static string LikeLiteral(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public async Task<IReadOnlyList<TrackingEvent>> GetEventsAsync(string shipmentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {EventColumns}
            FROM tracking_events WHERE shipment_id = @id ORDER BY {NewestFirst}
            """);
        command.Bind("@id", shipmentId);
        var events = new List<TrackingEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(reader));
        }
        return events;
    }

    public async Task<KnownEvents> GetKnownEventsAsync(string shipmentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        // One prepared statement: the shipment's keys are one contiguous range of the primary key.
        var command = session.Command(KnownEventsSql);
        command.Bind("@id", shipmentId);
        command.Bind("@delivered", (int)TrackingStatus.Delivered);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var newest = await reader.ReadAsync(cancellationToken) ? ReadEvent(reader) : null;
        await reader.NextResultAsync(cancellationToken);
        var delivered = await reader.ReadAsync(cancellationToken) ? RowValues.ReadOptionalInstant(reader, 0) : null;
        await reader.NextResultAsync(cancellationToken);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }
        return new KnownEvents(known, newest, delivered);
    }

    public async Task<ShipmentPage> ListAsync(string tenantId, ShipmentQuery query, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var parameters = new List<(string, object)> { ("@tenant", tenantId), ("@after", query.AfterKey) };
        var sql = new StringBuilder($"SELECT {ShipmentColumns} FROM shipments WHERE tenant_id = @tenant AND pk > @after");
        AppendIn(sql, parameters, "status", "@s", query.Statuses.Select(s => (object)(int)s).ToList());
        if (!string.IsNullOrEmpty(query.OrderId))
        {
            sql.Append(" AND order_id = @order");
            parameters.Add(("@order", query.OrderId));
        }
        if (query.UpdatedSince is { } since)
        {
            // Matched against when the change was committed, not updated_at (when it was built): a change built before
            // one a client has already read can commit after that read, and carries an updated_at below the greatest the
            // client saw. Every change committed after a read is stamped later than any updated_at that read returned.
            sql.Append(" AND change_committed_at >= @since");
            parameters.Add(("@since", RowValues.Instant(since)));
        }
        sql.Append(" ORDER BY pk LIMIT @limit");
        parameters.Add(("@limit", query.PageSize + 1));
        var command = session.Command(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

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

    public Task<CommitResult> CommitAsync(ShipmentCommit commit, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            // Stamped here, in the transaction that commits it, not when the caller built the change: a write that
            // waited for its turn says when it was committed. The change-log entry and the row's change_committed_at
            // get the same instant; a commit without a change (bookkeeping) moves neither.
            DateTimeOffset? changeCommittedAt = commit.ChangePayload is null ? null : _time.GetUtcNow();
            if (commit.ExpectedRevision == 0)
            {
                await InsertShipmentAsync(session, commit.State, changeCommittedAt, CancellationToken.None);
            }
            else
            {
                await UpdateShipmentAsync(session, commit.State, commit.ExpectedRevision, changeCommittedAt, CancellationToken.None);
            }
            await InsertEventsAsync(session, commit, CancellationToken.None);
            foreach (var order in commit.OrdersToReview)
            {
                await MarkForReviewAsync(session, commit.State.TenantId, order);
            }
            var sequence = 0L;
            if (changeCommittedAt is { } committedAt)
            {
                sequence = await AppendChangeAsync(session, commit, committedAt, CancellationToken.None);
                await AfterAppendAsync(session, sequence, CancellationToken.None);
            }
            return new CommitResult(commit.ExpectedRevision + 1, sequence) { CommittedAt = changeCommittedAt ?? commit.State.UpdatedAt };
        }, cancellationToken);

    public async Task<IReadOnlyList<StoredShipment>> ListRiskChecksDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {ShipmentColumns} FROM shipments
            WHERE risk_check_at IS NOT NULL AND risk_check_at <= @now
            ORDER BY risk_check_at LIMIT @limit
            """);
        command.Bind("@now", RowValues.Instant(now));
        command.Bind("@limit", max);
        return await ReadShipmentsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredShipment>> ReadShipmentsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var shipments = new List<StoredShipment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            shipments.Add(ReadShipment(reader));
        }
        return shipments;
    }

    public async Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT COALESCE(MAX(sequence), 0) FROM changes");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<LogPosition> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT sequence, committed_at FROM changes ORDER BY sequence DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LogPosition(reader.GetInt64(0), RowValues.ReadInstant(reader, 1))
            : new LogPosition(0, null);
    }

    public async Task<DateTimeOffset?> GetCommittedAtAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT committed_at FROM changes WHERE sequence = @sequence");
        command.Bind("@sequence", sequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RowValues.ReadInstant(reader, 0) : null;
    }

    public async Task<IReadOnlyList<ChangeRecord>> ReadChangesAsync(
        ChangeQuery query, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var parameters = new List<(string, object)> { ("@after", afterSequence) };
        var sql = new StringBuilder("""
            SELECT sequence, tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload
            FROM changes WHERE sequence > @after
            """);
        if (query.TenantId is not null)
        {
            sql.Append(" AND tenant_id = @tenant");
            parameters.Add(("@tenant", query.TenantId));
        }
        AppendIn(sql, parameters, "shipment_id", "@id", query.ShipmentIds.Cast<object>().ToList());
        AppendIn(sql, parameters, "status", "@s", query.Statuses.Select(s => (object)(int)s).ToList());
        sql.Append(" ORDER BY sequence LIMIT @limit");
        parameters.Add(("@limit", max));
        var command = session.Command(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

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
                RowValues.ReadInstant(reader, 7),
                (byte[])reader.GetValue(8)));
        }
        return changes;
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Runs a lease statement (an UPDATE … RETURNING the shipment columns) and orders the result.</summary>
    protected static async Task<IReadOnlyList<StoredShipment>> ReadLeasedAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var due = new List<StoredShipment>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(ReadShipment(reader));
            }
        }
        // RETURNING has no ORDER BY: restore "most overdue first".
        return due.OrderBy(d => d.State.NextCheckAt).ToList();
    }

    /// <param name="changeCommittedAt">
    /// When the change this insert carries is committed; null for an insert without a change, whose row is then listed
    /// by its <see cref="ShipmentState.UpdatedAt"/> (what the change log reports as its commit time too).
    /// </param>
    private static async Task InsertShipmentAsync(
        SqlSession session, ShipmentState s, DateTimeOffset? changeCommittedAt, CancellationToken cancellationToken)
    {
        var command = session.Statement("""
            INSERT INTO shipments (id, tenant_id, carrier, tracking_number, status, status_detail, status_description,
                tracking_url, estimated_delivery, delivered_at, last_event_at, last_checked_at, stale, version,
                order_channel, order_id, labels, created_at, updated_at, next_check_at, consecutive_failures, revision, extras,
                first_scan_at, risk_check_at, change_committed_at)
            VALUES (@id, @tenant, @carrier, @number, @status, @detail, @description, @url, @eta, @delivered, @lastEvent,
                @lastChecked, @stale, @version, @channel, @order, @labels, @created, @updated, @next, @failures, 1, @extras,
                @firstScan, @riskCheck, @changeCommitted)
            ON CONFLICT DO NOTHING
            """);
        BindState(command, s);
        command.Bind("@changeCommitted", RowValues.Instant(changeCommittedAt ?? s.UpdatedAt));
        if (await command.ExecuteAsync(cancellationToken) != 1)
        {
            throw new DuplicateShipmentException(s.Carrier, s.TrackingNumber);
        }
    }

    /// <param name="changeCommittedAt">When the change this update carries is committed; null (bookkeeping) keeps the row's.</param>
    private async Task UpdateShipmentAsync(
        SqlSession session, ShipmentState s, long expectedRevision, DateTimeOffset? changeCommittedAt, CancellationToken cancellationToken)
    {
        var command = session.Statement(RewritesIndexesSetToTheSameValue ? UpdateWithoutRareColumns : UpdateWithRareColumns);
        BindState(command, s);
        command.Bind("@revision", expectedRevision);
        command.Bind("@changeCommitted", RowValues.Instant(changeCommittedAt));
        if (await command.ExecuteAsync(cancellationToken) != 1)
        {
            throw new ConcurrencyConflictException(s.Id);
        }
        if (RewritesIndexesSetToTheSameValue)
        {
            // The order link rarely changes: set it, and so touch its two indexes, only when it differs.
            var link = session.Statement("""
                UPDATE shipments SET order_channel = @channel, order_id = @order
                WHERE id = @id AND (order_channel <> @channel OR order_id <> @order)
                """);
            link.Bind("@id", s.Id);
            link.Bind("@channel", s.Order.Channel);
            link.Bind("@order", s.Order.OrderId);
            await link.ExecuteAsync(cancellationToken);
            // Nor does the time of the next risk check at most refreshes (a promise, a stall limit stay where they are).
            // IS NOT: SQLite's comparison that holds for NULL too; only a dialect of this kind runs this statement.
            var riskCheck = session.Statement("UPDATE shipments SET risk_check_at = @riskCheck WHERE id = @id AND risk_check_at IS NOT @riskCheck");
            riskCheck.Bind("@id", s.Id);
            riskCheck.Bind("@riskCheck", RowValues.Instant(s.RiskCheckAt));
            await riskCheck.ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The database rewrites the entries of every index on a column an UPDATE sets, even to the value it had (SQLite
    /// does; PostgreSQL compares values), so a refresh that sets the order link and the risk check time pays three index
    /// pages more to write and sync. Such a dialect sets those rarely changed columns with statements of their own, only
    /// when they change.
    /// </summary>
    private protected virtual bool RewritesIndexesSetToTheSameValue => false;

    private static readonly string UpdateWithoutRareColumns = UpdateSql(setsRareColumns: false);
    private static readonly string UpdateWithRareColumns = UpdateSql(setsRareColumns: true);

    private static string UpdateSql(bool setsRareColumns) => $"""
        UPDATE shipments SET status = @status, status_detail = @detail, status_description = @description,
            tracking_url = @url, estimated_delivery = @eta, delivered_at = @delivered, last_event_at = @lastEvent, first_scan_at = @firstScan,
            last_checked_at = @lastChecked, stale = @stale, version = @version, labels = @labels,
            updated_at = @updated, next_check_at = @next, consecutive_failures = @failures, lease_until = NULL,
            change_committed_at = COALESCE(@changeCommitted, change_committed_at),
            revision = revision + 1, extras = @extras{(setsRareColumns ? ", order_channel = @channel, order_id = @order, risk_check_at = @riskCheck" : "")}
        WHERE id = @id AND tenant_id = @tenant AND revision = @revision
        """;

    private static void BindState(Statement command, ShipmentState s)
    {
        command.Bind("@id", s.Id);
        command.Bind("@tenant", s.TenantId);
        command.Bind("@carrier", s.Carrier);
        command.Bind("@number", s.TrackingNumber);
        command.Bind("@status", (int)s.Status);
        command.Bind("@detail", s.StatusDetail);
        command.Bind("@description", s.StatusDescription);
        command.Bind("@url", s.TrackingUrl);
        command.Bind("@eta", RowValues.Instant(s.EstimatedDelivery));
        command.Bind("@delivered", RowValues.Instant(s.DeliveredAt));
        command.Bind("@lastEvent", RowValues.Instant(s.LastEventAt));
        command.Bind("@firstScan", RowValues.Instant(s.FirstScanAt));
        command.Bind("@lastChecked", RowValues.Instant(s.LastCheckedAt));
        command.Bind("@stale", s.Stale ? 1 : 0);
        command.Bind("@version", s.Version);
        command.Bind("@channel", s.Order.Channel);
        command.Bind("@order", s.Order.OrderId);
        command.Bind("@labels", RowValues.Labels(s.Labels));
        command.Bind("@created", RowValues.Instant(s.CreatedAt));
        command.Bind("@updated", RowValues.Instant(s.UpdatedAt));
        command.Bind("@next", RowValues.Instant(s.NextCheckAt));
        command.Bind("@failures", s.ConsecutiveFailures);
        command.Bind("@extras", ShipmentExtras.Write(s));
        command.Bind("@riskCheck", RowValues.Instant(s.RiskCheckAt));
    }

    private static async Task InsertEventsAsync(SqlSession session, ShipmentCommit commit, CancellationToken cancellationToken)
    {
        for (var start = 0; start < commit.AddedEvents.Count; start += EventsPerInsert)
        {
            var count = Math.Min(EventsPerInsert, commit.AddedEvents.Count - start);
            // One statement for a snapshot's events; its text depends only on the row count, so it is prepared once.
            // DO NOTHING: the domain already de-duplicated; a repeat here can only be the same scan, so the first stays.
            var sql = new StringBuilder("""
                INSERT INTO tracking_events (shipment_id, dedup_key, occurred_at, status, status_detail,
                    description, raw_code, city, region, postal_code, country_code, source, ingested_at, payload_sha256)
                VALUES
                """);
            for (var i = 0; i < count; i++)
            {
                sql.Append(i == 0 ? " (@shipment, " : ", (@shipment, ").AppendJoin(", ", EventParameters[i]).Append(", @sha)");
            }
            sql.Append(" ON CONFLICT DO NOTHING");
            var command = session.Statement(sql.ToString());
            command.Bind("@shipment", commit.State.Id);
            command.Bind("@sha", commit.PayloadSha256);
            for (var i = 0; i < count; i++)
            {
                var e = commit.AddedEvents[start + i];
                object?[] values =
                [
                    e.DedupKey, e.OccurredAt.UtcTicks, (int)e.Status, e.StatusDetail, e.Description, e.RawCode, e.Location.City,
                    e.Location.Region, e.Location.PostalCode, e.Location.CountryCode, e.Source, e.IngestedAt.UtcTicks,
                ];
                for (var field = 0; field < values.Length; field++)
                {
                    command.Bind(EventParameters[i][field], values[field]);
                }
            }
            await command.ExecuteAsync(cancellationToken);
        }
    }

    // The parameters of row i of the event insert, in column order; named once here rather than on every bind.
    private static readonly string[][] EventParameters = Enumerable.Range(0, EventsPerInsert)
        .Select(i => new[] { "@key", "@occurred", "@status", "@detail", "@description", "@raw", "@city", "@region", "@postal", "@country", "@source", "@ingested" }
            .Select(name => name + i).ToArray())
        .ToArray();

    private static Task<long> AppendChangeAsync(
        SqlSession session, ShipmentCommit commit, DateTimeOffset committedAt, CancellationToken cancellationToken)
    {
        var s = commit.State;
        return AppendLogEntryAsync(session,
            new LogEntry(s.TenantId, s.Id, commit.Kinds, commit.PreviousStatus, s.Status, s.Version, committedAt, commit.ChangePayload!),
            cancellationToken);
    }

    /// <summary>One change-log row; <see cref="LogEntry.Key"/> is a shipment id, or an order's log key.</summary>
    private sealed record LogEntry(
        string TenantId, string Key, ChangeKinds Kinds, TrackingStatus PreviousStatus, TrackingStatus Status, long Version,
        DateTimeOffset CommittedAt, byte[] Payload);

    private static async Task<long> AppendLogEntryAsync(SqlSession session, LogEntry entry, CancellationToken cancellationToken)
    {
        var command = session.Statement("""
            INSERT INTO changes (tenant_id, shipment_id, kinds, previous_status, status, version, committed_at, payload)
            VALUES (@tenant, @id, @kinds, @previous, @status, @version, @committed, @payload)
            RETURNING sequence
            """);
        command.Bind("@tenant", entry.TenantId);
        command.Bind("@id", entry.Key);
        command.Bind("@kinds", (int)entry.Kinds);
        command.Bind("@previous", (int)entry.PreviousStatus);
        command.Bind("@status", (int)entry.Status);
        command.Bind("@version", entry.Version);
        command.Bind("@committed", RowValues.Instant(entry.CommittedAt));
        command.Bind("@payload", entry.Payload);
        return Convert.ToInt64(await command.ScalarAsync(cancellationToken));
    }

    private static TrackingEvent ReadEvent(DbDataReader reader) => new(
        RowValues.ReadInstant(reader, 0),
        (TrackingStatus)reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        new TrackingLocation(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8)),
        reader.GetString(9),
        RowValues.ReadInstant(reader, 10));

    private static async Task<StoredShipment?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadShipment(reader) : null;
    }

    private static StoredShipment ReadShipment(DbDataReader r) => new(new ShipmentState
    {
        Id = r.GetString(0),
        TenantId = r.GetString(1),
        Carrier = r.GetString(2),
        TrackingNumber = r.GetString(3),
        Status = (TrackingStatus)r.GetInt32(4),
        StatusDetail = r.GetString(5),
        StatusDescription = r.GetString(6),
        TrackingUrl = r.GetString(7),
        EstimatedDelivery = RowValues.ReadOptionalInstant(r, 8),
        DeliveredAt = RowValues.ReadOptionalInstant(r, 9),
        LastEventAt = RowValues.ReadOptionalInstant(r, 10),
        FirstScanAt = RowValues.ReadOptionalInstant(r, 24),
        LastCheckedAt = RowValues.ReadOptionalInstant(r, 11),
        Stale = r.GetInt32(12) != 0,
        Version = r.GetInt64(13),
        Order = r.GetString(14).Length == 0 && r.GetString(15).Length == 0 ? OrderLink.None : new OrderLink(r.GetString(14), r.GetString(15)),
        Labels = RowValues.ReadLabels(r.GetString(16)),
        CreatedAt = RowValues.ReadInstant(r, 17),
        UpdatedAt = RowValues.ReadInstant(r, 18),
        NextCheckAt = RowValues.ReadOptionalInstant(r, 19),
        ConsecutiveFailures = r.GetInt32(20),
        RiskCheckAt = RowValues.ReadOptionalInstant(r, 25),
    }.WithExtras(r.GetString(23)), r.GetInt64(21));

    private static void AppendIn(StringBuilder sql, List<(string, object)> parameters, string column, string prefix, IReadOnlyList<object> values)
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
            parameters.Add((name, values[i]));
        }
        sql.Append(')');
    }
}
