namespace LogisticsLink.Domain.Orders;

/// <summary>
/// An order a marketplace listed that could not be read (a required field missing, a value of the wrong shape). It is
/// set aside so that the rest of its page is imported, and reported, never dropped in silence nor read with a default.
/// </summary>
/// <param name="OrderId">The marketplace's order id when it could be read; else what else names the order (Shopify's
/// "#1001") or empty.</param>
/// <param name="Reason">What could not be read, naming the field (e.g. "'createdAt' is not a date-time").</param>
public sealed record UnreadableOrder(string OrderId, string Reason)
{
    public override string ToString() => (OrderId.Length > 0 ? $"order {OrderId}" : "an order without an id") + $": {Reason}";
}
