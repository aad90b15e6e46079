using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// One page of listAllFulfillmentOrders: the orders read (without packages), those that could not be read (set aside and
/// reported, see <see cref="AmazonMcfOrderList.Unreadable"/>), and the next page's token (null on the last page).
/// </summary>
public sealed record AmazonMcfListPage(IReadOnlyList<AmazonMcfOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable, string? NextToken);
