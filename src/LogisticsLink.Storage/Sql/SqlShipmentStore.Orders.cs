using System.Data.Common;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage.Sql;

// Orders and marketplace connections: same database, same write serialization, same change log as shipments.
public abstract partial class SqlShipmentStore
{
    private const string OrderColumns = """
        tenant_id, channel, order_id, fulfillment_channel, status, marketplace_id, buyer_language, purchased_at,
        latest_ship_date, latest_delivery_date, shipped_at, risks, version, created_at, updated_at, revision, pk, is_prime, order_name,
        marketplace_updated_at
        """;

    /// <summary>The change-log key of an order, in the column that holds shipment ids for shipment changes.</summary>
    public static string OrderLogKey(string channel, string orderId) => $"order:{channel}:{orderId}";

    public async Task<StoredOrder?> FindOrderAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"SELECT {OrderColumns} FROM orders WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order");
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@order", orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredOrder(ReadOrder(reader), reader.GetInt64(15)) : null;
    }

    /// <summary>At most this many orders answer one name: more is a data problem, and any two already make it ambiguous.</summary>
    private const int MaxOrdersPerName = 10;

    public async Task<IReadOnlyList<StoredOrder>> FindOrdersByNameAsync(
        string tenantId, string channel, string orderName, CancellationToken cancellationToken)
    {
        if (orderName.Length == 0)
        {
            // Every order without a name has the empty one: it names nothing.
            return [];
        }
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {OrderColumns} FROM orders WHERE tenant_id = @tenant AND channel = @channel AND order_name = @name ORDER BY pk LIMIT @limit
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@name", orderName);
        command.Bind("@limit", MaxOrdersPerName);
        var found = new List<StoredOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new StoredOrder(ReadOrder(reader), reader.GetInt64(15)));
        }
        return found;
    }

    public async Task<OrderPage> ListOrdersAsync(string tenantId, OrderQuery query, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var parameters = new List<(string Name, object Value)>();
        var sql = new StringBuilder($"SELECT {OrderColumns} FROM orders WHERE tenant_id = @tenant");
        parameters.Add(("@tenant", tenantId));
        if (query.BeforeKey > 0)
        {
            sql.Append(" AND pk < @before");
            parameters.Add(("@before", query.BeforeKey));
        }
        if (query.Channel.Length > 0)
        {
            sql.Append(" AND channel = @channel");
            parameters.Add(("@channel", query.Channel));
        }
        if (query.FulfillmentChannel != FulfillmentChannel.Unspecified)
        {
            sql.Append(" AND fulfillment_channel = @fulfillment");
            parameters.Add(("@fulfillment", (int)query.FulfillmentChannel));
        }
        if (query.Status.Length > 0)
        {
            // One status however the marketplace's APIs spell it (PartiallyShipped, PARTIALLY_SHIPPED; CompletePartialled,
            // COMPLETE_PARTIAL).
            var spellings = MarketplaceOrderStatus.SpellingsOf(query.Status);
            sql.Append($" AND UPPER(REPLACE(status, '_', '')) IN ({string.Join(", ", spellings.Select((_, i) => $"@status{i}"))})");
            for (var i = 0; i < spellings.Count; i++)
            {
                parameters.Add(($"@status{i}", spellings[i]));
            }
        }
        if (query.RiskKinds.Count > 0)
        {
            sql.Append(" AND (risk_mask & @mask) <> 0");
            parameters.Add(("@mask", RiskMask(query.RiskKinds)));
        }
        if (query.PromisedFrom is { } from)
        {
            sql.Append(" AND (latest_delivery_date >= @from OR latest_ship_date >= @from)");
            parameters.Add(("@from", RowValues.Instant(from)));
        }
        if (query.PromisedTo is { } to)
        {
            sql.Append(" AND (latest_delivery_date < @to OR latest_ship_date < @to)");
            parameters.Add(("@to", RowValues.Instant(to)));
        }
        sql.Append(" ORDER BY pk DESC LIMIT @limit");
        parameters.Add(("@limit", query.PageSize + 1));
        var command = session.Command(sql.ToString());
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        var rows = new List<(OrderState State, long Key)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((ReadOrder(reader), reader.GetInt64(16)));
            }
        }
        var hasMore = rows.Count > query.PageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new OrderPage(rows.Select(r => r.State).ToList(), hasMore ? rows[^1].Key : 0);
    }

    public async Task<IReadOnlyList<OrderState>> ListOverdueUnflaggedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {OrderColumns} FROM orders
            WHERE shipped_at IS NULL AND latest_ship_date < @now AND fulfillment_channel <> @amazon AND (risk_mask & @mask) = 0
                AND (latest_ship_date % {TimeSpan.TicksPerDay} <> 0 OR latest_ship_date < @dayBefore)
                AND UPPER(REPLACE(status, '_', '')) NOT IN ({string.Join(", ", MarketplaceOrderStatus.NotAwaitingShipment.Select((_, i) => $"@done{i}"))})
            ORDER BY latest_ship_date LIMIT @limit
            """);
        for (var i = 0; i < MarketplaceOrderStatus.NotAwaitingShipment.Count; i++)
        {
            // Cancelled or shipped by the marketplace's word: never flagged, so never listed (they would crowd out the rest).
            command.Bind($"@done{i}", MarketplaceOrderStatus.NotAwaitingShipment[i]);
        }
        command.Bind("@now", RowValues.Instant(now));
        // A ship-by date without a time (stored as its 00:00 UTC) is overdue only once its day is over: not listed
        // during it, so that today's dates cannot crowd out the orders whose time has passed.
        command.Bind("@dayBefore", RowValues.Instant(now.AddDays(-1)));
        command.Bind("@amazon", (int)FulfillmentChannel.Amazon);
        command.Bind("@mask", RiskMask([RiskKind.LateShipment]));
        command.Bind("@limit", max);
        var list = new List<OrderState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadOrder(reader));
        }
        return list;
    }

    public async Task<IReadOnlyList<ShipmentState>> ListOrderShipmentsAsync(
        string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"""
            SELECT {Columns} FROM shipments WHERE tenant_id = @tenant AND order_channel = @channel AND order_id = @order ORDER BY pk
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@order", orderId);
        var shipments = new List<ShipmentState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            shipments.Add(ReadShipment(reader).State);
        }
        return shipments;
    }

    public Task<CommitResult> CommitOrderAsync(OrderCommit commit, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            var o = commit.State;
            {
                var command = session.Command(commit.ExpectedRevision == 0
                    ? """
                      INSERT INTO orders (tenant_id, channel, order_id, fulfillment_channel, status, marketplace_id,
                          buyer_language, purchased_at, latest_ship_date, latest_delivery_date, shipped_at, risks, risk_mask,
                          version, created_at, updated_at, revision, is_prime, order_name, marketplace_updated_at)
                      VALUES (@tenant, @channel, @order, @fulfillment, @status, @marketplace, @language, @purchased,
                          @shipBy, @deliverBy, @shipped, @risks, @mask, @version, @created, @updated, 1, @prime, @name,
                          @marketplaceUpdated)
                      ON CONFLICT DO NOTHING
                      """
                    : """
                      UPDATE orders SET fulfillment_channel = @fulfillment, status = @status, marketplace_id = @marketplace,
                          buyer_language = @language, purchased_at = @purchased, latest_ship_date = @shipBy,
                          latest_delivery_date = @deliverBy, shipped_at = @shipped, risks = @risks, risk_mask = @mask,
                          version = @version, updated_at = @updated, revision = revision + 1, is_prime = @prime,
                          order_name = @name, marketplace_updated_at = @marketplaceUpdated
                      WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order AND revision = @revision
                      """);
                BindOrder(command, o);
                command.Bind("@revision", commit.ExpectedRevision);
                if (await command.ExecuteNonQueryAsync(CancellationToken.None) != 1)
                {
                    throw commit.ExpectedRevision == 0
                        ? new DuplicateOrderException(o.Channel, o.OrderId)
                        : new ConcurrencyConflictException(OrderLogKey(o.Channel, o.OrderId));
                }
            }
            var sequence = 0L;
            var committedAt = o.UpdatedAt;
            if (commit.ChangePayload is { } payload)
            {
                committedAt = _time.GetUtcNow();
                sequence = await AppendLogEntryAsync(session,
                    new LogEntry(o.TenantId, OrderLogKey(o.Channel, o.OrderId), ChangeKinds.OrderChanged,
                        TrackingStatus.Unspecified, TrackingStatus.Unspecified, o.Version, committedAt, payload),
                    CancellationToken.None);
                await AfterAppendAsync(session, sequence, CancellationToken.None);
            }
            var reviewPending = await RecordJudgedAsync(session, o.TenantId, o.Channel, o.OrderId, commit.ReviewMark, replacedStoredOrder: true);
            return new CommitResult(commit.ExpectedRevision + 1, sequence) { CommittedAt = committedAt, ReviewPending = reviewPending };
        }, cancellationToken);

    public Task SaveConnectionAsync(MarketplaceConnectionRecord c, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            var command = session.Command("""
                INSERT INTO marketplace_connections (tenant_id, channel, credentials, marketplace_ids, connected_at,
                    sync_cursor, last_synced_at, last_error)
                VALUES (@tenant, @channel, @credentials, @ids, @connected, @cursor, @synced, @error)
                ON CONFLICT (tenant_id, channel) DO UPDATE SET credentials = excluded.credentials,
                    marketplace_ids = excluded.marketplace_ids, connected_at = excluded.connected_at,
                    sync_cursor = excluded.sync_cursor, last_synced_at = excluded.last_synced_at, last_error = excluded.last_error
                """);
            command.Bind("@tenant", c.TenantId);
            command.Bind("@channel", c.Channel);
            command.Bind("@credentials", c.EncryptedCredentials);
            command.Bind("@ids", JsonSerializer.Serialize(c.MarketplaceIds));
            command.Bind("@connected", RowValues.Instant(c.ConnectedAt));
            command.Bind("@cursor", c.Cursor);
            command.Bind("@synced", RowValues.Instant(c.LastSyncedAt));
            command.Bind("@error", c.LastError);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            return 0;
        }, cancellationToken);

    private const string ConnectionColumns =
        "tenant_id, channel, credentials, marketplace_ids, connected_at, sync_cursor, last_synced_at, last_error";

    public async Task<IReadOnlyList<MarketplaceConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"SELECT {ConnectionColumns} FROM marketplace_connections ORDER BY tenant_id, channel");
        return await ReadConnectionsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<MarketplaceConnectionRecord>> ListTenantConnectionsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"SELECT {ConnectionColumns} FROM marketplace_connections WHERE tenant_id = @tenant ORDER BY channel");
        command.Bind("@tenant", tenantId);
        return await ReadConnectionsAsync(command, cancellationToken);
    }

    public async Task<MarketplaceConnectionRecord?> FindConnectionAsync(string tenantId, string channel, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command($"SELECT {ConnectionColumns} FROM marketplace_connections WHERE tenant_id = @tenant AND channel = @channel");
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        return (await ReadConnectionsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public Task<MarketplaceConnectionRecord?> DeleteConnectionAsync(string tenantId, string channel, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            var command = session.Command(
                $"DELETE FROM marketplace_connections WHERE tenant_id = @tenant AND channel = @channel RETURNING {ConnectionColumns}");
            command.Bind("@tenant", tenantId);
            command.Bind("@channel", channel);
            return (await ReadConnectionsAsync(command, CancellationToken.None)).SingleOrDefault();
        }, cancellationToken);

    private static async Task<List<MarketplaceConnectionRecord>> ReadConnectionsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<MarketplaceConnectionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new MarketplaceConnectionRecord(
                reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                RowValues.ReadInstant(reader, 4), reader.GetString(5), RowValues.ReadOptionalInstant(reader, 6), reader.GetString(7)));
        }
        return list;
    }

    public Task<bool> RecordSyncAsync(
        string tenantId, string channel, DateTimeOffset connectedAt, string cursor, DateTimeOffset? syncedAt, string error,
        CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            // connected_at tells the connection apart from one that replaced it while the round ran.
            var command = session.Command("""
                UPDATE marketplace_connections SET sync_cursor = @cursor, last_error = @error,
                    last_synced_at = COALESCE(@synced, last_synced_at)
                WHERE tenant_id = @tenant AND channel = @channel AND connected_at = @connected
                """);
            command.Bind("@cursor", cursor);
            command.Bind("@error", error);
            command.Bind("@synced", RowValues.Instant(syncedAt));
            command.Bind("@tenant", tenantId);
            command.Bind("@channel", channel);
            command.Bind("@connected", RowValues.Instant(connectedAt));
            return await command.ExecuteNonQueryAsync(CancellationToken.None) == 1;
        }, cancellationToken);

    private static void BindOrder(DbCommand command, OrderState o)
    {
        command.Bind("@tenant", o.TenantId);
        command.Bind("@channel", o.Channel);
        command.Bind("@order", o.OrderId);
        command.Bind("@fulfillment", (int)o.FulfillmentChannel);
        command.Bind("@status", o.Status);
        command.Bind("@marketplace", o.MarketplaceId);
        command.Bind("@language", o.BuyerLanguage);
        command.Bind("@purchased", RowValues.Instant(o.PurchasedAt));
        command.Bind("@shipBy", RowValues.Instant(o.LatestShipDate));
        command.Bind("@deliverBy", RowValues.Instant(o.LatestDeliveryDate));
        command.Bind("@shipped", RowValues.Instant(o.ShippedAt));
        command.Bind("@risks", o.Risks.Count == 0 ? "[]" : JsonSerializer.Serialize(o.Risks));
        command.Bind("@mask", RiskMask(o.Risks.Select(r => r.Kind)));
        command.Bind("@version", o.Version);
        command.Bind("@created", RowValues.Instant(o.CreatedAt));
        command.Bind("@updated", RowValues.Instant(o.UpdatedAt));
        command.Bind("@prime", o.IsPrime ? 1 : 0);
        command.Bind("@name", o.OrderName);
        command.Bind("@marketplaceUpdated", RowValues.Instant(o.MarketplaceUpdatedAt));
    }

    private static OrderState ReadOrder(DbDataReader r) => new()
    {
        TenantId = r.GetString(0),
        Channel = r.GetString(1),
        OrderId = r.GetString(2),
        FulfillmentChannel = (FulfillmentChannel)r.GetInt32(3),
        Status = r.GetString(4),
        MarketplaceId = r.GetString(5),
        BuyerLanguage = r.GetString(6),
        PurchasedAt = RowValues.ReadOptionalInstant(r, 7),
        LatestShipDate = RowValues.ReadOptionalInstant(r, 8),
        LatestDeliveryDate = RowValues.ReadOptionalInstant(r, 9),
        ShippedAt = RowValues.ReadOptionalInstant(r, 10),
        Risks = r.GetString(11) == "[]" ? RiskFlags.None : JsonSerializer.Deserialize<List<RiskFlag>>(r.GetString(11)) ?? [],
        Version = r.GetInt64(12),
        CreatedAt = RowValues.ReadInstant(r, 13),
        UpdatedAt = RowValues.ReadInstant(r, 14),
        IsPrime = r.GetInt32(17) != 0,
        OrderName = r.GetString(18),
        MarketplaceUpdatedAt = RowValues.ReadOptionalInstant(r, 19),
    };

    private static int RiskMask(IEnumerable<RiskKind> kinds) => kinds.Aggregate(0, (mask, kind) => mask | (1 << (int)kind));
}
