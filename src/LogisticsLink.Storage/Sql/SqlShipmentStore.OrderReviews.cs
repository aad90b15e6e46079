using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage.Sql;

// Orders to judge again (order_reviews): marked in the transaction of the change the order must be judged on, so that
// neither a restart before the judgement nor a judgement that failed loses it. `marked` counts those changes and only
// grows (a count that came back to an old value could pass a stale judgement off as current); `reviewed` is the count
// the order's latest judgement saw.
public abstract partial class SqlShipmentStore
{
    /// <summary>
    /// Marks a stored order to be judged again, in the transaction of the change that calls for it. An order not stored
    /// is not marked: a parcel linked to an order never imported then costs no write. The order's insert is followed by a
    /// judgement of its parcels as they stand by then (OrderLinker), which covers a parcel change committed in between.
    /// </summary>
    private static async Task MarkForReviewAsync(SqlSession session, string tenantId, OrderLink order)
    {
        var command = session.Statement("""
            INSERT INTO order_reviews (tenant_id, channel, order_id, marked, reviewed)
            SELECT @tenant, @channel, @order, 1, 0
            WHERE EXISTS (SELECT 1 FROM orders WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order)
            ON CONFLICT (tenant_id, channel, order_id) DO UPDATE SET marked = order_reviews.marked + 1
            """);
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", order.Channel);
        command.Bind("@order", order.OrderId);
        await command.ExecuteAsync(CancellationToken.None);
    }

    public async Task<OrderReviewMark> FindReviewMarkAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT marked, reviewed FROM order_reviews WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order");
        command.Bind("@tenant", tenantId);
        command.Bind("@channel", channel);
        command.Bind("@order", orderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new OrderReviewMark(reader.GetInt64(0), reader.GetInt64(1)) : OrderReviewMark.None;
    }

    public Task<bool> RecordReviewedAsync(string tenantId, string channel, string orderId, long marked, CancellationToken cancellationToken) =>
        WriteAsync(session => RecordJudgedAsync(session, tenantId, channel, orderId, marked, replacedStoredOrder: false), cancellationToken);

    /// <summary>
    /// Records which marks the order as stored now was judged on: <paramref name="marked"/>, as read before that
    /// judgement's shipments. A judgement that wrote the order replaced whatever the stored order was judged on, so its
    /// count stands even below an earlier one; one that found nothing to change leaves a later judgement's count.
    /// True while marks remain that the stored order was not judged on (a shipment changed after the reads): the order
    /// stays in <see cref="ListOrdersToReviewAsync"/> until a judgement sees them. Never refused: a judgement that read
    /// a shipment state a later change replaced still stores what it decided, so an order whose parcels change faster
    /// than it can be judged is not starved.
    /// </summary>
    private static async Task<bool> RecordJudgedAsync(
        SqlSession session, string tenantId, string channel, string orderId, long marked, bool replacedStoredOrder)
    {
        var update = session.Statement(replacedStoredOrder
            ? """
              UPDATE order_reviews SET reviewed = @marked
              WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order
              RETURNING marked - reviewed
              """
            : """
              UPDATE order_reviews SET reviewed = CASE WHEN reviewed < @marked THEN @marked ELSE reviewed END
              WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order
              RETURNING marked - reviewed
              """);
        update.Bind("@tenant", tenantId);
        update.Bind("@channel", channel);
        update.Bind("@order", orderId);
        update.Bind("@marked", marked);
        // No row: the order was never marked.
        return await update.ScalarAsync(CancellationToken.None) is { } unseen
            && Convert.ToInt64(unseen, System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    public async Task<IReadOnlyList<OrderToReview>> ListOrdersToReviewAsync(int max, CancellationToken cancellationToken)
    {
        await using var session = await OpenReaderAsync(cancellationToken);
        var command = session.Command("SELECT tenant_id, channel, order_id FROM order_reviews WHERE marked <> reviewed LIMIT @limit");
        command.Bind("@limit", max);
        var list = new List<OrderToReview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new OrderToReview(reader.GetString(0), new OrderLink(reader.GetString(1), reader.GetString(2))));
        }
        return list;
    }
}
