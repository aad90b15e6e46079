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

    public Task RecordReviewedAsync(string tenantId, string channel, string orderId, long marked, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            await RecordReviewedAsync(session, tenantId, channel, orderId, marked);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Records that the order was judged on every mark up to <paramref name="marked"/>, or throws when it was marked
    /// again since. Writes are serialized, so nothing can mark it between this check and the commit.
    /// </summary>
    private static async Task RecordReviewedAsync(SqlSession session, string tenantId, string channel, string orderId, long marked)
    {
        bool current;
        if (marked == 0)
        {
            var count = session.Statement("SELECT COUNT(*) FROM order_reviews WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order");
            count.Bind("@tenant", tenantId);
            count.Bind("@channel", channel);
            count.Bind("@order", orderId);
            current = Convert.ToInt64(await count.ScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        else
        {
            var update = session.Statement("""
                UPDATE order_reviews SET reviewed = marked
                WHERE tenant_id = @tenant AND channel = @channel AND order_id = @order AND marked = @marked
                """);
            update.Bind("@tenant", tenantId);
            update.Bind("@channel", channel);
            update.Bind("@order", orderId);
            update.Bind("@marked", marked);
            current = await update.ExecuteAsync(CancellationToken.None) == 1;
        }
        if (!current)
        {
            throw new ConcurrencyConflictException(OrderLogKey(channel, orderId));
        }
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
