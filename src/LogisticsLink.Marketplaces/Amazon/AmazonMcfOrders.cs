using System.Globalization;
using System.Text.Json;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>One package of an MCF shipment as <c>getFulfillmentOrder</c> lists it (<c>fulfillmentShipmentPackage[]</c>).</summary>
/// <param name="PackageNumber">The key <c>getPackageTrackingDetails</c> takes; null when Amazon gave none.</param>
/// <param name="TrackingNumber">The carrier's number; empty when Amazon gave only its own.</param>
/// <param name="AmazonTrackingNumber">
/// Amazon's own number for the package (<c>amazonFulfillmentTrackingNumber</c>, <c>AFTN…</c>, tracked on swiship.com).
/// </param>
public sealed record AmazonMcfPackage(
    int? PackageNumber, string CarrierCode, string TrackingNumber, DateTimeOffset? ShippedAt, DateTimeOffset? EstimatedArrival,
    string AmazonTrackingNumber = "");

/// <summary>
/// A Multi-Channel Fulfillment order: Amazon ships it for a sale made elsewhere. Keyed by the seller's
/// <c>sellerFulfillmentOrderId</c>; <see cref="Status"/> is <c>fulfillmentOrderStatus</c> as Amazon spells it
/// (<c>New</c>, <c>Received</c>, <c>Planning</c>, <c>Processing</c>, <c>Cancelled</c>, <c>Complete</c>,
/// <c>CompletePartialled</c>, <c>Unfulfillable</c>, <c>Invalid</c>). <see cref="Packages"/> is empty in a
/// <c>listAllFulfillmentOrders</c> answer; <c>getFulfillmentOrder</c> fills it.
/// </summary>
public sealed record AmazonMcfOrder(
    string SellerFulfillmentOrderId,
    string DisplayableOrderId,
    string MarketplaceId,
    string Status,
    DateTimeOffset? OrderedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? DeliverBy,
    IReadOnlyList<AmazonMcfPackage> Packages)
{
    /// <summary>
    /// Statuses in which Amazon has not shipped (and never will ship) anything: no getFulfillmentOrder needed. Read in any
    /// case and without underscores, as <see cref="MarketplaceOrderStatus"/> reads them: Fulfillment Outbound 2026-07-04
    /// spells them <c>CANCELLED</c>, <c>INVALID</c>.
    /// </summary>
    public bool CannotHaveShipments => MarketplaceOrderStatus.Normalized(Status) is "NEW" or "RECEIVED" or "INVALID" or "CANCELLED";
}

/// <summary>
/// Fulfillment Outbound API 2020-07-01 answers: <c>listAllFulfillmentOrders</c>
/// (<c>{"payload":{"nextToken","fulfillmentOrders":[FulfillmentOrder]}}</c>) and <c>getFulfillmentOrder</c>
/// (<c>{"payload":{"fulfillmentOrder","fulfillmentShipments":[{fulfillmentShipmentStatus, shippingDate,
/// estimatedArrivalDate, fulfillmentShipmentPackage[]}]}}</c>), and the <see cref="ImportedOrder"/> they make with each
/// package's <c>getPackageTrackingDetails</c>.
/// </summary>
public static class AmazonMcfOrderParser
{
    /// <summary>
    /// A listAllFulfillmentOrders page: its orders (without packages), those that could not be read, and the next page's
    /// token (null on the last). One order in a shape we cannot read must not hold back the others (its region would be
    /// read again, and fail again, every round), nor be read with a default.
    /// </summary>
    public static AmazonMcfListPage ParseList(string body)
    {
        using var document = AmazonJson.Parse(body);
        var payload = document.RootElement.Child("payload") ?? throw new AmazonMalformedException("listAllFulfillmentOrders answer without 'payload'");
        var next = payload.Text("nextToken");
        var orders = new List<AmazonMcfOrder>();
        var unreadable = new List<UnreadableOrder>();
        foreach (var order in payload.Items("fulfillmentOrders"))
        {
            try
            {
                orders.Add(ParseOrder(order, []));
            }
            catch (AmazonMalformedException e)
            {
                var id = order.Child("sellerFulfillmentOrderId") is { ValueKind: JsonValueKind.String } value ? value.GetString()!.Trim() : "";
                unreadable.Add(new UnreadableOrder(id, e.Message));
            }
        }
        return new AmazonMcfListPage(orders, unreadable, next.Length == 0 ? null : next);
    }

