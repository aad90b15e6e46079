using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// One page of searchOrders (v2026) or getOrders (v0): the orders read, those that could not be read (set aside and
/// reported, see <see cref="OrderSyncPage.Unreadable"/>), and the next page's token (null on the last page).
/// </summary>
public sealed record AmazonOrdersPage(IReadOnlyList<ImportedOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable, string? NextToken);
