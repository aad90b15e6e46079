using System.Text.Json;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// Turns a Sell Fulfillment API <c>Order</c> and its <c>ShippingFulfillment</c>s into an <see cref="ImportedOrder"/>.
/// The order id is eBay's opaque <c>orderId</c>, kept as is. The promise: the earliest line item <c>shipByDate</c> and
/// the latest <c>maxEstimatedDeliveryDate</c>.
/// </summary>
internal static class EbayOrderParser
{
    /// <summary>Whether the order has shipping fulfillments worth one more call to read.</summary>
    public static bool MayHaveFulfillments(JsonElement order) =>
        order.Child("fulfillmentHrefs") is { ValueKind: JsonValueKind.Array } hrefs && hrefs.GetArrayLength() > 0 ||
        order.Text("orderFulfillmentStatus") is "IN_PROGRESS" or "FULFILLED";

    public static string OrderId(JsonElement order) =>
        order.Text("orderId") is { Length: > 0 } id ? id : throw new JsonException("order without orderId");

    public static ImportedOrder Parse(JsonElement order, IReadOnlyList<ImportedPackage> packages)
    {
        var lineItems = order.Items("lineItems");
        var instructions = lineItems.Select(l => l.Child("lineItemFulfillmentInstructions")).OfType<JsonElement>().ToList();
        var latestDelivery = instructions.Select(i => i.Time("maxEstimatedDeliveryDate")).Max()
            ?? order.Items("fulfillmentStartInstructions").Select(i => i.Time("maxEstimatedDeliveryDate")).Max();
        var cancelled = order.Child("cancelStatus")?.Text("cancelState") == "CANCELED";
        return new ImportedOrder(
            EbayMarketplaceClient.ChannelName,
            OrderId(order),
            FulfillmentChannel.Merchant,
            cancelled ? "CANCELED" : order.Text("orderFulfillmentStatus"),
            lineItems.Select(l => l.Text("purchaseMarketplaceId") is { Length: > 0 } p ? p : l.Text("listingMarketplaceId"))
                .FirstOrDefault(m => m.Length > 0) ?? "",
            BuyerLanguage: "",
            order.Time("creationDate"),
            instructions.Select(i => i.Time("shipByDate")).Min(),
            latestDelivery,
            order.Time("lastModifiedDate"),
            packages,
            ListsEveryPackage: true);
    }

    /// <summary>The parcels of a <c>getShippingFulfillments</c> answer: one per distinct tracking number.</summary>
    public static IReadOnlyList<ImportedPackage> Packages(JsonElement fulfillmentsAnswer)
    {
        var packages = new List<ImportedPackage>();
        foreach (var fulfillment in fulfillmentsAnswer.Items("fulfillments"))
        {
            var number = fulfillment.Text("shipmentTrackingNumber");
            if (number.Length == 0 || packages.Exists(p => p.TrackingNumber == number))
            {
                continue;
            }
            var carrierCode = fulfillment.Text("shippingCarrierCode");
            packages.Add(new ImportedPackage(
                MarketplaceCarrierNames.ToCarrierCode(carrierCode), carrierCode, number, fulfillment.Time("shippedDate")));
        }
        return packages;
    }
}
