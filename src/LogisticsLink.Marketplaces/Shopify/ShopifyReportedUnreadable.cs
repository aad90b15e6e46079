namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// The versions of unreadable orders already reported, per shop, order and <c>updatedAt</c>: each pass reads again the
/// orders changed in the two minutes before the latest it read (<see cref="ShopifyCursor"/>), so without this an order
/// set aside among them would be reported (logged, named in the account's last error) again every round while it stays
/// unchanged. A changed order (a new <c>updatedAt</c>) still unreadable is reported again. Bounded: the oldest entries
/// are forgotten first, which at worst reports an order twice.
/// </summary>
internal sealed class ShopifyReportedUnreadable
{
    private const int Capacity = 1000;

    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Whether this version of the order is reported for the first time (and now remembered as reported).</summary>
    public bool FirstTime(string shopDomain, string orderId, string updatedAt)
    {
        var key = string.Join('|', shopDomain, orderId, updatedAt);
        lock (_gate)
        {
            if (!_reported.Add(key))
            {
                return false;
            }
            _order.Enqueue(key);
            if (_order.Count > Capacity)
            {
                _reported.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
