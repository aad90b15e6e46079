using System.Text.Json;
using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// Orders API answers as <see cref="ImportedOrder"/>s. v2026-01-01: <c>{orders, pagination.nextToken}</c> /
/// <c>{order}</c>, FBA vs FBM in <c>fulfillment.fulfilledBy</c> (fulfilled by Amazon for a <c>NON_AMAZON</c> sales
/// channel: an MCF order), promises in <c>shipByWindow</c> and
/// <c>deliverByWindow</c>, FBM parcels in <c>packages[]</c> (carrier + tracking number). v0: <c>payload.Orders</c> /
/// <c>payload</c>, <c>FulfillmentChannel</c> AFN/MFN, <c>LatestShipDate</c>/<c>LatestDeliveryDate</c>, and no parcels
/// at all (v0 never returned FBM tracking numbers). Prime: v0 <c>IsPrime</c>, v2026 <c>"PRIME"</c> in <c>programs</c>.
/// The order status is kept as Amazon spells it in each version.
/// </summary>
public static class AmazonOrderParser
{
    public const string Channel = "amazon";

    /// <summary>A searchOrders page: its orders, those that could not be read, and the next page's token (null on the last page).</summary>
    public static AmazonOrdersPage ParseSearchOrders(string body)
    {
        using var document = AmazonJson.Parse(body);
        var root = document.RootElement;
        var (orders, unreadable) = ParseEach(root.Items("orders"), ParseV2026Order, "orderId");
        var next = root.Child("pagination") is { } pagination ? pagination.Text("nextToken") : "";
        return new AmazonOrdersPage(orders, unreadable, next.Length == 0 ? null : next);
    }

    /// <summary>A v2026 getOrder answer.</summary>
    public static ImportedOrder ParseGetOrder(string body) => Single(ReadGetOrder(body));

    /// <summary>
    /// A v2026 getOrder answer: its order, or the order set aside when it cannot be read (asking again gets the same
    /// shape). An answer that is no JSON, or has no order, is malformed.
    /// </summary>
    public static AmazonOrdersPage ReadGetOrder(string body)
    {
        using var document = AmazonJson.Parse(body);
        return document.RootElement.Child("order") is { ValueKind: JsonValueKind.Object } order
            ? One(order, ParseV2026Order, "orderId")
            : throw new AmazonMalformedException("getOrder answer without 'order'");
    }

    /// <summary>A v0 getOrders page.</summary>
    public static AmazonOrdersPage ParseGetOrdersV0(string body)
    {
        using var document = AmazonJson.Parse(body);
        var payload = document.RootElement.Child("payload") ?? throw new AmazonMalformedException("getOrders answer without 'payload'");
        var next = payload.Text("NextToken");
        var (orders, unreadable) = ParseEach(payload.Items("Orders"), ParseV0Order, "AmazonOrderId");
        return new AmazonOrdersPage(orders, unreadable, next.Length == 0 ? null : next);
    }

