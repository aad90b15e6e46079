using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage;

/// <summary>
/// Orders, their links to shipments, and marketplace connections. Lives in the same database as the shipments, and an
/// order's change goes into the same change log, so order changes share the stream's sequence and resume guarantees.
/// </summary>
public interface IOrderStore
{
    Task<StoredOrder?> FindOrderAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The orders of a channel with this name (<see cref="OrderState.OrderName"/>, exact: "#1001"), oldest first; a
    /// name can repeat (manual orders), so callers get them all and decide. An empty name finds nothing.
    /// </summary>
    Task<IReadOnlyList<StoredOrder>> FindOrdersByNameAsync(string tenantId, string channel, string orderName, CancellationToken cancellationToken);

    Task<OrderPage> ListOrdersAsync(string tenantId, OrderQuery query, CancellationToken cancellationToken);

    /// <summary>The shipments linked to an order, oldest first.</summary>
    Task<IReadOnlyList<ShipmentState>> ListOrderShipmentsAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts (<see cref="OrderCommit.ExpectedRevision"/> 0) or updates an order and appends its change-log entry in one
    /// transaction. Fails with <see cref="ConcurrencyConflictException"/> when the row moved on, and with
    /// <see cref="DuplicateShipmentException"/>'s order sibling <see cref="DuplicateOrderException"/> on a racing insert.
    /// </summary>
    /// <remarks>
    /// Records, in the same transaction, that the stored order was judged on the marks up to
    /// <see cref="OrderCommit.ReviewMark"/>; <see cref="CommitResult.ReviewPending"/> says it was marked again since
    /// (decided on shipments that have changed since: judge it again).
    /// </remarks>
    Task<CommitResult> CommitOrderAsync(OrderCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// How often the order was marked to be judged again (<see cref="ShipmentCommit.OrdersToReview"/>), and how many of
    /// those marks its latest judgement saw. Read it before what the order is decided on.
    /// </summary>
    Task<OrderReviewMark> FindReviewMarkAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the order was judged on every mark up to <paramref name="marked"/> with nothing to store. True when it
    /// was marked again since (judge it again).
    /// </summary>
    Task<bool> RecordReviewedAsync(string tenantId, string channel, string orderId, long marked, CancellationToken cancellationToken);

    /// <summary>Orders marked to be judged again whose latest judgement did not see every mark (any tenant).</summary>
    Task<IReadOnlyList<OrderToReview>> ListOrdersToReviewAsync(int max, CancellationToken cancellationToken);

    /// <summary>Unshipped orders past their latest ship date that are not flagged LATE_SHIPMENT yet (any tenant).</summary>
    Task<IReadOnlyList<OrderState>> ListOverdueUnflaggedAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task SaveConnectionAsync(MarketplaceConnectionRecord connection, CancellationToken cancellationToken);

    Task<IReadOnlyList<MarketplaceConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken);

    /// <summary>One tenant's connections, by channel.</summary>
    Task<IReadOnlyList<MarketplaceConnectionRecord>> ListTenantConnectionsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The tenant's connection on that channel (a tenant has at most one per channel), or null.</summary>
    Task<MarketplaceConnectionRecord?> FindConnectionAsync(string tenantId, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the tenant's connection on that channel, credentials and sync state with it, and returns it as it was; null
    /// when there is none. The orders it imported are not touched. A sync round that read it records nothing afterwards
    /// (<see cref="RecordSyncAsync"/> only updates the connection it read).
    /// </summary>
    Task<MarketplaceConnectionRecord?> DeleteConnectionAsync(string tenantId, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Records a sync of the connection made at <paramref name="connectedAt"/>. False, and nothing written, when that
    /// connection has been replaced since (connected again): a round that read the old one must not write its cursor
    /// over the new one's.
    /// </summary>
    Task<bool> RecordSyncAsync(
        string tenantId, string channel, DateTimeOffset connectedAt, string cursor, DateTimeOffset? syncedAt, string error, CancellationToken cancellationToken);
}

public sealed record StoredOrder(OrderState State, long Revision);

/// <summary>A change-log entry's payload is supplied by the caller, as for shipments; null writes no entry.</summary>
public sealed record OrderCommit(OrderState State, long ExpectedRevision, byte[]? ChangePayload)
{
    /// <summary><see cref="OrderReviewMark.Marked"/> as read before the shipments the order was decided on.</summary>
    public long ReviewMark { get; init; }
}

/// <summary>How often an order was marked to be judged again, and how many of those marks its latest judgement saw.</summary>
public sealed record OrderReviewMark(long Marked, long Reviewed)
{
    public static readonly OrderReviewMark None = new(0, 0);

    public bool Pending => Marked != Reviewed;
}

public sealed record OrderToReview(string TenantId, OrderLink Order);

/// <summary>Filters and keyset paging for listing orders, newest first. <see cref="BeforeKey"/> 0 starts at the newest.</summary>
public sealed record OrderQuery(
    string Channel, FulfillmentChannel FulfillmentChannel, IReadOnlyCollection<RiskKind> RiskKinds, string Status,
    DateTimeOffset? PromisedFrom, DateTimeOffset? PromisedTo, int PageSize, long BeforeKey);

public sealed record OrderPage(IReadOnlyList<OrderState> Orders, long NextKey);

/// <summary>A tenant's marketplace account; <see cref="EncryptedCredentials"/> is opaque to the store.</summary>
public sealed record MarketplaceConnectionRecord(
    string TenantId, string Channel, byte[] EncryptedCredentials, IReadOnlyList<string> MarketplaceIds,
    DateTimeOffset ConnectedAt, string Cursor, DateTimeOffset? LastSyncedAt, string LastError);
