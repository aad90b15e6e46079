using Npgsql;

namespace LogisticsLink.Storage.Postgres;

/// <summary>
/// Versioned, forward-only schema scripts for PostgreSQL, the same tables as SQLite. Nodes starting together
/// serialize on an advisory lock, so each script runs once.
/// </summary>
internal static class PostgresMigrations
{
    private static readonly (int Version, string Sql)[] Scripts =
    [
        (1, """
            CREATE TABLE shipments (
                pk                   BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id                   TEXT    NOT NULL UNIQUE,
                tenant_id            TEXT    NOT NULL,
                carrier              TEXT    NOT NULL,
                tracking_number      TEXT    NOT NULL,
                status               INTEGER NOT NULL,
                status_detail        TEXT    NOT NULL,
                status_description   TEXT    NOT NULL,
                tracking_url         TEXT    NOT NULL,
                estimated_delivery   BIGINT  NULL,
                delivered_at         BIGINT  NULL,
                last_event_at        BIGINT  NULL,
                last_checked_at      BIGINT  NULL,
                stale                INTEGER NOT NULL,
                version              BIGINT  NOT NULL,
                order_channel        TEXT    NOT NULL,
                order_id             TEXT    NOT NULL,
                labels               TEXT    NOT NULL,
                created_at           BIGINT  NOT NULL,
                updated_at           BIGINT  NOT NULL,
                next_check_at        BIGINT  NULL,
                consecutive_failures INTEGER NOT NULL,
                revision             BIGINT  NOT NULL,
                lease_until          BIGINT  NULL,
                UNIQUE (tenant_id, carrier, tracking_number)
            );
            CREATE INDEX ix_shipments_tenant ON shipments (tenant_id, pk);
            CREATE INDEX ix_shipments_order ON shipments (tenant_id, order_id);
            CREATE INDEX ix_shipments_due ON shipments (next_check_at) WHERE next_check_at IS NOT NULL;

            CREATE TABLE tracking_events (
                shipment_id     TEXT    NOT NULL,
                dedup_key       TEXT    NOT NULL,
                occurred_at     BIGINT  NOT NULL,
                status          INTEGER NOT NULL,
                status_detail   TEXT    NOT NULL,
                description     TEXT    NOT NULL,
                raw_code        TEXT    NOT NULL,
                city            TEXT    NOT NULL,
                region          TEXT    NOT NULL,
                postal_code     TEXT    NOT NULL,
                country_code    TEXT    NOT NULL,
                source          TEXT    NOT NULL,
                ingested_at     BIGINT  NOT NULL,
                payload_sha256  TEXT    NOT NULL,
                PRIMARY KEY (shipment_id, dedup_key)
            );

            CREATE TABLE changes (
                sequence         BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id        TEXT    NOT NULL,
                shipment_id      TEXT    NOT NULL,
                kinds            INTEGER NOT NULL,
                previous_status  INTEGER NOT NULL,
                status           INTEGER NOT NULL,
                version          BIGINT  NOT NULL,
                committed_at     BIGINT  NOT NULL,
                payload          BYTEA   NOT NULL
            );
            CREATE INDEX ix_changes_tenant ON changes (tenant_id, sequence);
            """),
        (2, """
            ALTER TABLE shipments ADD COLUMN extras TEXT NOT NULL DEFAULT '{}';

            CREATE TABLE orders (
                pk                   BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id            TEXT    NOT NULL,
                channel              TEXT    NOT NULL,
                order_id             TEXT    NOT NULL,
                fulfillment_channel  INTEGER NOT NULL,
                status               TEXT    NOT NULL,
                marketplace_id       TEXT    NOT NULL,
                buyer_language       TEXT    NOT NULL,
                purchased_at         BIGINT  NULL,
                latest_ship_date     BIGINT  NULL,
                latest_delivery_date BIGINT  NULL,
                shipped_at           BIGINT  NULL,
                risks                TEXT    NOT NULL,
                risk_mask            INTEGER NOT NULL,
                version              BIGINT  NOT NULL,
                created_at           BIGINT  NOT NULL,
                updated_at           BIGINT  NOT NULL,
                revision             BIGINT  NOT NULL,
                UNIQUE (tenant_id, channel, order_id)
            );
            CREATE INDEX ix_orders_tenant ON orders (tenant_id, pk);
            CREATE INDEX ix_shipments_order_link ON shipments (tenant_id, order_channel, order_id);

            CREATE TABLE marketplace_connections (
                tenant_id        TEXT    NOT NULL,
                channel          TEXT    NOT NULL,
                credentials      BYTEA   NOT NULL,
                marketplace_ids  TEXT    NOT NULL,
                connected_at     BIGINT  NOT NULL,
                sync_cursor      TEXT    NOT NULL,
                last_synced_at   BIGINT  NULL,
                last_error       TEXT    NOT NULL,
                PRIMARY KEY (tenant_id, channel)
            );
            """),
        (3, """
            CREATE TABLE reply_templates (
                tenant_id    TEXT    NOT NULL,
                template_id  TEXT    NOT NULL,
                language     TEXT    NOT NULL,
                channel      TEXT    NOT NULL,
                version      INTEGER NOT NULL,
                body         TEXT    NOT NULL,
                updated_at   BIGINT  NOT NULL,
                PRIMARY KEY (tenant_id, template_id, language, channel, version)
            );

            CREATE TABLE replies_sent (
                pk                   BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id            TEXT    NOT NULL,
                channel              TEXT    NOT NULL,
                order_id             TEXT    NOT NULL,
                template_id          TEXT    NOT NULL,
                template_version     INTEGER NOT NULL,
                language             TEXT    NOT NULL,
                reply_channel        TEXT    NOT NULL,
                text                 TEXT    NOT NULL,
                compliant            INTEGER NOT NULL,
                rendered_at          BIGINT  NOT NULL,
                inquiry_received_at  BIGINT  NULL
            );
            CREATE INDEX ix_replies_sent_order ON replies_sent (tenant_id, channel, order_id, pk);

            CREATE TABLE claims (
                claim_id       TEXT    PRIMARY KEY,
                tenant_id      TEXT    NOT NULL,
                channel        TEXT    NOT NULL,
                order_id       TEXT    NOT NULL,
                kind           TEXT    NOT NULL,
                opened_at      BIGINT  NOT NULL,
                respond_by     BIGINT  NOT NULL,
                registered_at  BIGINT  NOT NULL
            );
            CREATE INDEX ix_claims_order ON claims (tenant_id, channel, order_id);
            """),
        (4, """
            ALTER TABLE orders ADD COLUMN is_prime INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE orders ADD COLUMN order_name TEXT NOT NULL DEFAULT '';
            CREATE INDEX ix_orders_name ON orders (tenant_id, channel, order_name);
            """),
        (5, """
            -- The earliest physical carrier scan (not "label created"); statuses as in TrackingStatus.IsPhysicalScan.
            ALTER TABLE shipments ADD COLUMN first_scan_at BIGINT NULL;
            UPDATE shipments SET first_scan_at = (
                SELECT MIN(e.occurred_at) FROM tracking_events e
                WHERE e.shipment_id = shipments.id AND e.status NOT IN (0, 1, 2, 3, 13, 14));
            """),
        (6, """
            -- When the shipment's flags that time alone raises (DELAYED, STALLED, NO_VALID_TRACKING) may come due
            -- (RiskClock); the sweep finds them by this index, whether or not anything else touches the shipment.
            ALTER TABLE shipments ADD COLUMN risk_check_at BIGINT NULL;
            -- Stored before this column: every shipment not delivered, returned, lost or cancelled (TrackingStatus
            -- 8, 11, 12, 13) is judged once, oldest first, and that judgement sets its own time.
            UPDATE shipments SET risk_check_at = created_at WHERE status NOT IN (8, 11, 12, 13);
            CREATE INDEX ix_shipments_risk_check ON shipments (risk_check_at) WHERE risk_check_at IS NOT NULL;
            """),
        (7, """
            -- A buyer's number whatever carrier it is stored under, without an Amazon Shipping carrier id (AMZN_US:TBA…);
            -- the expression is PostgresShipmentStore.NumberAfterCarrierIdSql, word for word, or the index goes unused.
            CREATE INDEX ix_shipments_number ON shipments (tenant_id, substr(tracking_number, strpos(tracking_number, ':') + 1));
            """),
        (8, """
            -- Version 5 dated the first scan by the carrier's own time; the tracker dates it as TrackingEvent.EffectiveAt
            -- does: a scan dated more than 15 minutes (9000000000 ticks) after we received it counts as of its receipt.
            -- Only shipments holding such a physical scan can differ; the revision moves so no copy read before wins.
            UPDATE shipments SET revision = revision + 1, first_scan_at = (
                SELECT MIN(CASE WHEN e.occurred_at - e.ingested_at > 9000000000 THEN e.ingested_at ELSE e.occurred_at END)
                FROM tracking_events e
                WHERE e.shipment_id = shipments.id AND e.status NOT IN (0, 1, 2, 3, 13, 14))
            WHERE EXISTS (
                SELECT 1 FROM tracking_events e
                WHERE e.shipment_id = shipments.id AND e.status NOT IN (0, 1, 2, 3, 13, 14)
                    AND e.occurred_at - e.ingested_at > 9000000000);
            """),
        (9, """
            -- The marketplace's own last-update time of the order snapshot stored, so an older snapshot committed
            -- later (a sync racing a webhook's fetch) is recognised and changes nothing. Unknown for orders stored before.
            ALTER TABLE orders ADD COLUMN marketplace_updated_at BIGINT NULL;
            """),
        (10, """
            -- Orders to judge again because something they are derived from changed (a linked shipment, a claim): marked in the
            -- transaction of that change, so that a restart before the judgement, or a judgement that failed, loses
            -- nothing. `marked` counts those changes and only grows; `reviewed` is the count the latest judgement saw.
            CREATE TABLE order_reviews (
                tenant_id  TEXT    NOT NULL,
                channel    TEXT    NOT NULL,
                order_id   TEXT    NOT NULL,
                marked     BIGINT  NOT NULL,
                reviewed   BIGINT  NOT NULL,
                PRIMARY KEY (tenant_id, channel, order_id)
            );
            CREATE INDEX ix_order_reviews_pending ON order_reviews (tenant_id, channel, order_id) WHERE marked <> reviewed;
            -- A claim stored before this version could miss its order's CLAIM_OPEN for good: each such order is judged once.
            INSERT INTO order_reviews (tenant_id, channel, order_id, marked, reviewed)
            SELECT DISTINCT tenant_id, channel, order_id, 1, 0 FROM claims;
            """),
        (11, """
            -- When the shipment's latest change was committed: its change-log entry's committed_at, stamped by the store in
            -- the committing transaction (a commit without a change leaves it). ListShipments' updated_since is matched
            -- against it rather than updated_at, the time the change was built: a change that waited for the append lock
            -- commits after changes built later. No index: the listing reads it on the tenant's rows it already reads.
            -- No default: a write that leaves it out fails. Rows stored before: their updated_at.
            ALTER TABLE shipments ADD COLUMN change_committed_at BIGINT NULL;
            UPDATE shipments SET change_committed_at = updated_at;
            ALTER TABLE shipments ALTER COLUMN change_committed_at SET NOT NULL;
            """),
    ];

