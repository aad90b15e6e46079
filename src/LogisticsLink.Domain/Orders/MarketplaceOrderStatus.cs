namespace LogisticsLink.Domain.Orders;

/// <summary>
/// An order's marketplace status as each marketplace spells it (Amazon SP-API v2026 <c>SHIPPED</c> and v0
/// <c>Shipped</c>, <c>PartiallyShipped</c>, <c>InvoiceUnconfirmed</c> — "shipped but invoice not confirmed", also in
/// ORDER_CHANGE — <c>Canceled</c>; Shopify <c>FULFILLED</c>, <c>CANCELLED</c>; eBay
/// <c>FULFILLED</c>, <c>IN_PROGRESS</c>, <c>CANCELED</c>; Amazon Multi-Channel Fulfillment <c>Complete</c> and
/// <c>CompletePartialled</c>, <c>Unfulfillable</c>, <c>Invalid</c>, upper case with underscores in its notifications, and
/// Fulfillment Outbound 2026-07-04's <c>PROCESSING</c>, <c>COMPLETE</c>, <c>COMPLETE_PARTIAL</c>, <c>CANCELLED</c>,
/// <c>UNFULFILLABLE</c>, <c>INVALID</c>, each read as the 2020-07-01 status it names), read for what the late-shipment rule needs: an order the
/// marketplace calls cancelled, shipped or never to be fulfilled is not waiting to be shipped, even when no tracked parcel says so (the
/// Orders v0 fallback has no tracking numbers; a parcel may go by a carrier we do not track).
/// </summary>
public static class MarketplaceOrderStatus
{
    /// <summary>
    /// The statuses, upper-case without underscores, that say the order is not waiting to be shipped. The one list
    /// behind the late-shipment risk, the late shipment rate and the store's overdue-orders query, so they agree. An MCF
    /// order is <c>Complete</c> once Amazon shipped it, and <c>CompletePartialled</c> once it shipped what it could and gave
    /// up on the rest (unfulfillable): its parcels may still be on their way, but nothing is left to ship.
    /// </summary>
    public static IReadOnlyList<string> NotAwaitingShipment { get; } =
    [
        "CANCELLED", "CANCELED", "SHIPPED", "PARTIALLYSHIPPED", "INVOICEUNCONFIRMED", "FULFILLED", "PARTIALLYFULFILLED", "INPROGRESS",
        "COMPLETE", CompletedInPart, CompletedInPart2026, NoShipment, Unfulfillable, Invalid,
    ];

    /// <summary>MCF's <c>CompletePartialled</c> (Fulfillment Outbound 2020-07-01, and its notifications'
    /// <c>COMPLETE_PARTIALLED</c>), normalized.</summary>
    private const string CompletedInPart = "COMPLETEPARTIALLED";

    /// <summary>The same status as Fulfillment Outbound 2026-07-04 spells it (<c>COMPLETE_PARTIAL</c>), normalized.</summary>
    private const string CompletedInPart2026 = "COMPLETEPARTIAL";

    /// <summary>MCF's <c>Unfulfillable</c> (also Orders v0's, for MCF orders), normalized: Amazon cannot fulfil the order.</summary>
    private const string Unfulfillable = "UNFULFILLABLE";

    /// <summary>MCF's <c>Invalid</c>, normalized: Amazon did not accept the fulfillment request.</summary>
    private const string Invalid = "INVALID";

    /// <summary>Shopify's <c>FULFILLMENT_NOT_REQUIRED</c>, normalized: the order has no items to be fulfilled.</summary>
    private const string NoShipment = "FULFILLMENTNOTREQUIRED";

    public static bool IsAwaitingShipment(string status) => !NotAwaitingShipment.Contains(Normalized(status));

    /// <summary>
    /// Part of the order has shipped and the rest is still to ship (eBay's <c>IN_PROGRESS</c> is "some line items
    /// shipped"). Not MCF's <c>CompletePartialled</c>: its rest will never ship, and these orders' replies say it will follow.
    /// </summary>
    public static bool IsPartiallyShipped(string status) => Normalized(status) is "PARTIALLYSHIPPED" or "PARTIALLYFULFILLED" or "INPROGRESS";

    /// <summary>
    /// Nothing in the order ships (Shopify's <c>FULFILLMENT_NOT_REQUIRED</c>: a digital product, a service): it is neither
    /// late to ship nor shipped, and counts in no shipping measure, as a cancelled order does not.
    /// </summary>
    public static bool NeedsNoShipment(string status) => Normalized(status) == NoShipment;

    /// <summary>
    /// Amazon completed the MCF order in part (<c>CompletePartialled</c>): what it shipped is all that will ship, the rest
    /// was unfulfillable, so a reply tells the buyer that part will not follow.
    /// </summary>
    public static bool IsCompletedInPart(string status) => Normalized(status) is CompletedInPart or CompletedInPart2026;

    public static bool IsCancelled(string status) => Normalized(status) is "CANCELLED" or "CANCELED";

    /// <summary>
    /// Amazon gave up on the MCF order (<c>Unfulfillable</c>, <c>Invalid</c>): nothing of it will ship, though the seller
    /// did not cancel it, so the buyer is owed a resolution rather than told of a cancellation.
    /// </summary>
    public static bool IsUnfulfillable(string status) => Normalized(status) is Unfulfillable or Invalid;

    /// <summary>
    /// Nothing of the order will ship (cancelled, or never to be fulfilled): never late to ship, and no order due to ship
    /// in the late shipment rate.
    /// </summary>
    public static bool WillNotShip(string status) => IsCancelled(status) || IsUnfulfillable(status);

    /// <summary>
    /// Every spelling, <see cref="Normalized"/>, of the status <paramref name="status"/> names: a status filter lists the
    /// orders stored in any of them (MCF's <c>CompletePartialled</c> is 2026-07-04's <c>COMPLETE_PARTIAL</c>; the other
    /// statuses differ in case and underscores only).
    /// </summary>
    public static IReadOnlyList<string> SpellingsOf(string status) =>
        IsCompletedInPart(status) ? [CompletedInPart, CompletedInPart2026] : [Normalized(status)];

    /// <summary>
    /// The status as these checks compare it: upper-case without underscores (Amazon's v0 <c>PartiallyShipped</c> and
    /// v2026 <c>PARTIALLY_SHIPPED</c> are one status). SQL compares <c>UPPER(REPLACE(status, '_', ''))</c> with it.
    /// </summary>
    public static string Normalized(string status) => status.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