    /// <summary>
    /// A getFulfillmentOrder answer with its packages. Packages of cancelled shipments are left out (they never left),
    /// and so are packages with neither the carrier's tracking number nor Amazon's own
    /// (<c>amazonFulfillmentTrackingNumber</c>).
    /// </summary>
    public static AmazonMcfOrder ParseGet(string body)
    {
        var (order, unreadable) = ReadGet(body);
        return order ?? throw new AmazonMalformedException(unreadable!);
    }

    /// <summary>
    /// A getFulfillmentOrder answer read as <see cref="ParseGet"/> reads it, but an order in it that cannot be read
    /// comes back as the reason (asking again gets the same shape). An answer that is no JSON, or has no order, is
    /// malformed.
    /// </summary>
    public static (AmazonMcfOrder? Order, string? Unreadable) ReadGet(string body)
    {
        using var document = AmazonJson.Parse(body);
        var payload = document.RootElement.Child("payload") ?? throw new AmazonMalformedException("getFulfillmentOrder answer without 'payload'");
        var order = payload.Child("fulfillmentOrder") is { ValueKind: JsonValueKind.Object } o
            ? o
            : throw new AmazonMalformedException("getFulfillmentOrder answer without 'fulfillmentOrder'");
        try
        {
            return (ReadOrderWithPackages(payload, order), null);
        }
        catch (AmazonMalformedException e)
        {
            return (null, e.Message);
        }
    }

