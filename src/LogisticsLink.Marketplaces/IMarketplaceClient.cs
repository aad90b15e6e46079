using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces;

/// <summary>
/// One marketplace's order importer. It knows nothing of storage: it turns the marketplace's API into
/// <see cref="ImportedOrder"/>s and reports failures as values, so one bad account never stops the sync loop.
/// </summary>
public interface IMarketplaceClient
{
    /// <summary>"amazon", "shopify" or "ebay".</summary>
    string Channel { get; }

    /// <summary>
    /// Orders created or changed since <paramref name="cursor"/> (opaque, produced by this client; empty = start from
    /// <paramref name="startFrom"/>). Call again with <see cref="OrderSyncPage.NextCursor"/> while HasMore. A failure
    /// page with a NextCursor (<see cref="OrderSyncPage.PartialFailure"/>) failed for part of the account only: keep
    /// that cursor and go on while HasMore; a failure page without one leaves the cursor where it was. An order listed in a
    /// shape that cannot be read fails neither: it is in <see cref="OrderSyncPage.Unreadable"/>, the page's others in
    /// Orders, and the cursor moves past both (the caller reports it).
    /// </summary>
    Task<OrderSyncPage> FetchChangedOrdersAsync(
        MarketplaceAccount account, string cursor, DateTimeOffset startFrom, CancellationToken cancellationToken);

    /// <summary>
    /// One order by its marketplace id (e.g. after a change notification); a failure page when it fails. An order in a
    /// shape that cannot be read does not fail (asking again gets the same shape): it is in
    /// <see cref="OrderSyncPage.Unreadable"/>, with no Orders (the caller reports it).
    /// </summary>
    Task<OrderSyncPage> FetchOrderAsync(MarketplaceAccount account, string orderId, CancellationToken cancellationToken);
}