    public static int Latest => Scripts[^1].Version;

    public static Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ApplyUpToAsync(connection, Latest, cancellationToken);

    /// <summary>
    /// Applies the scripts up to and including <paramref name="version"/>: what a release that ended there did, so
    /// tests can build a database of that release and upgrade it.
    /// </summary>
    internal static async Task ApplyUpToAsync(NpgsqlConnection connection, int version, CancellationToken cancellationToken)
    {
        await Execute(connection, null, $"SELECT pg_advisory_lock({PostgresLocks.Space}, {PostgresLocks.Migrations})", cancellationToken);
        try
        {
            await Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);
            await using var read = new NpgsqlCommand("SELECT MAX(version) FROM schema_version", connection) { CommandTimeout = NoLimit };
            var current = await read.ExecuteScalarAsync(cancellationToken) is int v ? v : 0;
            if (current > Latest)
            {
                throw new InvalidOperationException(
                    $"The database schema is version {current}, newer than this build understands ({Latest}). Upgrade the server.");
            }
            foreach (var (scriptVersion, sql) in Scripts.Where(s => s.Version > current && s.Version <= version))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, tx, sql, cancellationToken);
                await Execute(connection, tx, $"DELETE FROM schema_version; INSERT INTO schema_version VALUES ({scriptVersion})", cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({PostgresLocks.Space}, {PostgresLocks.Migrations})", CancellationToken.None);
        }
    }

    /// <summary>
    /// No command timeout while migrating: the connection string's <c>Command Timeout</c> (30 s by default) is meant for
    /// the service's own statements, but a script that rewrites or indexes a large table, and a node waiting for another
    /// node's migration to end, take as long as they take; cut off, the script rolls back and start-up fails the same
    /// way on every restart. Start-up stops only when the host is stopped.
    /// </summary>
    private const int NoLimit = 0;

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = NoLimit };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Advisory lock keys (two-int form: a space of our own, then the lock within it).</summary>
internal static class PostgresLocks
{
    public const int Space = 0x4C4C;           // "LL"
    public const int Migrations = 1;
    public const int LogAppend = 2;
    public const int RefreshSpace = 0x4C52;    // "LR": refresh locks, keyed by hashtext(shipment id)
    public const string Channel = "logisticslink_changes";
}