    private static AmazonMcfOrder ReadOrderWithPackages(JsonElement payload, JsonElement order)
    {
        var packages = new List<AmazonMcfPackage>();
        foreach (var shipment in payload.Items("fulfillmentShipments"))
        {
            if (shipment.Text("fulfillmentShipmentStatus").StartsWith("CANCELLED", StringComparison.Ordinal))
            {
                continue;
            }
            var shippedAt = shipment.Instant("shippingDate");
            var shipmentEta = shipment.Instant("estimatedArrivalDate");
            foreach (var package in shipment.Items("fulfillmentShipmentPackage"))
            {
                var (carrierNumber, amazonNumber) = (package.Text("trackingNumber"), package.Text("amazonFulfillmentTrackingNumber"));
                if (carrierNumber.Length == 0 && amazonNumber.Length == 0)
                {
                    continue;
                }
                var packageNumber = package.Text("packageNumber");
                packages.Add(new AmazonMcfPackage(
                    int.TryParse(packageNumber, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                    package.Text("carrierCode"), carrierNumber, shippedAt, package.Instant("estimatedArrivalDate") ?? shipmentEta, amazonNumber));
            }
        }
        return ParseOrder(order, packages);
    }

    /// <summary>
    /// The order for the order link. Amazon picks, packs and ships an MCF order and its tracking is the parcel's
    /// status, as for FBA, but the sale was made elsewhere: Amazon works as the seller's logistics provider
    /// (<see cref="FulfillmentChannel.ThirdParty"/>) and the seller answers the buyer, who has no Amazon order to be
    /// sent back to (reference: marketplaces.md §1.7). A package whose
    /// tracking is in <paramref name="tracking"/> carries Amazon's current status, mapped, and as text its
    /// description with the latest <c>EVENT_…</c> code; one without (not tracked yet) carries only its number.
    /// A package is tracked by the carrier's number, from the order or, once Amazon knows it, from the package's
    /// tracking; a package known only by Amazon's own number (<c>AFTN…</c>) is tracked under Amazon's own carrier, never
    /// under the carrier code beside it, which could not track that number. Once the carrier's number is known, the
    /// package names the Amazon parcel it <see cref="ImportedPackage.Replaces"/>, so that parcel leaves the order.
    /// </summary>
    public static ImportedOrder ToImported(AmazonMcfOrder order, IReadOnlyDictionary<int, AmazonMcfTracking> tracking)
    {
        var packages = order.Packages.Select(p =>
        {
            var tracked = p.PackageNumber is { } n && tracking.TryGetValue(n, out var t) && t.Package is not null ? t : null;
            var carrierCode = tracked?.Package!.CarrierName is { Length: > 0 } c ? c : p.CarrierCode;
            var trackedNumber = tracked?.Package!.TrackingNumber ?? "";
            var carrierNumber = p.TrackingNumber.Length > 0 ? p.TrackingNumber
                : IsAmazonFulfillmentNumber(trackedNumber) ? "" : trackedNumber;
            var amazonNumber = p.AmazonTrackingNumber.Length > 0 ? p.AmazonTrackingNumber
                : IsAmazonFulfillmentNumber(trackedNumber) ? trackedNumber : "";
            var amazonCarrier = MarketplaceCarrierNames.ToCarrierCode(AmazonOwnCarrierName);
            var (carrier, number) = carrierNumber.Length > 0
                ? (MarketplaceCarrierNames.ToCarrierCode(carrierCode), carrierNumber)
                : (amazonCarrier, amazonNumber.Length > 0 ? amazonNumber : trackedNumber);
            return new ImportedPackage(
                carrier,
                carrierCode,
                number,
                tracked?.Package!.ShippedAt ?? p.ShippedAt,
                tracked?.Package!.EstimatedArrival ?? p.EstimatedArrival,
                tracked?.Package!.AmazonStatus,
                tracked is null ? "" : StatusText(tracked),
                // Until now the package may have been tracked by Amazon's number: the same package, not a second one.
                carrierNumber.Length > 0 && amazonNumber.Length > 0 ? new FormerParcel(amazonCarrier, amazonNumber) : null,
                ShippedByAmazon: true);
        }).ToList();
        return new ImportedOrder(
            AmazonOrderParser.Channel,
            order.SellerFulfillmentOrderId,
            FulfillmentChannel.ThirdParty,
            order.Status,
            order.MarketplaceId,
            AmazonMarketplaces.Find(order.MarketplaceId)?.Language ?? "",
            order.OrderedAt,
            null,
            order.DeliverBy,
            order.UpdatedAt,
            packages);
    }

    /// <summary>The carrier name an <c>AFTN…</c> number is tracked under: Amazon's own delivery network.</summary>
    private const string AmazonOwnCarrierName = "Amazon";

    /// <summary>Amazon's Fulfillment Tracking Number: <c>^AFTN\d+$</c> in the Tracking API 2026-01-30 model.</summary>
    public static bool IsAmazonFulfillmentNumber(string number) =>
        number.Length > 4 && number.StartsWith("AFTN", StringComparison.Ordinal) && number[4..].All(char.IsAsciiDigit);

    /// <summary>Amazon's words for the package now, with the latest event's code kept: "Arrived at … (EVENT_201 Arrival scan, Columbus US)".</summary>
    public static string StatusText(AmazonMcfTracking tracking)
    {
        var text = tracking.Package?.AmazonStatusText is { Length: > 0 } t ? t : tracking.CurrentStatus;
        if (tracking.Events.FirstOrDefault(e => e.Code.Length > 0) is not { } latest)
        {
            return text;
        }
        var place = string.Join(" ", new[] { latest.City, latest.Country }.Where(s => s.Length > 0));
        var described = latest.Description.Length > 0 && latest.Description != text ? $"{latest.Code} {latest.Description}" : latest.Code;
        return place.Length > 0 ? $"{text} ({described}, {place})" : $"{text} ({described})";
    }

    private static AmazonMcfOrder ParseOrder(JsonElement order, IReadOnlyList<AmazonMcfPackage> packages)
    {
        var id = order.Text("sellerFulfillmentOrderId");
        if (id.Length == 0)
        {
            throw new AmazonMalformedException("a fulfillment order without 'sellerFulfillmentOrderId'");
        }
        return new AmazonMcfOrder(
            id,
            order.Text("displayableOrderId"),
            order.Text("marketplaceId"),
            order.Text("fulfillmentOrderStatus"),
            order.Instant("displayableOrderDate") ?? order.Instant("receivedDate"),
            order.Instant("statusUpdatedDate"),
            // Only scheduled deliveries promise a window; other speeds promise nothing the API states.
            order.Child("deliveryWindow")?.Instant("endDate"),
            packages);
    }
}
