namespace LogisticsLink.Sandbox.Marketplaces.Ebay;

/// <summary>One line item of a demo order with its shipping promise.</summary>
public sealed record EbayDemoLineItem(
    string LineItemId, string Sku, string Title, DateTimeOffset ShipByDate, DateTimeOffset MinEstimatedDelivery, DateTimeOffset MaxEstimatedDelivery);

/// <summary>One shipping fulfillment (a parcel) of a demo order.</summary>
public sealed record EbayDemoShipment(
    string FulfillmentId, string TrackingNumber, string CarrierCode, DateTimeOffset ShippedDate, IReadOnlyList<string> LineItemIds);

/// <summary>One demo order. Its fulfillment status follows from which line items have shipped.</summary>
public sealed record EbayDemoOrder(
    string OrderId, string LegacyOrderId, DateTimeOffset CreationDate, DateTimeOffset LastModifiedDate, string MarketplaceId,
    bool Cancelled, IReadOnlyList<EbayDemoLineItem> LineItems, IReadOnlyList<EbayDemoShipment> Shipments)
{
    public string FulfillmentStatus
    {
        get
        {
            var shipped = Shipments.SelectMany(s => s.LineItemIds).ToHashSet(StringComparer.Ordinal);
            return shipped.Count == 0 ? "NOT_STARTED"
                : LineItems.All(l => shipped.Contains(l.LineItemId)) ? "FULFILLED"
                : "IN_PROGRESS";
        }
    }
}

/// <summary>
/// The demo seller's eBay orders, dated relative to the simulator's clock. Parcels are sandbox numbers (LLSB + 10
/// digits, the last digit picking the scenario) under eBay's carrier code "Other", so detection routes them to the
/// sandbox carrier:
/// <list type="bullet">
/// <item>21-10001-00010: FULFILLED, LLSB0000020010 — scenario 0, normal delivery.</item>
/// <item>21-10002-00023: IN_PROGRESS, one of two items shipped as LLSB0000020023 — scenario 3, customs hold.</item>
/// <item>21-10003-00034: FULFILLED, LLSB0000020034 — scenario 4, weather delay; promised for tomorrow.</item>
/// <item>21-10004-00040: NOT_STARTED, its ship-by date was yesterday (a late shipment).</item>
/// <item>21-10005-00046: FULFILLED, LLSB0000020046 — scenario 6, lost; the promised delivery date has passed.</item>
/// <item>21-10006-00052: FULFILLED, LLSB0000020052 — scenario 2, failed attempt then delivered; on EBAY_GB.</item>
/// <item>21-10007-00000: cancelled before shipping.</item>
/// </list>
/// </summary>
public static class EbayDemoCatalogue
{
    public const string SandboxCarrierCode = "Other";

    public static IReadOnlyList<EbayDemoOrder> Build(DateTimeOffset now)
    {
        var day = TimeSpan.FromDays(1);
        var hour = TimeSpan.FromHours(1);
        return
        [
            Order("21-10001-00010", now - 5 * day, now - 3 * day, "EBAY_US",
                [Item("10001-1", "MUG-BLUE", "Blue enamel mug", now - 3 * day, now + day)],
                [Ship("10001", "LLSB0000020010", now - 3 * day, "10001-1")]),
            Order("21-10002-00023", now - 4 * day, now - 2 * day, "EBAY_US",
                [Item("10002-1", "LAMP-01", "Desk lamp", now - 2 * day, now + 2 * day), Item("10002-2", "BULB-E27", "Spare bulb", now + day, now + 4 * day)],
                [Ship("10002", "LLSB0000020023", now - 2 * day, "10002-1")]),
            Order("21-10003-00034", now - 3 * day, now - 2 * day + 2 * hour, "EBAY_US",
                [Item("10003-1", "KETTLE-2L", "Kettle 2 l", now - 2 * day, now + day)],
                [Ship("10003", "LLSB0000020034", now - 2 * day + 2 * hour, "10003-1")]),
            Order("21-10004-00040", now - 3 * day, now - 3 * day + hour, "EBAY_US",
                [Item("10004-1", "CHAIR-OAK", "Oak chair", now - day, now + 2 * day)], []),
            Order("21-10005-00046", now - 9 * day, now - 7 * day, "EBAY_US",
                [Item("10005-1", "WATCH-S", "Steel watch", now - 8 * day, now - 2 * day)],
                [Ship("10005", "LLSB0000020046", now - 7 * day, "10005-1")]),
            Order("21-10006-00052", now - 2 * day, now - day, "EBAY_GB",
                [Item("10006-1", "SCARF-W", "Wool scarf", now - day, now + 3 * day)],
                [Ship("10006", "LLSB0000020052", now - day, "10006-1")]),
            new EbayDemoOrder("21-10007-00000", "110100007000!2710010007000", now - day, now - 20 * hour, "EBAY_US", Cancelled: true,
                [Item("10007-1", "VASE-GL", "Glass vase", now + day, now + 5 * day)], []),
        ];
    }

    private static EbayDemoOrder Order(
        string id, DateTimeOffset created, DateTimeOffset modified, string marketplace, EbayDemoLineItem[] items, EbayDemoShipment[] shipments) =>
        new(id, $"1101{id[3..8]}000!27100{id[^5..]}000", created, modified, marketplace, false, items, shipments);

    private static EbayDemoLineItem Item(string id, string sku, string title, DateTimeOffset shipBy, DateTimeOffset maxDelivery) =>
        new(id, sku, title, shipBy, maxDelivery - TimeSpan.FromDays(2), maxDelivery);

    private static EbayDemoShipment Ship(string order, string number, DateTimeOffset shipped, string lineItemId) =>
        new("94055096999370" + order + number[^4..], number, SandboxCarrierCode, shipped, [lineItemId]);
}
