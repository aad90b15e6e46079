using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Support;
using DomainRiskKind = LogisticsLink.Domain.Risks.RiskKind;
using LogisticsLink.V1;
using DomainFulfillment = LogisticsLink.Domain.Orders.FulfillmentChannel;

namespace LogisticsLink.Server.Api;

/// <summary>Validation and normalization of OrderService requests. Nothing is written before these pass.</summary>
public static class OrderRequests
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;
    public const int MaxShipmentsPerOrder = 100;
    public const int MaxOrderNameLength = 64;
    public const int MaxOrderIdLength = 128;
    public const int MaxStatusLength = 64;

    public static readonly IReadOnlyDictionary<string, string[]> RequiredCredentials = new Dictionary<string, string[]>
    {
        ["amazon"] = ["client_id", "client_secret", "refresh_token"],
        ["shopify"] = ["shop_domain", "access_token"],
        ["ebay"] = ["client_id", "client_secret", "refresh_token"],
    };

    /// <summary>A sales channel as orders are stored under it: 1 to 32 letters, digits, '_' or '-' (amazon, manual, walmart…).</summary>
    public static bool IsChannel(string channel) =>
        channel.Length is > 0 and <= 32 && channel.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static (string Channel, string OrderId) OrderKey(Violations violations, string channel, string orderId, string prefix = "")
    {
        var c = channel.Trim().ToLowerInvariant();
        if (!IsChannel(c))
        {
            violations.Add(prefix + "channel", "is required: 1 to 32 letters, digits, '_' or '-' (e.g. amazon, shopify, ebay, manual)");
        }
        return (c, OrderId(violations, prefix + "order_id", orderId));
    }

    /// <summary>
    /// An order id as stored: <see cref="PlainOrderId"/>, 1 to 128 characters. Where it may be left out (a list filter)
    /// empty means none, and a longer one is refused like GetOrder refuses it rather than answered with nothing.
    /// </summary>
    public static string OrderId(Violations violations, string field, string raw, bool required = true)
    {
        var id = PlainOrderId(raw);
        if (id.Length > MaxOrderIdLength || (required && id.Length == 0))
        {
            violations.Add(field, required ? $"is required: 1 to {MaxOrderIdLength} characters" : $"at most {MaxOrderIdLength} characters");
        }
        return id;
    }

    /// <summary>
    /// An order id as a request gives it, read as the id it stands for: trimmed, its characters typed for ASCII read as
    /// it (<see cref="AsciiForms"/>), so an id an agent pastes as the buyer wrote it ("٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١",
    /// "５８２０００１００１") is the id stored. Every call reads its order ids through this, so what one stores another finds;
    /// it is <see cref="OrderIdText.Plain"/>, which the marketplace importers read order names through too.
    /// </summary>
    public static string PlainOrderId(string raw) => OrderIdText.Plain(raw);

    /// <summary>The marketplace's order status, as UpsertOrder stores it and ListOrders filters on it: at most 64 characters, trimmed.</summary>
    public static string Status(Violations violations, string field, string raw)
    {
        if (raw.Length > MaxStatusLength)
        {
            violations.Add(field, $"at most {MaxStatusLength} characters");
        }
        return raw.Trim();
    }

    public static ImportedOrder Upsert(Violations violations, UpsertOrderRequest request, DateTimeOffset now)
    {
        if (request.Order is null)
        {
            violations.Add("order", "is required");
            return new ImportedOrder("", "", DomainFulfillment.Unspecified, "", "", "", null, null, null, null, []);
        }
        var o = request.Order;
        var (channel, orderId) = OrderKey(violations, o.Channel, o.OrderId, "order.");
        if (!Enum.IsDefined((DomainFulfillment)o.FulfillmentChannel))
        {
            violations.Add("order.fulfillment_channel", $"'{o.FulfillmentChannel}' is not a fulfillment channel");
        }
        if (o.BuyerLanguage.Length > 35 || (o.BuyerLanguage.Length > 0 && !o.BuyerLanguage.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            violations.Add("order.buyer_language", "must be a BCP 47 tag such as fr-FR");
        }
        var status = Status(violations, "order.status", o.Status);
        // Read as an order id is: names are looked up exactly as stored (GetOrder, ResolveInquiry), by an id or a buyer's
        // text that is folded, so a name pushed as "＃１００１" must be stored as the "#1001" it is found by.
        var orderName = PlainOrderId(o.OrderName);
        if (orderName.Length > MaxOrderNameLength || orderName.Any(char.IsControl))
        {
            violations.Add("order.order_name", $"at most {MaxOrderNameLength} characters, no control characters (e.g. #1001)");
        }
        var purchasedAt = RequestTimes.PastBusinessDate(violations, "order.purchased_at", o.PurchasedAt, now);
        var latestShipDate = RequestTimes.BusinessDate(violations, "order.latest_ship_date", o.LatestShipDate);
        var latestDeliveryDate = RequestTimes.BusinessDate(violations, "order.latest_delivery_date", o.LatestDeliveryDate);
        if (latestShipDate < purchasedAt)
        {
            violations.Add("order.latest_ship_date", "is before purchased_at");
        }
        if (latestDeliveryDate < latestShipDate)
        {
            violations.Add("order.latest_delivery_date", "is before latest_ship_date");
        }
        if (request.Shipments.Count > MaxShipmentsPerOrder)
        {
            violations.Add("shipments", $"at most {MaxShipmentsPerOrder} per order");
        }
        var packages = new List<ImportedPackage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Shipments.Count; i++)
        {
            var s = request.Shipments[i];
            var field = $"shipments[{i}]";
            var before = violations.Count;
            var (number, carrier) = TrackingRequests.Parcel(violations, field + ".tracking_number", field + ".carrier", s.TrackingNumber, s.Carrier);
            if (violations.Count > before || carrier is null)
            {
                continue;
            }
            if (!seen.Add(carrier + "/" + number))
            {
                violations.Add(field + ".tracking_number", "is listed twice");
                continue;
            }
            packages.Add(new ImportedPackage(carrier, s.Carrier, number, RequestTimes.PastBusinessDate(violations, field + ".shipped_at", s.ShippedAt, now)));
        }
        return new ImportedOrder(channel, orderId, (DomainFulfillment)o.FulfillmentChannel, status, o.MarketplaceId.Trim(),
            o.BuyerLanguage, purchasedAt, latestShipDate, latestDeliveryDate, null, packages, o.IsPrime, orderName);
    }

    public static HashSet<DomainRiskKind> RiskKinds(Violations violations, IEnumerable<V1.RiskKind> kinds)
    {
        var set = new HashSet<DomainRiskKind>();
        foreach (var kind in kinds)
        {
            if (kind == V1.RiskKind.Unspecified || !Enum.IsDefined((DomainRiskKind)kind))
            {
                violations.Add("risk_kinds", $"'{kind}' is not a valid risk filter");
            }
            set.Add((DomainRiskKind)kind);
        }
        return set;
    }

    public static int PageSize(Violations violations, int pageSize)
    {
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"must be between 0 and {MaxPageSize}");
        }
        return pageSize == 0 ? DefaultPageSize : pageSize;
    }

    /// <summary>A channel a marketplace account can be connected on (amazon, shopify, ebay), in any case.</summary>
    public static string MarketplaceChannel(Violations violations, string field, string raw)
    {
        var channel = raw.Trim().ToLowerInvariant();
        if (!RequiredCredentials.ContainsKey(channel))
        {
            violations.Add(field, "must be one of amazon, shopify, ebay");
        }
        return channel;
    }

    public static (string Channel, Dictionary<string, string> Credentials, List<string> MarketplaceIds) Connect(
        Violations violations, ConnectMarketplaceRequest request)
    {
        var before = violations.Count;
        var channel = MarketplaceChannel(violations, "channel", request.Channel);
        if (violations.Count > before)
        {
            return (channel, [], []);
        }
        var required = RequiredCredentials[channel];
        foreach (var key in required.Where(k => !request.Credentials.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)))
        {
            violations.Add($"credentials[{key}]", $"is required for {channel}");
        }
        foreach (var key in request.Credentials.Keys.Where(k => !required.Contains(k)))
        {
            violations.Add($"credentials[{key}]", $"is not a {channel} credential (expected {string.Join(", ", required)})");
        }
        var ids = request.MarketplaceIds.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (channel == "amazon" && ids.Count == 0)
        {
            violations.Add("marketplace_ids", "at least one Amazon marketplace id is required (e.g. ATVPDKIKX0DER)");
        }
        if (ids.Any(m => m.Length > 32 || !m.All(char.IsAsciiLetterOrDigit)))
        {
            violations.Add("marketplace_ids", "marketplace ids are up to 32 letters or digits");
        }
        return (channel, request.Credentials.ToDictionary(kv => kv.Key, kv => kv.Value.Trim()), ids);
    }
}
