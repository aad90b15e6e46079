using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Server.Api;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Finds the order a caller names by its id or by the name the seller and buyer see (a Shopify order's <c>#1001</c>,
/// also written <c>1001</c>, while the order is stored under Shopify's numeric id; any channel's <c>order_name</c>), as
/// ResolveInquiry reads an order reference. The id wins; a name answers only when it names one order.
/// </summary>
public static class OrderLookup
{
    /// <summary>
    /// The order <paramref name="idOrName"/> names in <paramref name="channel"/>; null when none. Two orders behind one
    /// name are refused, INVALID_ARGUMENT on <paramref name="field"/> naming both ids, rather than guessed between.
    /// </summary>
    public static async Task<StoredOrder?> FindOrderByIdOrNameAsync(
        this IOrderStore orders, string tenantId, string channel, string idOrName, string field, CancellationToken cancellationToken)
    {
        if (await orders.FindOrderAsync(tenantId, channel, idOrName, cancellationToken) is { } byId)
        {
            return byId;
        }
        if (channel == InquiryMatcher.Amazon)
        {
            // An Amazon order has no name apart from its id.
            return null;
        }
        var found = new List<StoredOrder>();
        foreach (var id in IdForms(channel, idOrName).Skip(1))
        {
            if (await orders.FindOrderAsync(tenantId, channel, id, cancellationToken) is { } byOtherId)
            {
                found.Add(byOtherId);
            }
        }
        foreach (var name in NameForms(idOrName))
        {
            found.AddRange(await orders.FindOrdersByNameAsync(tenantId, channel, name, cancellationToken));
        }
        var orderIds = found.Select(o => o.State.OrderId).Distinct(StringComparer.Ordinal).ToList();
        return orderIds.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw Violations.Single(field,
                $"'{idOrName}' is the name of {orderIds.Count} {channel} orders ({string.Join(", ", orderIds)}): give the order's id"),
        };
    }

    // The ids an order given as this may be stored under, its own first: a Shopify order upserted by name keeps the '#'.
    internal static IEnumerable<string> IdForms(string channel, string orderId) =>
        channel == InquiryMatcher.Shopify && !orderId.StartsWith('#') ? [orderId, "#" + orderId] : [orderId];

    // Shopify writes names "#1001" by default; a shop without the prefix, or a name given with it, is found too.
    internal static IEnumerable<string> NameForms(string reference) =>
        reference.StartsWith('#') ? [reference, reference[1..]] : ["#" + reference, reference];
}
