using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace LogisticsLink.Sandbox.Marketplaces.Amazon;

/// <summary>The catalogue in SP-API wire formats: Orders v2026-01-01 and v0 JSON, the FBA shipments report TSV, MCF tracking.</summary>
internal static class AmazonSpApiRenderer
{
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Errors(string code, string message, string details = "")
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details.Length > 0)
        {
            error["details"] = details;
        }
        return new JsonObject { ["errors"] = new JsonArray(error) };
    }

    public static JsonObject V2026(AmazonDemoOrder order, bool fulfillment, bool packages)
    {
        var json = new JsonObject
        {
            ["orderId"] = order.OrderId,
            ["createdTime"] = Iso(order.PurchasedAt),
            ["lastUpdatedTime"] = Iso(order.LastUpdatedAt),
            ["programs"] = order.IsPrime ? new JsonArray("PRIME") : new JsonArray(),
            ["salesChannel"] = new JsonObject
            {
                ["channelName"] = order.NonAmazonChannel ? "NON_AMAZON" : "AMAZON",
                ["marketplaceId"] = order.MarketplaceId,
                ["marketplaceName"] = MarketplaceName(order.MarketplaceId),
            },
            ["orderItems"] = new JsonArray(new JsonObject { ["orderItemId"] = "1" + order.OrderId.Replace("-", "", StringComparison.Ordinal)[^12..], ["quantityOrdered"] = 1 }),
        };
        if (fulfillment)
        {
            var block = new JsonObject
            {
                ["fulfillmentStatus"] = order.Status,
                ["fulfilledBy"] = order.FulfilledByAmazon ? "AMAZON" : "MERCHANT",
                ["fulfillmentServiceLevel"] = "STANDARD",
            };
            if (order.LatestShipDate is { } ship)
            {
                block["shipByWindow"] = new JsonObject { ["earliestDateTime"] = Iso(order.PurchasedAt), ["latestDateTime"] = Iso(ship) };
            }
            if (order.LatestDeliveryDate is { } deliver)
            {
                block["deliverByWindow"] = new JsonObject { ["earliestDateTime"] = Iso(deliver.AddDays(-2)), ["latestDateTime"] = Iso(deliver) };
            }
            json["fulfillment"] = block;
        }
        if (packages && !order.FulfilledByAmazon)
        {
            json["packages"] = new JsonArray(order.Packages.Select((p, i) => (JsonNode)new JsonObject
            {
                ["packageReferenceId"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["createdTime"] = Iso(p.ShippedAt.AddHours(-1)),
                ["packageStatus"] = new JsonObject { ["status"] = p.Status, ["detailedStatus"] = p.Status == "CANCELLED" ? "LABEL_CANCELLED" : "PICKED_UP" },
                ["carrier"] = p.Carrier,
                ["shipTime"] = Iso(p.ShippedAt),
                ["shippingService"] = p.ShippingService,
                ["trackingNumber"] = p.TrackingNumber,
            }).ToArray());
        }
        return json;
    }

    public static JsonObject V0(AmazonDemoOrder order)
    {
        var json = new JsonObject
        {
            ["AmazonOrderId"] = order.OrderId,
            ["PurchaseDate"] = Iso(order.PurchasedAt),
            ["LastUpdateDate"] = Iso(order.LastUpdatedAt),
            ["OrderStatus"] = V0Status(order.Status),
            ["FulfillmentChannel"] = order.FulfilledByAmazon ? "AFN" : "MFN",
            ["SalesChannel"] = order.NonAmazonChannel ? "Non-Amazon" : MarketplaceName(order.MarketplaceId),
            ["ShipServiceLevel"] = "Std Dom",
            ["ShipmentServiceLevelCategory"] = "Standard",
            ["MarketplaceId"] = order.MarketplaceId,
            ["IsPrime"] = order.IsPrime,
            ["IsBusinessOrder"] = false,
            ["IsPremiumOrder"] = false,
            ["OrderType"] = "StandardOrder",
        };
        // Amazon returns the ship and delivery windows for seller-fulfilled orders only.
        if (!order.FulfilledByAmazon && order.LatestShipDate is { } ship)
        {
            json["EarliestShipDate"] = Iso(order.PurchasedAt);
            json["LatestShipDate"] = Iso(ship);
        }
        if (!order.FulfilledByAmazon && order.LatestDeliveryDate is { } deliver)
        {
            json["EarliestDeliveryDate"] = Iso(deliver.AddDays(-2));
            json["LatestDeliveryDate"] = Iso(deliver);
        }
        return json;
    }

    private static string V0Status(string status) => status switch
    {
        "PENDING_AVAILABILITY" => "PendingAvailability",
        "PENDING" => "Pending",
        "UNSHIPPED" => "Unshipped",
        "PARTIALLY_SHIPPED" => "PartiallyShipped",
        "SHIPPED" => "Shipped",
        "CANCELLED" => "Canceled",
        "UNFULFILLABLE" => "Unfulfillable",
        _ => status,
    };

    private static string MarketplaceName(string marketplaceId) => marketplaceId switch
    {
        AmazonDemoCatalogue.Us => "Amazon.com",
        AmazonDemoCatalogue.Uk => "Amazon.co.uk",
        AmazonDemoCatalogue.De => "Amazon.de",
        AmazonDemoCatalogue.Fr => "Amazon.fr",
        _ => "Amazon",
    };

    private static readonly string[] ReportColumns =
    [
        "amazon-order-id", "merchant-order-id", "shipment-id", "shipment-item-id", "amazon-order-item-id", "merchant-order-item-id",
        "purchase-date", "payments-date", "shipment-date", "reporting-date", "buyer-email", "buyer-name", "buyer-phone-number", "sku",
        "product-name", "quantity-shipped", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price",
        "gift-wrap-tax", "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city",
        "ship-state", "ship-postal-code", "ship-country", "ship-phone-number", "bill-address-1", "bill-address-2", "bill-address-3",
        "bill-city", "bill-state", "bill-postal-code", "bill-country", "item-promotion-discount", "ship-promotion-discount", "carrier",
        "tracking-number", "estimated-arrival-date", "fulfillment-center-id", "fulfillment-channel", "sales-channel",
    ];

    /// <summary>The FBA shipments report: a header and one row per shipped item, dates with an offset as Amazon writes them.</summary>
    public static string ShipmentsReport(IEnumerable<(AmazonDemoOrder Order, AmazonDemoFbaShipment Shipment)> shipments)
    {
        var text = new StringBuilder(string.Join('\t', ReportColumns)).Append("\r\n");
        var item = 0;
        foreach (var (order, shipment) in shipments)
        {
            foreach (var sku in shipment.Skus)
            {
                item++;
                var cells = new Dictionary<string, string>
                {
                    ["amazon-order-id"] = order.OrderId,
                    ["shipment-id"] = "D" + shipment.TrackingNumber[^8..],
                    ["shipment-item-id"] = "DI" + item.ToString("D6", CultureInfo.InvariantCulture),
                    ["amazon-order-item-id"] = "OI" + item.ToString("D8", CultureInfo.InvariantCulture),
                    ["purchase-date"] = Offset(order.PurchasedAt),
                    ["payments-date"] = Offset(order.PurchasedAt.AddMinutes(3)),
                    ["shipment-date"] = Offset(shipment.ShippedAt),
                    ["reporting-date"] = Offset(shipment.ShippedAt.AddHours(1)),
                    ["sku"] = sku,
                    ["product-name"] = "Demo product " + sku,
                    ["quantity-shipped"] = "1",
                    ["currency"] = order.MarketplaceId == AmazonDemoCatalogue.Us ? "USD" : order.MarketplaceId == AmazonDemoCatalogue.Uk ? "GBP" : "EUR",
                    ["item-price"] = "19.99",
                    ["ship-service-level"] = "Standard",
                    ["ship-country"] = CountryOf(order.MarketplaceId),
                    ["carrier"] = shipment.Carrier,
                    ["tracking-number"] = shipment.TrackingNumber,
                    ["estimated-arrival-date"] = Offset(shipment.EstimatedArrival),
                    ["fulfillment-center-id"] = shipment.FulfillmentCenter,
                    ["fulfillment-channel"] = "AFN",
                    ["sales-channel"] = MarketplaceName(order.MarketplaceId),
                };
                text.Append(string.Join('\t', ReportColumns.Select(c => cells.GetValueOrDefault(c, "")))).Append("\r\n");
            }
        }
        return text.ToString();
    }

    private static string Offset(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string CountryOf(string marketplaceId) => marketplaceId switch
    {
        AmazonDemoCatalogue.Us => "US",
        AmazonDemoCatalogue.Uk => "GB",
        AmazonDemoCatalogue.De => "DE",
        AmazonDemoCatalogue.Fr => "FR",
        _ => "",
    };

    /// <summary>
    /// An MCF order as Fulfillment Outbound 2020-07-01 <c>FulfillmentOrder</c>: the demo order id is the
    /// <c>sellerFulfillmentOrderId</c> and the <c>displayableOrderId</c> alike.
    /// </summary>
    public static JsonObject FulfillmentOrder(AmazonDemoOrder order) => new()
    {
        ["sellerFulfillmentOrderId"] = order.OrderId,
        ["marketplaceId"] = order.MarketplaceId,
        ["displayableOrderId"] = order.OrderId,
        ["displayableOrderDate"] = Iso(order.PurchasedAt),
        ["displayableOrderComment"] = "Thank you for your order",
        ["shippingSpeedCategory"] = "Standard",
        ["destinationAddress"] = new JsonObject
        {
            ["name"] = "Demo Buyer",
            ["addressLine1"] = "1 Demo Street",
            ["city"] = "Columbus",
            ["stateOrRegion"] = "OH",
            ["postalCode"] = "43004",
            ["countryCode"] = CountryOf(order.MarketplaceId),
        },
        ["fulfillmentAction"] = "Ship",
        ["fulfillmentPolicy"] = "FillOrKill",
        ["receivedDate"] = Iso(order.PurchasedAt.AddMinutes(2)),
        ["fulfillmentOrderStatus"] = McfStatus(order.Status),
        ["statusUpdatedDate"] = Iso(order.LastUpdatedAt),
    };

    /// <summary>A getFulfillmentOrder answer: the order, its item, and one shipment holding its packages once shipped.</summary>
    public static JsonObject FulfillmentOrderDetails(AmazonDemoOrder order, IReadOnlyList<AmazonDemoMcfPackage> packages)
    {
        var payload = new JsonObject
        {
            ["fulfillmentOrder"] = FulfillmentOrder(order),
            ["fulfillmentOrderItems"] = new JsonArray(new JsonObject
            {
                ["sellerSku"] = "LL-MUG-01",
                ["sellerFulfillmentOrderItemId"] = "1",
                ["quantity"] = 1,
                ["cancelledQuantity"] = 0,
                ["unfulfillableQuantity"] = 0,
            }),
            ["fulfillmentShipments"] = new JsonArray(),
            ["returnItems"] = new JsonArray(),
            ["returnAuthorizations"] = new JsonArray(),
        };
        if (packages.Count > 0)
        {
            var first = packages.MinBy(p => p.ShippedAt)!;
            payload["fulfillmentShipments"] = new JsonArray(new JsonObject
            {
                ["amazonShipmentId"] = "D" + first.PackageNumber.ToString("D8", CultureInfo.InvariantCulture),
                ["fulfillmentCenterId"] = "LEX1",
                ["fulfillmentShipmentStatus"] = "SHIPPED",
                ["shippingDate"] = Iso(first.ShippedAt),
                ["estimatedArrivalDate"] = Iso(packages.Max(p => p.EstimatedArrival)),
                ["fulfillmentShipmentItem"] = new JsonArray(new JsonObject
                {
                    ["sellerSku"] = "LL-MUG-01",
                    ["sellerFulfillmentOrderItemId"] = "1",
                    ["quantity"] = 1,
                    ["packageNumber"] = first.PackageNumber,
                }),
                ["fulfillmentShipmentPackage"] = new JsonArray(packages.Select(p => (JsonNode)new JsonObject
                {
                    ["packageNumber"] = p.PackageNumber,
                    ["carrierCode"] = p.Carrier,
                    ["trackingNumber"] = p.TrackingNumber,
                    ["amazonFulfillmentTrackingNumber"] = p.AmazonFulfillmentTrackingNumber,
                    ["estimatedArrivalDate"] = Iso(p.EstimatedArrival),
                }).ToArray()),
            });
        }
        return new JsonObject { ["payload"] = payload };
    }

    /// <summary>The order's v2026 fulfillment status in <c>FulfillmentOrderStatus</c> terms.</summary>
    public static string McfStatus(string status) => status switch
    {
        "SHIPPED" => "Complete",
        "PARTIALLY_SHIPPED" => "CompletePartialled",
        "CANCELLED" => "Cancelled",
        "UNFULFILLABLE" => "Unfulfillable",
        "PENDING" or "PENDING_AVAILABILITY" => "Received",
        _ => "Processing",
    };

    public static JsonObject McfTracking(AmazonDemoMcfPackage package) => new()
    {
        ["payload"] = new JsonObject
        {
            ["packageNumber"] = package.PackageNumber,
            ["trackingNumber"] = package.TrackingNumber,
            // Until the carrier's number is known Amazon gives none here, and its own number in the link.
            ["customerTrackingLink"] = "https://www.swiship.com/track?id="
                + (package.TrackingNumber.Length > 0 ? package.TrackingNumber : package.AmazonFulfillmentTrackingNumber),
            ["carrierCode"] = package.Carrier,
            ["carrierURL"] = "https://track.amazon.com",
            ["shipDate"] = Iso(package.ShippedAt),
            ["estimatedArrivalDate"] = Iso(package.EstimatedArrival),
            ["shipToAddress"] = new JsonObject { ["city"] = "Columbus", ["state"] = "OH", ["country"] = "US" },
            ["currentStatus"] = package.CurrentStatus,
            ["currentStatusDescription"] = package.CurrentStatusDescription,
            ["trackingEvents"] = new JsonArray(package.Events.Select(e => (JsonNode)new JsonObject
            {
                ["eventDate"] = Iso(e.At),
                ["eventAddress"] = new JsonObject { ["city"] = e.City, ["country"] = e.Country },
                ["eventCode"] = e.Code,
                ["eventDescription"] = e.Description,
            }).ToArray()),
        },
    };
}
