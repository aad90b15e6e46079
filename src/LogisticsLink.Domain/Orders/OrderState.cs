using LogisticsLink.Domain.Risks;

namespace LogisticsLink.Domain.Orders;

/// <summary>A stored order, without its shipments (they are linked by <c>ShipmentState.Order</c>).</summary>
public sealed record OrderState
{
    public required string TenantId { get; init; }
    public required string Channel { get; init; }
    public required string OrderId { get; init; }
    public FulfillmentChannel FulfillmentChannel { get; init; }
    public string Status { get; init; } = "";
    public string MarketplaceId { get; init; } = "";
    public string BuyerLanguage { get; init; } = "";
    public DateTimeOffset? PurchasedAt { get; init; }
    public DateTimeOffset? LatestShipDate { get; init; }
    public DateTimeOffset? LatestDeliveryDate { get; init; }

    /// <summary>
    /// The order's name as the buyer sees it when it is not the id (Shopify's "#1001" for order 5820001001); empty when
    /// the channel has none. Inquiries quote it, so it is looked up too.
    /// </summary>
    public string OrderName { get; init; } = "";

    /// <summary>
    /// The marketplace's own last-update time of the snapshot the order holds (<see cref="ImportedOrder.LastUpdatedAt"/>),
    /// null while no import carried one: an import older than this one lost a race and changes nothing.
    /// </summary>
    public DateTimeOffset? MarketplaceUpdatedAt { get; init; }

    /// <summary>An Amazon Prime order: Amazon holds it to the Prime delivery promise.</summary>
    public bool IsPrime { get; init; }

    /// <summary>
    /// When the order's first live parcel shipped, decided again from its linked parcels on every commit
    /// (<see cref="OrderShipTime"/>); null while no parcel is linked.
    /// </summary>
    public DateTimeOffset? ShippedAt { get; init; }

    /// <summary>The order's own risks and its shipments', as last evaluated.</summary>
    public IReadOnlyList<RiskFlag> Risks { get; init; } = RiskFlags.None;

    /// <summary>+1 for every change recorded in the change log.</summary>
    public long Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
