namespace LogisticsLink.Domain.Orders;

/// <summary>
/// An order as a marketplace (or an internal system) reports it, already normalized: the input of the order link.
/// </summary>
/// <param name="Channel">"amazon", "shopify", "ebay" or "manual".</param>
/// <param name="Status">The marketplace's own order status, unchanged (e.g. "Unshipped", "FULFILLED").</param>
/// <param name="LastUpdatedAt">The marketplace's last-modified time, for incremental sync cursors.</param>
/// <param name="IsPrime">An Amazon Prime order (Orders v0 <c>IsPrime</c>, v2026 <c>PRIME</c> in <c>programs</c>); false elsewhere.</param>
/// <param name="OrderName">What the buyer sees and quotes when it differs from the id (Shopify's <c>name</c>, "#1001"); else empty.</param>
/// <param name="ListsEveryPackage">
/// <see cref="Packages"/> is every live parcel the marketplace knows for the order (Shopify, eBay, Amazon FBM on
/// Orders v2026), so a parcel it listed before and lists no more was cancelled or replaced. False where parcels come
/// from elsewhere too (FBA's report, Orders v0, an internal system's import).
/// </param>
public sealed record ImportedOrder(
    string Channel,
    string OrderId,
    FulfillmentChannel FulfillmentChannel,
    string Status,
    string MarketplaceId,
    string BuyerLanguage,
    DateTimeOffset? PurchasedAt,
    DateTimeOffset? LatestShipDate,
    DateTimeOffset? LatestDeliveryDate,
    DateTimeOffset? LastUpdatedAt,
    IReadOnlyList<ImportedPackage> Packages,
    bool IsPrime = false,
    string OrderName = "",
    bool ListsEveryPackage = false);

/// <summary>
/// One parcel of an order. <paramref name="Carrier"/> is our lower-case carrier code when the marketplace's carrier
/// name maps to one (see <see cref="MarketplaceCarrierNames"/>), otherwise empty and detection decides.
/// </summary>
/// <param name="CarrierName">The marketplace's carrier name or code, unchanged (e.g. "Royal Mail", "AMZN_UK").</param>
/// <param name="AmazonStatus">For FBA/MCF parcels: the status Amazon reports, which is the truth for the buyer.</param>
/// <param name="ShippedByAmazon">
/// Amazon fulfilled the package from its own stock (an FBA report row, an MCF order's package): its status is Amazon's
/// to report, and one in Amazon's own network is never asked of Amazon Shipping (<see cref="Shipments.ShipmentState.NotPolled"/>).
/// </param>
/// <param name="Replaces">
/// The number this same package was tracked by before the marketplace gave <paramref name="TrackingNumber"/> (an MCF
/// package Amazon first listed only by its own <c>AFTN…</c>; an <c>AMZN_US:TBA…</c> label earlier versions tracked bare,
/// in <c>AMZN_UK</c>): that parcel is not a second package of the order, nor polled any more.
/// </param>
public sealed record ImportedPackage(
    string Carrier,
    string CarrierName,
    string TrackingNumber,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? EstimatedArrival = null,
    Shipments.TrackingStatus? AmazonStatus = null,
    string AmazonStatusText = "",
    FormerParcel? Replaces = null,
    bool ShippedByAmazon = false);

/// <summary>A parcel a package was known as before: our carrier code and the number it was tracked by.</summary>
public sealed record FormerParcel(string Carrier, string TrackingNumber);
