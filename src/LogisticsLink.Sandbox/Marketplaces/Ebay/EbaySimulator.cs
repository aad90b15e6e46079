using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.Marketplaces.Ebay;

/// <summary>
/// eBay's OAuth token endpoint (<c>POST /identity/v1/oauth2/token</c>, refresh-token grant) and Sell Fulfillment API
/// v1 (<c>getOrders</c> with the <c>lastmodifieddate</c> filter and limit/offset paging, <c>getOrder</c>,
/// <c>getShippingFulfillments</c>) on loopback, serving <see cref="EbayDemoCatalogue"/> in eBay's JSON. Faults queued
/// on <see cref="Faults"/> are served on API calls (not token calls) first; errors use eBay's <c>errors[]</c> shape.
/// </summary>
public sealed partial class EbaySimulator : ICarrierSimulator
{
    private const string OrdersPath = "/sell/fulfillment/v1/order";

    private readonly EbaySimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<EbayDemoOrder> _orders;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public EbaySimulator(EbaySimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _orders = [.. EbayDemoCatalogue.Build(time.GetUtcNow())];
    }

    public string PathPrefix => "/ebay";

    /// <summary>Faults for the next Fulfillment API calls, and the count of token and API calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>Path and query of every API call answered normally, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public IReadOnlyList<EbayDemoOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/identity/v1/oauth2/token", (Delegate)IssueTokenAsync);
        routes.MapGet(OrdersPath, (Delegate)GetOrdersAsync);
        routes.MapGet(OrdersPath + "/{orderId}", (Delegate)GetOrderAsync);
        routes.MapGet(OrdersPath + "/{orderId}/shipping_fulfillment", (Delegate)GetShippingFulfillmentsAsync);
    }

    /// <summary>Forgets every access token issued, as eBay does when a seller revokes and re-grants access.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>The seller ships the rest of an order as one parcel; its <c>lastModifiedDate</c> moves to now.</summary>
    public void ShipRemaining(string orderId, string trackingNumber, string carrierCode)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.OrderId == orderId);
            if (index < 0)
            {
                throw new ArgumentException($"no demo order {orderId}", nameof(orderId));
            }
            var order = _orders[index];
            var shipped = order.Shipments.SelectMany(s => s.LineItemIds).ToHashSet(StringComparer.Ordinal);
            var now = _time.GetUtcNow();
            var shipment = new EbayDemoShipment("9405509699937" + trackingNumber[^9..], trackingNumber, carrierCode, now,
                [.. order.LineItems.Select(l => l.LineItemId).Where(l => !shipped.Contains(l))]);
            _orders[index] = order with { LastModifiedDate = now, Shipments = [.. order.Shipments, shipment] };
        }
    }

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        if (!HasClientCredentials(context.Request))
        {
            return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
        }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form?["grant_type"].ToString() != "refresh_token")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
        }
        if (form["refresh_token"].ToString() != _options.RefreshToken)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_grant", "the provided authorization refresh token is invalid or was issued to another client");
        }
        var token = "v^1.1#i^1#r^0#p^3#I^3#t^" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = _time.GetUtcNow() + _options.TokenLifetime;
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
            ["token_type"] = "User Access Token",
        });
    }

    private async Task<IResult> GetOrdersAsync(HttpContext context)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        var since = DateTimeOffset.MinValue;
        var filter = query["filter"].ToString();
        if (filter.Length > 0)
        {
            var match = LastModifiedFilter().Match(filter);
            if (!match.Success || !DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since))
            {
                // The simulator's own id: eBay documents the error, not a stable id for it.
                return EbayError(StatusCodes.Status400BadRequest, 30800, "API_FULFILLMENT", "Invalid filter value: " + filter,
                    "The 'filter' value is invalid. Use lastmodifieddate:[YYYY-MM-DDThh:mm:ss.sssZ..].");
            }
        }
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 1000) : 50;
        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        List<EbayDemoOrder> matching;
        lock (_gate)
        {
            // Newest first, as eBay sorts getOrders answers (by creation date).
            matching = [.. _orders.Where(x => x.LastModifiedDate >= since).OrderByDescending(x => x.CreationDate).ThenBy(x => x.OrderId, StringComparer.Ordinal)];
        }
        var page = matching.Skip(offset).Take(limit).ToList();
        var self = $"{Root(context)}{OrdersPath}?filter={Uri.EscapeDataString(filter)}&limit={limit}";
        var body = new JsonObject
        {
            ["href"] = $"{self}&offset={offset}",
            ["total"] = matching.Count,
            ["limit"] = limit,
            ["offset"] = offset,
            ["orders"] = new JsonArray([.. page.Select(x => (JsonNode)Render(x, Root(context)))]),
        };
        if (offset + page.Count < matching.Count)
        {
            body["next"] = $"{self}&offset={offset + limit}";
        }
        if (offset > 0)
        {
            body["prev"] = $"{self}&offset={Math.Max(0, offset - limit)}";
        }
        return Json(StatusCodes.Status200OK, body);
    }

    private async Task<IResult> GetOrderAsync(HttpContext context, string orderId)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }
        return Find(orderId) is { } order ? Json(StatusCodes.Status200OK, Render(order, Root(context))) : NotFound(orderId);
    }

    private async Task<IResult> GetShippingFulfillmentsAsync(HttpContext context, string orderId)
    {
        if (await RefuseAsync(context) is { } refused)
        {
            return refused;
        }
        if (Find(orderId) is not { } order)
        {
            return NotFound(orderId);
        }
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["fulfillments"] = new JsonArray([.. order.Shipments.Select(s => (JsonNode)new JsonObject
            {
                ["fulfillmentId"] = s.FulfillmentId,
                ["lineItems"] = new JsonArray([.. s.LineItemIds.Select(id => (JsonNode)new JsonObject { ["lineItemId"] = id, ["quantity"] = 1 })]),
                ["shipmentTrackingNumber"] = s.TrackingNumber,
                ["shippedDate"] = Iso(s.ShippedDate),
                ["shippingCarrierCode"] = s.CarrierCode,
            })]),
            ["total"] = order.Shipments.Count,
            ["warnings"] = new JsonArray(),
        });
    }

    /// <summary>A queued fault or a missing/expired bearer token; null when the call should be answered.</summary>
    private async Task<IResult?> RefuseAsync(HttpContext context)
    {
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                return InvalidToken();
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return EbayError(StatusCodes.Status429TooManyRequests, 2001, "ACCESS",
                    "Too many requests. The request limit has been reached for the resource.", "");
            case SimulatorFault.ServerError:
                return EbayError(StatusCodes.Status503ServiceUnavailable, 2003, "ACCESS",
                    "Internal error", "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.");
            case SimulatorFault.Hang:
                await LoopbackHang.UntilAbortedAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"total\":1,\"orders\":[{\"orderId\":", "application/json", Encoding.UTF8);
        }
        var bearer = AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var auth) && auth.Scheme == "Bearer" ? auth.Parameter : null;
        if (bearer is null || !_tokens.TryGetValue(bearer, out var expiresAt) || _time.GetUtcNow() >= expiresAt)
        {
            return InvalidToken();
        }
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        return null;
    }

    private EbayDemoOrder? Find(string orderId)
    {
        lock (_gate)
        {
            return _orders.Find(o => o.OrderId == orderId);
        }
    }

    private JsonObject Render(EbayDemoOrder order, string root)
    {
        var shipped = order.Shipments.SelectMany(s => s.LineItemIds).ToHashSet(StringComparer.Ordinal);
        var first = order.LineItems[0];
        return new JsonObject
        {
            ["orderId"] = order.OrderId,
            ["legacyOrderId"] = order.LegacyOrderId,
            ["creationDate"] = Iso(order.CreationDate),
            ["lastModifiedDate"] = Iso(order.LastModifiedDate),
            ["orderFulfillmentStatus"] = order.FulfillmentStatus,
            ["orderPaymentStatus"] = "PAID",
            ["sellerId"] = "logisticslink_demo",
            ["buyer"] = new JsonObject { ["username"] = "buyer_" + order.OrderId[^5..] },
            ["cancelStatus"] = new JsonObject
            {
                ["cancelState"] = order.Cancelled ? "CANCELED" : "NONE_REQUESTED",
                ["cancelRequests"] = new JsonArray(),
            },
            ["fulfillmentHrefs"] = new JsonArray([.. order.Shipments.Select(s =>
                (JsonNode)JsonValue.Create($"{root}{OrdersPath}/{order.OrderId}/shipping_fulfillment/{s.FulfillmentId}"))]),
            ["fulfillmentStartInstructions"] = new JsonArray(new JsonObject
            {
                ["fulfillmentInstructionsType"] = "SHIP_TO",
                ["minEstimatedDeliveryDate"] = Iso(first.MinEstimatedDelivery),
                ["maxEstimatedDeliveryDate"] = Iso(order.LineItems.Max(l => l.MaxEstimatedDelivery)),
                ["ebaySupportedFulfillment"] = false,
                ["shippingStep"] = new JsonObject
                {
                    ["shippingCarrierCode"] = "USPS",
                    ["shippingServiceCode"] = "USPSPriority",
                    ["shipTo"] = new JsonObject
                    {
                        ["fullName"] = "Demo Buyer",
                        ["contactAddress"] = new JsonObject { ["city"] = "Lille", ["postalCode"] = "59000", ["countryCode"] = "FR" },
                    },
                },
            }),
            ["lineItems"] = new JsonArray([.. order.LineItems.Select(l => (JsonNode)new JsonObject
            {
                ["lineItemId"] = l.LineItemId,
                ["legacyItemId"] = "1101" + l.LineItemId.Replace("-", "", StringComparison.Ordinal),
                ["sku"] = l.Sku,
                ["title"] = l.Title,
                ["quantity"] = 1,
                ["lineItemFulfillmentStatus"] = shipped.Contains(l.LineItemId) ? "FULFILLED" : "NOT_STARTED",
                ["listingMarketplaceId"] = order.MarketplaceId,
                ["purchaseMarketplaceId"] = order.MarketplaceId,
                ["lineItemFulfillmentInstructions"] = new JsonObject
                {
                    ["shipByDate"] = Iso(l.ShipByDate),
                    ["minEstimatedDeliveryDate"] = Iso(l.MinEstimatedDelivery),
                    ["maxEstimatedDeliveryDate"] = Iso(l.MaxEstimatedDelivery),
                    ["guaranteedDelivery"] = false,
                },
            })]),
        };
    }

    private bool HasClientCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth) || auth.Scheme != "Basic" || auth.Parameter is null)
        {
            return false;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter)) == $"{_options.ClientId}:{_options.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string Root(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{PathPrefix}";

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IResult InvalidToken() => EbayError(StatusCodes.Status401Unauthorized, 1001, "OAuth",
        "Invalid access token", "Invalid access token. Check the value of the Authorization HTTP request header.");

    private static IResult NotFound(string orderId) => EbayError(StatusCodes.Status404NotFound, 32100, "API_FULFILLMENT",
        "Invalid order ID: " + orderId, "");

    private static IResult EbayError(int status, int errorId, string domain, string message, string longMessage)
    {
        var error = new JsonObject
        {
            ["errorId"] = errorId,
            ["domain"] = domain,
            ["category"] = status >= 500 ? "APPLICATION" : "REQUEST",
            ["message"] = message,
        };
        if (longMessage.Length > 0)
        {
            error["longMessage"] = longMessage;
        }
        return Json(status, new JsonObject { ["errors"] = new JsonArray(error) });
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static IResult Json(int status, JsonObject body) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    [GeneratedRegex(@"^lastmodifieddate:\[([^\]\.]+(?:\.\d+)?Z?)\.\.[^\]]*\]$")]
    private static partial Regex LastModifiedFilter();
}
