using System.Text.Json;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Turns an Admin GraphQL <c>Order</c> node into an <see cref="ImportedOrder"/>. Every Shopify order is shipped by the
/// merchant (or its 3PL); each tracking number of a live fulfillment becomes a package. Fulfillments Shopify reports as
/// cancelled or whose label was voided carry numbers that will never move, so they are left out. The promise comes
/// from the fulfillment orders: <c>fulfillBy</c> is the ship-by date, <c>deliveryMethod.maxDeliveryDateTime</c> the
/// deliver-by date. When several (not cancelled) fulfillment orders give one, the earliest is the order's: it is the
/// first commitment that can be broken, and a risk flagged early costs less than one missed. The order's <c>name</c>
/// ("#1001") is kept beside the numeric id because it is what the buyer sees and quotes. The packages are the order's
/// whole list unless the query's page of fulfillments or of tracking numbers was full.
/// </summary>
internal static class ShopifyOrderParser
{
    /// <summary>
    /// The orders of a page, and those that could not be read: one order in a shape we cannot read must not hold back
    /// the others, nor be read with a default that could hide a tracking number.
    /// </summary>
    public static (List<ImportedOrder> Orders, List<SetAside> Unreadable) ParseEach(IEnumerable<JsonElement> orders, string shopDomain)
    {
        var read = new List<ImportedOrder>();
        var unreadable = new List<SetAside>();
        foreach (var order in orders)
        {
            try
            {
                read.Add(Parse(order, shopDomain));
            }
            catch (JsonException e)
            {
                unreadable.Add(new SetAside(new UnreadableOrder(NameOf(order), e.Message), VersionOf(order)));
            }
        }
        return (read, unreadable);
    }

    /// <summary>An order that could not be read, and its <c>updatedAt</c> as Shopify wrote it (empty when absent), which tells its versions apart.</summary>
    public readonly record struct SetAside(UnreadableOrder Order, string UpdatedAt);

    public static ImportedOrder Parse(JsonElement order, string shopDomain)
    {
        var orderId = OrderId(order);
        var packages = new List<ImportedPackage>();
        // The query asks for at most this many fulfillments, and tracking numbers of each: a full page may hide more.
        var complete = order.Items("fulfillments").Count() < ShopifyQueries.MaxFulfillments;
        foreach (var fulfillment in order.Items("fulfillments"))
        {
            complete &= fulfillment.Items("trackingInfo").Count() < ShopifyQueries.MaxTrackingNumbers;
            if (IsVoided(fulfillment.Text("status"), fulfillment.Text("displayStatus")))
            {
                continue;
            }
            var shippedAt = fulfillment.Time("createdAt");
            var estimatedArrival = fulfillment.Time("estimatedDeliveryAt");
            foreach (var tracking in fulfillment.Items("trackingInfo"))
            {
                var number = tracking.Text("number");
                if (number.Length == 0 || packages.Exists(p => p.TrackingNumber == number))
                {
                    continue;
                }
                var company = tracking.Text("company");
                packages.Add(new ImportedPackage(
                    MarketplaceCarrierNames.ToCarrierCode(company), company, number, shippedAt, estimatedArrival));
            }
        }

        var (shipBy, deliverBy) = Promise(order);
        return new ImportedOrder(
            ShopifyMarketplaceClient.ChannelName,
            orderId,
            FulfillmentChannel.Merchant,
            order.Child("cancelledAt") is null ? Status(order.Text("displayFulfillmentStatus")) : "CANCELLED",
            shopDomain,
            order.Text("customerLocale"),
            order.Time("createdAt"),
            shipBy,
            deliverBy,
            order.Time("updatedAt"),
            packages,
            // Read as an order id is: names are looked up exactly as stored (GetOrder, ResolveInquiry) by an id or a
            // buyer's text that is folded, so a shop numbering its orders "＃１００１" must be stored as the "#1001" it is found by.
            OrderName: OrderIdText.Plain(order.Text("name")),
            ListsEveryPackage: complete);
    }

    /// <summary>The earliest ship-by and deliver-by of the live fulfillment orders; none for a cancelled order.</summary>
    private static (DateTimeOffset? ShipBy, DateTimeOffset? DeliverBy) Promise(JsonElement order)
    {
        if (order.Child("cancelledAt") is not null || order.Child("fulfillmentOrders") is not { } connection)
        {
            return (null, null);
        }
        DateTimeOffset? shipBy = null, deliverBy = null;
        foreach (var fulfillmentOrder in connection.Items("nodes"))
        {
            if (fulfillmentOrder.Text("status").Equals("CANCELLED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            shipBy = Earliest(shipBy, fulfillmentOrder.Time("fulfillBy"));
            deliverBy = Earliest(deliverBy, fulfillmentOrder.Child("deliveryMethod")?.Time("maxDeliveryDateTime"));
        }
        return (shipBy, deliverBy);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && (b is not { } y || x <= y) ? a : b;

    /// <summary>
    /// The order's display fulfillment status, except <c>IN_PROGRESS</c>: since 2024 Shopify says it when every item
    /// has only been sent to the fulfillment service (or marked in progress), nothing shipped yet, and it replaced
    /// <c>PENDING_FULFILLMENT</c> for that. eBay's <c>IN_PROGRESS</c> means some line items shipped, and the late-shipment
    /// rule and the buyer's reply read it so; Shopify's is kept under the name Shopify gave that state before.
    /// </summary>
    private static string Status(string displayFulfillmentStatus) =>
        displayFulfillmentStatus.Equals("IN_PROGRESS", StringComparison.OrdinalIgnoreCase) ? "PENDING_FULFILLMENT" : displayFulfillmentStatus;

    /// <summary>
    /// FulfillmentStatus CANCELLED, or FulfillmentDisplayStatus CANCELED / LABEL_VOIDED (Shopify spells the two enums
    /// differently).
    /// </summary>
    public static bool IsVoided(string status, string displayStatus) =>
        status.Equals("CANCELLED", StringComparison.OrdinalIgnoreCase) ||
        displayStatus is "CANCELED" or "LABEL_VOIDED";

    /// <summary>The order's <c>updatedAt</c> as written, whatever its shape (it may be the field at fault); empty when absent.</summary>
    private static string VersionOf(JsonElement order) => order.Child("updatedAt")?.GetRawText() ?? "";

    /// <summary>
    /// What names an order that could not be read, as far as it can be: its numeric id, its GID's tail, else its name
    /// ("#1001"); empty when none is readable.
    /// </summary>
    private static string NameOf(JsonElement order)
    {
        foreach (var field in (string[])["legacyResourceId", "id", "name"])
        {
            if (order.Child(field) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } value && value.ToString().Trim() is { Length: > 0 } text)
            {
                return field == "id" ? text[(text.LastIndexOf('/') + 1)..] : text;
            }
        }
        return "";
    }

    /// <summary>The numeric id (<c>legacyResourceId</c>), the one webhooks and the admin URL use; else the GID's tail.</summary>
    private static string OrderId(JsonElement order)
    {
        var legacy = order.Text("legacyResourceId");
        if (legacy.Length > 0)
        {
            return legacy;
        }
        var gid = order.Text("id");
        var tail = gid[(gid.LastIndexOf('/') + 1)..];
        return tail.Length > 0 ? tail : throw new JsonException("order without id");
    }
}