    /// <summary>
    /// Each order of a page, and those that could not be read: one order in a shape we cannot read must not hold back
    /// the others (its region's window would be read again, and fail again, every round), nor be read with a default.
    /// </summary>
    private static (IReadOnlyList<ImportedOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable) ParseEach(
        IEnumerable<JsonElement> orders, Func<JsonElement, ImportedOrder> parse, string idField)
    {
        var read = new List<ImportedOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var order in orders)
        {
            try
            {
                read.Add(parse(order));
            }
            catch (AmazonMalformedException e)
            {
                var id = order.Child(idField) is { ValueKind: JsonValueKind.String } value ? value.GetString()!.Trim() : "";
                unreadable.Add(new UnreadableOrder(id, e.Message));
            }
        }
        return (read, unreadable);
    }

    /// <summary>A v0 getOrder answer.</summary>
    public static ImportedOrder ParseGetOrderV0(string body) => Single(ReadGetOrderV0(body));

    /// <summary>A v0 getOrder answer, read as <see cref="ReadGetOrder"/> reads a v2026 one.</summary>
    public static AmazonOrdersPage ReadGetOrderV0(string body)
    {
        using var document = AmazonJson.Parse(body);
        return document.RootElement.Child("payload") is { ValueKind: JsonValueKind.Object } payload
            ? One(payload, ParseV0Order, "AmazonOrderId")
            : throw new AmazonMalformedException("getOrder (v0) answer without 'payload'");
    }

    private static AmazonOrdersPage One(JsonElement order, Func<JsonElement, ImportedOrder> parse, string idField)
    {
        var (orders, unreadable) = ParseEach([order], parse, idField);
        return new AmazonOrdersPage(orders, unreadable, null);
    }

    private static ImportedOrder Single(AmazonOrdersPage page) =>
        page.Orders.Count == 1 ? page.Orders[0] : throw new AmazonMalformedException(page.Unreadable[0].Reason);

    private static ImportedOrder ParseV2026Order(JsonElement order)
    {
        var id = Required(order, "orderId");
        var salesChannel = order.Child("salesChannel");
        var marketplaceId = salesChannel is { } channel ? channel.Text("marketplaceId") : "";
        var fulfillment = order.Child("fulfillment");
        var fulfilledBy = fulfillment?.Text("fulfilledBy");
        var fulfillmentChannel = FulfillmentOf(fulfilledBy, salesChannel is { } named ? named.Text("channelName") : "");
        return new ImportedOrder(
            Channel,
            id,
            fulfillmentChannel,
            fulfillment?.Text("fulfillmentStatus") ?? "",
            marketplaceId,
            LanguageOf(marketplaceId),
            order.Instant("createdTime"),
            // Amazon ships an MCF order: its ship-by window is no promise of the seller's (the Late Shipment Rate counts
            // seller-fulfilled orders only, marketplaces.md line 703), and the MCF import, which may run last, has none.
            fulfillmentChannel == FulfillmentChannel.ThirdParty ? null : fulfillment?.Child("shipByWindow")?.Instant("latestDateTime"),
            fulfillment?.Child("deliverByWindow")?.Instant("latestDateTime"),
            order.Instant("lastUpdatedTime"),
            order.Items("packages").Select(ParsePackage).OfType<ImportedPackage>().ToList(),
            IsPrime: HasProgram(order, "PRIME"),
            // Amazon lists packages for merchant-fulfilled orders only (FBA parcels come from the shipments report).
            ListsEveryPackage: fulfilledBy == "MERCHANT");
    }

    /// <summary>
    /// Who ships the order. Fulfilled by Amazon for a sale made on another channel (<c>salesChannel.channelName</c>
    /// <c>NON_AMAZON</c>; marketplaces.md lines 217 and 221) is a Multi-Channel Fulfillment order, which the MCF import
    /// stores under the same id: <see cref="FulfillmentChannel.ThirdParty"/>, as that import does, so that whichever
    /// of the two reads it last the order stays one MCF order, and its buyer, who has no Amazon order, is answered by
    /// the seller and never sent to Amazon's customer service (line 391: MCF customer service is the seller's job).
    /// </summary>
    private static FulfillmentChannel FulfillmentOf(string? fulfilledBy, string channelName) => fulfilledBy switch
    {
        "AMAZON" when channelName == "NON_AMAZON" => FulfillmentChannel.ThirdParty,
        "AMAZON" => FulfillmentChannel.Amazon,
        "MERCHANT" => FulfillmentChannel.Merchant,
        _ => FulfillmentChannel.Unspecified,
    };

    /// <summary>
    /// One FBM parcel; null when it has no tracking number or its label was cancelled (the number will never scan).
    /// <c>packageStatus</c> is left out on purpose: for FBM the carrier is the source of truth.
    /// </summary>
    private static ImportedPackage? ParsePackage(JsonElement package)
    {
        var number = package.Text("trackingNumber");
        var status = package.Child("packageStatus");
        if (number.Length == 0 || status?.Text("status") == "CANCELLED" || status?.Text("detailedStatus") == "LABEL_CANCELLED")
        {
            return null;
        }
        var carrier = package.Text("carrier");
        var code = MarketplaceCarrierNames.ToCarrierCode(carrier);
        // An FBM label bought through Amazon Shipping names its carrier id (AMZN_US): getTracking finds the parcel only
        // in that business, and a bare number is asked about in AMZN_UK. FBA and MCF parcels are not such labels: Amazon
        // reports their status itself, and they keep the number the buyer and the sales channel know. Earlier versions
        // tracked such a label by its bare number: that parcel is the same package, and no longer polled.
        var tracked = code == AmazonDefaults.Code ? AmazonTrackingId.Qualify(carrier, number) : number;
        return new ImportedPackage(code, carrier, tracked, package.Instant("shipTime"),
            Replaces: tracked == number ? null : new FormerParcel(code, number));
    }

    private static ImportedOrder ParseV0Order(JsonElement order)
    {
        var marketplaceId = order.Text("MarketplaceId");
        return new ImportedOrder(
            Channel,
            Required(order, "AmazonOrderId"),
            order.Text("FulfillmentChannel") switch
            {
                "AFN" => FulfillmentChannel.Amazon,
                "MFN" => FulfillmentChannel.Merchant,
                _ => FulfillmentChannel.Unspecified,
            },
            order.Text("OrderStatus"),
            marketplaceId,
            LanguageOf(marketplaceId),
            order.Instant("PurchaseDate"),
            order.Instant("LatestShipDate"),
            order.Instant("LatestDeliveryDate"),
            order.Instant("LastUpdateDate"),
            [],
            IsPrime: order.Text("IsPrime") == "true");
    }

    /// <summary>v2026 has no IsPrime flag: a Prime order lists <c>PRIME</c> among its <c>programs</c> (strings).</summary>
    private static bool HasProgram(JsonElement order, string program) => order.Child("programs") switch
    {
        null => false,
        { ValueKind: JsonValueKind.Array } programs =>
            programs.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.String && p.GetString() == program),
        { } other => throw new AmazonMalformedException($"'programs' is a {other.ValueKind}, expected a list"),
    };

    private static string LanguageOf(string marketplaceId) => AmazonMarketplaces.Find(marketplaceId)?.Language ?? "";

    private static string Required(JsonElement order, string name)
    {
        var value = order.Text(name);
        return value.Length > 0 ? value : throw new AmazonMalformedException($"an order without '{name}'");
    }
}
