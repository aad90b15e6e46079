using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Server.Orders;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Support;

/// <summary>
/// The orders an inquiry's order references point to (tenant-scoped). A buyer quotes what they were shown: an Amazon
/// or eBay id, or a Shopify order's name ("#1001") while the order is stored under Shopify's numeric id — so a
/// reference is looked up as an id and as a name. Bare numbers ("Bestellung 1002") are weaker: see
/// <see cref="AddNumbersAsync"/>.
/// </summary>
public sealed class OrderReferences(IOrderStore orders)
{
    /// <summary>A bare number this long may be a Shopify numeric id (legacyResourceId); shorter ones are too common.</summary>
    public const int IdMinDigits = 8;

    /// <summary>A bare number this long at most may be a Shopify order number (its name without '#').</summary>
    public const int NameMaxDigits = 9;

    /// <summary>Channels tried, in order, for an order id given without one.</summary>
    private static readonly string[] Channels = [InquiryMatcher.Amazon, InquiryMatcher.Shopify, InquiryMatcher.Ebay, "manual"];

    /// <summary>An order id or name given as a field or found in its marketplace's layout: its id, then its name.</summary>
    public async Task AddAsync(string tenant, string channel, OrderIdMatch match, FoundOrders found, CancellationToken ct)
    {
        foreach (var candidate in OrderChannels(channel, match))
        {
            foreach (var id in OrderLookup.IdForms(candidate, match.OrderId))
            {
                if (await orders.FindOrderAsync(tenant, candidate, id, ct) is { } stored)
                {
                    found.Add(stored.State, $"order_id {match.OrderId}");
                }
            }
            if (candidate == InquiryMatcher.Amazon)
            {
                // An Amazon order has no name apart from its id.
                continue;
            }
            foreach (var name in OrderLookup.NameForms(match.OrderId))
            {
                foreach (var stored in await orders.FindOrdersByNameAsync(tenant, candidate, name, ct))
                {
                    found.Add(stored.State, $"order_name {name}");
                }
            }
        }
    }

    /// <summary>
    /// Bare numbers from the text, as Shopify order numbers (name "#N", short numbers) and numeric ids (long ones),
    /// plus as names in the request's own channel when it is another one that has names (eBay, manual). A message that
    /// came through Amazon or eBay is about that marketplace's order, so its numbers are never looked up in Shopify.
    /// <paramref name="idsOnly"/> looks up the long ones as ids only: specific enough to stand beside shaped references
    /// (a short number is as likely a year or a postcode). An order found by a number not written as an order's
    /// (<see cref="OrderIdMatch.Marked"/>) is only proposed. Returns the numbers that found an order, each with the
    /// channel it was found in.
    /// </summary>
    public async Task<IReadOnlyList<OrderIdMatch>> AddNumbersAsync(
        string tenant, string channel, IReadOnlyList<OrderIdMatch> numbers, bool idsOnly, FoundOrders found, CancellationToken ct)
    {
        var used = new List<OrderIdMatch>();
        foreach (var number in numbers)
        {
            string? hit = null;
            if (LooksInShopify(channel) && number.OrderId.Length >= IdMinDigits
                && await orders.FindOrderAsync(tenant, InquiryMatcher.Shopify, number.OrderId, ct) is { } byId)
            {
                found.Add(byId.State, $"order_id {number.OrderId}", decides: number.Marked);
                hit = byId.State.Channel;
            }
            if (!idsOnly && number.OrderId.Length <= NameMaxDigits)
            {
                foreach (var candidate in NameChannels(channel))
                {
                    foreach (var name in OrderLookup.NameForms(number.OrderId))
                    {
                        foreach (var stored in await orders.FindOrdersByNameAsync(tenant, candidate, name, ct))
                        {
                            found.Add(stored.State, $"order_name {name}", decides: number.Marked);
                            hit ??= stored.State.Channel;
                        }
                    }
                }
            }
            if (hit is not null)
            {
                used.Add(number with { Channel = hit });
            }
        }
        return used;
    }

    // The layout names the marketplace when it can (an Amazon or eBay id, a Shopify #name); else the request's channel; else all.
    private static IEnumerable<string> OrderChannels(string channel, OrderIdMatch match) =>
        match.Channel.Length > 0 ? [match.Channel] : channel.Length > 0 ? [channel] : Channels;

    // "1003 Main Street" from an Amazon buyer must not find Shopify order #1003: that is another buyer's.
    private static bool LooksInShopify(string channel) => channel is not (InquiryMatcher.Amazon or InquiryMatcher.Ebay);

    // Amazon orders have no name apart from their id.
    private static IEnumerable<string> NameChannels(string channel) => channel switch
    {
        "" or InquiryMatcher.Shopify => [InquiryMatcher.Shopify],
        InquiryMatcher.Amazon => [],
        InquiryMatcher.Ebay => [InquiryMatcher.Ebay],
        _ => [InquiryMatcher.Shopify, channel],
    };
}

/// <summary>
/// Orders found for one inquiry, each once, with what first pointed to it and whether anything that pointed to it may
/// decide (an order id, a tracking number, a number written as an order's) or only propose it (any other number).
/// </summary>
public sealed class FoundOrders
{
    private readonly List<(OrderState Order, string MatchedBy, bool Decides)> _found = [];

    public IReadOnlyList<(OrderState Order, string MatchedBy, bool Decides)> All => _found;

    public int Count => _found.Count;

    public void Add(OrderState order, string matchedBy, bool decides = true)
    {
        var index = _found.FindIndex(f => f.Order.Channel == order.Channel && f.Order.OrderId == order.OrderId);
        if (index < 0)
        {
            _found.Add((order, matchedBy, decides));
        }
        else if (decides && !_found[index].Decides)
        {
            _found[index] = (order, matchedBy, true);
        }
    }

    /// <summary>
    /// Drops the orders only proposed (by a number not written as an order's: a street number, a postcode) when another
    /// was named: "order 1002 … 1003 Main Street" is about order 1002, not about two orders.
    /// </summary>
    public void PreferNamed()
    {
        if (_found.Exists(f => f.Decides))
        {
            _found.RemoveAll(f => !f.Decides);
        }
    }

    /// <summary>Keeps only the orders of <paramref name="channel"/> when it has any: the channel the message came through wins.</summary>
    public void PreferChannel(string channel)
    {
        if (channel.Length > 0 && _found.Exists(f => f.Order.Channel == channel))
        {
            _found.RemoveAll(f => f.Order.Channel != channel);
        }
    }
}
