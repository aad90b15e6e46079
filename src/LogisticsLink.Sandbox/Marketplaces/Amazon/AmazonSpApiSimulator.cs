using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LogisticsLink.Sandbox.Marketplaces.Amazon;

/// <summary>What the simulator answers on the Orders v2026-01-01 routes, to exercise the client's v0 fallback.</summary>
public enum AmazonOrdersV2026Refusal
{
    /// <summary>Served normally.</summary>
    None,
    /// <summary>404 NotFound, as for a route not deployed.</summary>
    NotFound,
    /// <summary>403 Unauthorized "Access to requested resource is denied." — the app lacks the role for it.</summary>
    Forbidden,
}

/// <summary>
/// Amazon's Selling Partner API on loopback, under <c>/amazon-sp</c>: Login with Amazon (<c>POST /auth/o2/token</c>),
/// Orders v2026-01-01 (<c>searchOrders</c>, <c>getOrder</c>), Orders v0 (<c>getOrders</c>, <c>getOrder</c>), Reports
/// 2021-06-30 (<c>createReport</c>, <c>getReport</c>, <c>getReportDocument</c>, plus the document download standing in
/// for Amazon's pre-signed storage URL) for the FBA shipments report, and Fulfillment Outbound 2020-07-01
/// (<c>listAllFulfillmentOrders</c>, <c>getFulfillmentOrder</c>, <c>getPackageTrackingDetails</c>) for the
/// Multi-Channel Fulfillment orders (non-Amazon-channel orders, keyed by their order id as
/// <c>sellerFulfillmentOrderId</c>), all from an <see cref="AmazonDemoCatalogue"/>. Calls need a live
/// <c>x-amz-access-token</c> (else 403 Unauthorized as Amazon answers); errors use SP-API's <c>errors[]</c> body; faults
/// queued on <see cref="Faults"/> are served first on every API call (not on the token endpoint or downloads).
/// </summary>
public sealed class AmazonSpApiSimulator(AmazonSpApiSimulatorOptions options, AmazonDemoCatalogue catalogue, TimeProvider time) : ICarrierSimulator
{
    public const string Prefix = "/amazon-sp";
    public const string TokenPath = "/auth/o2/token";

    private static readonly TimeSpan MinimumLag = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedReport> _reports = new(StringComparer.Ordinal);
    private int _nextReport = 50_000;

    public AmazonSpApiSimulator(AmazonSpApiSimulatorOptions options, TimeProvider time)
        : this(options, AmazonDemoCatalogue.Create(time), time)
    {
    }

    public string PathPrefix => Prefix;

    public AmazonDemoCatalogue Catalogue => catalogue;

    /// <summary>Faults for the next API calls; <see cref="FaultQueue.TokenCalls"/> counts LWA exchanges.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>How the Orders v2026 routes answer; switch it to make the client fall back to v0.</summary>
    public AmazonOrdersV2026Refusal OrdersV2026Refusal { get; set; }

    /// <summary>Refuse the Reports API with 403 (the app lacks the role), to show error bodies surfacing.</summary>
    public bool RefuseReports { get; set; }

    /// <summary>
    /// The <c>ORDER_CHANGE</c> notification Amazon would publish (to SQS, as the message body) for a catalogue order's
    /// status change, so a test or the sandbox can post it to the server's notification endpoint.
    /// </summary>
    public string OrderChangeNotification(string orderId)
    {
        var order = catalogue.Orders.FirstOrDefault(o => o.OrderId == orderId)
            ?? throw new ArgumentException($"no order {orderId} in the catalogue", nameof(orderId));
        return Notification("ORDER_CHANGE", "OrderChangeNotification", new JsonObject
        {
            ["NotificationLevel"] = "OrderLevel",
            ["SellerId"] = options.SellerId,
            ["AmazonOrderId"] = order.OrderId,
            ["OrderChangeType"] = "OrderStatusChange",
            ["OrderChangeTrigger"] = new JsonObject { ["TimeOfOrderChange"] = AmazonSpApiRenderer.Iso(order.LastUpdatedAt), ["ChangeReason"] = "Order status changed" },
            ["Summary"] = new JsonObject
            {
                ["MarketplaceId"] = order.MarketplaceId,
                ["OrderStatus"] = AmazonSpApiRenderer.V0(order)["OrderStatus"]!.DeepClone(),
                ["PurchaseDate"] = AmazonSpApiRenderer.Iso(order.PurchasedAt),
                ["FulfillmentType"] = order.FulfilledByAmazon ? "AFN" : "MFN",
                ["OrderType"] = "StandardOrder",
            },
        });
    }

    /// <summary>
    /// The <c>FULFILLMENT_ORDER_STATUS</c> notification Amazon would publish for a catalogue MCF order (shape of
    /// <c>FulfillmentOrderStatusNotification.json</c>), its packages listed, to post to the server's endpoint.
    /// </summary>
    public string FulfillmentOrderStatusNotification(string sellerFulfillmentOrderId)
    {
        var order = catalogue.Orders.FirstOrDefault(o => o.OrderId == sellerFulfillmentOrderId && o.NonAmazonChannel)
            ?? throw new ArgumentException($"no MCF order {sellerFulfillmentOrderId} in the catalogue", nameof(sellerFulfillmentOrderId));
        var packages = catalogue.McfPackages.Where(p => p.OrderId == order.OrderId).ToList();
        return Notification("FULFILLMENT_ORDER_STATUS", "FulfillmentOrderStatusNotification", new JsonObject
        {
            ["SellerId"] = options.SellerId,
            ["EventType"] = "Shipment",
            ["StatusUpdatedDateTime"] = AmazonSpApiRenderer.Iso(order.LastUpdatedAt),
            ["SellerFulfillmentOrderId"] = order.OrderId,
            ["FulfillmentOrderStatus"] = AmazonSpApiRenderer.McfStatus(order.Status).ToUpperInvariant(),
            ["FulfillmentShipment"] = new JsonObject
            {
                ["FulfillmentShipmentStatus"] = packages.Count == 0 ? "PENDING" : "SHIPPED",
                ["AmazonShipmentId"] = "D" + order.OrderId.Replace("-", "", StringComparison.Ordinal),
                ["EstimatedArrivalDateTime"] = packages.Count == 0 ? null : AmazonSpApiRenderer.Iso(packages[0].EstimatedArrival),
                ["FulfillmentShipmentPackages"] = new JsonArray([.. packages.Select(p => (JsonNode)new JsonObject
                {
                    ["PackageNumber"] = p.PackageNumber,
                    ["CarrierCode"] = p.Carrier,
                    ["TrackingNumber"] = p.TrackingNumber,
                })]),
            },
        });
    }

    /// <summary>The notification envelope Amazon wraps every payload in (the SQS message body).</summary>
    private string Notification(string type, string payloadName, JsonObject payload)
    {
        var now = time.GetUtcNow();
        return new JsonObject
        {
            ["NotificationVersion"] = "1.0",
            ["NotificationType"] = type,
            ["PayloadVersion"] = "1.0",
            ["EventTime"] = AmazonSpApiRenderer.Iso(now),
            ["Payload"] = new JsonObject { [payloadName] = payload },
            ["NotificationMetadata"] = new JsonObject
            {
                ["ApplicationId"] = "amzn1.sellerapps.app.logisticslink-sandbox",
                ["SubscriptionId"] = "sandbox-subscription",
                ["PublishTime"] = AmazonSpApiRenderer.Iso(now),
                ["NotificationId"] = Guid.NewGuid().ToString(),
            },
        }.ToJsonString();
    }

    /// <summary>Forgets every access token issued, as when a seller revokes the app: the next call gets 403 Unauthorized.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <summary>How many times an operation (e.g. "searchOrders", "getOrders") was called, faults included.</summary>
    public int CallsTo(string operation) => _calls.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>The <c>rate</c> Amazon names in <c>x-amzn-RateLimit-Limit</c>, per operation (the model's defaults).</summary>
    public static string RateOf(string operation) => operation switch
    {
        "searchOrders" => "0.0056",
        "getOrders" => "0.0167",
        "createReport" or "getReportDocument" => "0.0167",
        "getReport" or "getPackageTrackingDetails" or "listAllFulfillmentOrders" or "getFulfillmentOrder" => "2.0",
        _ => "0.5",
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(TokenPath, (Delegate)IssueTokenAsync);
        routes.MapGet("/orders/2026-01-01/orders", (Delegate)((HttpContext c) => Api(c, "searchOrders", () => SearchOrders(c))));
        routes.MapGet("/orders/2026-01-01/orders/{orderId}", (HttpContext c, string orderId) => Api(c, "getOrder", () => GetOrder(c, orderId)));
        routes.MapGet("/orders/v0/orders", (Delegate)((HttpContext c) => Api(c, "getOrders", () => GetOrdersV0(c))));
        routes.MapGet("/orders/v0/orders/{orderId}", (HttpContext c, string orderId) => Api(c, "getOrderV0", () => GetOrderV0(orderId)));
        routes.MapPost("/reports/2021-06-30/reports", (Delegate)((HttpContext c) => Api(c, "createReport", () => CreateReportAsync(c))));
        routes.MapGet("/reports/2021-06-30/reports/{reportId}", (HttpContext c, string reportId) => Api(c, "getReport", () => GetReport(reportId)));
        routes.MapGet("/reports/2021-06-30/documents/{documentId}", (HttpContext c, string documentId) => Api(c, "getReportDocument", () => GetReportDocument(c, documentId)));
        routes.MapGet("/report-documents/{documentId}", (Delegate)Download);
        routes.MapGet("/fba/outbound/2020-07-01/fulfillmentOrders", (Delegate)((HttpContext c) => Api(c, "listAllFulfillmentOrders", () => ListFulfillmentOrders(c))));
        routes.MapGet("/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}",
            (HttpContext c, string sellerFulfillmentOrderId) => Api(c, "getFulfillmentOrder", () => GetFulfillmentOrder(sellerFulfillmentOrderId)));
        routes.MapGet("/fba/outbound/2020-07-01/tracking", (Delegate)((HttpContext c) => Api(c, "getPackageTrackingDetails", () => PackageTracking(c))));
    }

    // ---- Login with Amazon ----

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        Faults.CountTokenCall();
        var fields = await ReadTokenRequestAsync(context.Request, context.RequestAborted);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        if (Field("grant_type") != "refresh_token")
        {
            return Lwa(StatusCodes.Status400BadRequest, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
        }
        if (Field("client_id") != options.ClientId || Field("client_secret") != options.ClientSecret)
        {
            return Lwa(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");
        }
        if (Field("refresh_token") != options.RefreshToken)
        {
            return Lwa(StatusCodes.Status400BadRequest, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
        }
        var token = "Atza|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = time.GetUtcNow() + options.TokenLifetime;
        return Json(StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = token,
            ["refresh_token"] = options.RefreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)options.TokenLifetime.TotalSeconds,
        });
    }

    /// <summary>The guide's form encoding, or JSON as Amazon's own C# auth client sends it.</summary>
    private static async Task<Dictionary<string, string>> ReadTokenRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body is JsonObject json
                ? json.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IResult Lwa(int status, string error, string description) =>
        Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });

    // ---- the API calls' common part ----

    private async Task<IResult> Api(HttpContext context, string operation, Func<Task<IResult>> serve)
    {
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                return Json(StatusCodes.Status401Unauthorized, AmazonSpApiRenderer.Errors("Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired."));
            case SimulatorFault.TooManyRequests:
                // As Amazon: a 429 declares only x-amzn-RequestId, no Retry-After and no x-amzn-RateLimit-Limit.
                return Json(StatusCodes.Status429TooManyRequests, AmazonSpApiRenderer.Errors("QuotaExceeded", "You exceeded your quota for the requested resource."));
            case SimulatorFault.ServerError:
                return Json(StatusCodes.Status503ServiceUnavailable, AmazonSpApiRenderer.Errors("ServiceUnavailable", "Service is temporarily unavailable."));
            case SimulatorFault.Hang:
                await HangAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"orders\":[{\"orderId\":", "application/json", Encoding.UTF8);
        }
        var token = context.Request.Headers["x-amz-access-token"].ToString();
        if (token.Length == 0)
        {
            return Json(StatusCodes.Status403Forbidden, AmazonSpApiRenderer.Errors("Unauthorized", "Access to requested resource is denied.", "Access token is missing in the request header."));
        }
        if (!_tokens.TryGetValue(token, out var expiresAt) || time.GetUtcNow() >= expiresAt)
        {
            return Json(StatusCodes.Status403Forbidden, AmazonSpApiRenderer.Errors("Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid."));
        }
        var refusal = OrdersV2026Refusal;
        if (operation is "searchOrders" or "getOrder" && refusal != AmazonOrdersV2026Refusal.None)
        {
            return refusal == AmazonOrdersV2026Refusal.NotFound
                ? Json(StatusCodes.Status404NotFound, AmazonSpApiRenderer.Errors("NotFound", "The requested resource was not found."))
                : Json(StatusCodes.Status403Forbidden, AmazonSpApiRenderer.Errors("Unauthorized", "Access to requested resource is denied."));
        }
        if (RefuseReports && operation is "createReport" or "getReport" or "getReportDocument")
        {
            return Json(StatusCodes.Status403Forbidden, AmazonSpApiRenderer.Errors("Unauthorized", "Access to requested resource is denied.",
                "The application lacks the role needed for this report type."));
        }
        var result = await serve();
        context.Response.Headers["x-amzn-RateLimit-Limit"] = RateOf(operation);
        return result;
    }

    // ---- Orders v2026-01-01 ----

    private Task<IResult> SearchOrders(HttpContext context)
    {
        var query = context.Request.Query;
        var included = Csv(query["includedData"]);
        var filter = Filter(query["lastUpdatedAfter"], query["lastUpdatedBefore"], query["createdAfter"], query["createdBefore"], query["marketplaceIds"], "lastUpdatedBefore");
        if (filter.Error is { } error)
        {
            return Task.FromResult(error);
        }
        if (!TryPage(query["maxResultsPerPage"], query["paginationToken"], filter, options.PaginationTokenLifetime, out var offset, out var size, out var pageError))
        {
            return Task.FromResult(pageError);
        }
        var matching = filter.Apply(catalogue.Orders);
        var page = matching.Skip(offset).Take(size).ToList();
        var body = new JsonObject
        {
            ["orders"] = new JsonArray(page.Select(o => (JsonNode)AmazonSpApiRenderer.V2026(o, included.Contains("FULFILLMENT"), included.Contains("PACKAGES"))).ToArray()),
        };
        if (offset + size < matching.Count)
        {
            body["pagination"] = new JsonObject { ["nextToken"] = PageToken(offset + size, filter, time.GetUtcNow()) };
        }
        body["lastUpdatedBefore"] = AmazonSpApiRenderer.Iso(filter.Before);
        return Task.FromResult(Json(StatusCodes.Status200OK, body));
    }

    private Task<IResult> GetOrder(HttpContext context, string orderId)
    {
        var included = Csv(context.Request.Query["includedData"]);
        var order = catalogue.Orders.FirstOrDefault(o => o.OrderId == orderId);
        return Task.FromResult(order is null
            ? OrderNotFound(orderId)
            : Json(StatusCodes.Status200OK, new JsonObject
            {
                ["order"] = AmazonSpApiRenderer.V2026(order, included.Contains("FULFILLMENT"), included.Contains("PACKAGES")),
            }));
    }

    // ---- Orders v0 ----

    private Task<IResult> GetOrdersV0(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["MarketplaceIds"].ToString().Length == 0)
        {
            return Task.FromResult(InvalidInput("MarketplaceIds is required."));
        }
        var filter = Filter(query["LastUpdatedAfter"], query["LastUpdatedBefore"], query["CreatedAfter"], query["CreatedBefore"], query["MarketplaceIds"], "LastUpdatedBefore");
        if (filter.Error is { } error)
        {
            return Task.FromResult(error);
        }
        if (!TryPage(query["MaxResultsPerPage"], query["NextToken"], filter, lifetime: null, out var offset, out var size, out var pageError))
        {
            return Task.FromResult(pageError);
        }
        var matching = filter.Apply(catalogue.Orders);
        var payload = new JsonObject
        {
            ["Orders"] = new JsonArray(matching.Skip(offset).Take(size).Select(o => (JsonNode)AmazonSpApiRenderer.V0(o)).ToArray()),
            ["LastUpdatedBefore"] = AmazonSpApiRenderer.Iso(filter.Before),
        };
        if (offset + size < matching.Count)
        {
            payload["NextToken"] = PageToken(offset + size, filter, time.GetUtcNow());
        }
        return Task.FromResult(Json(StatusCodes.Status200OK, new JsonObject { ["payload"] = payload }));
    }

    private Task<IResult> GetOrderV0(string orderId)
    {
        var order = catalogue.Orders.FirstOrDefault(o => o.OrderId == orderId);
        return Task.FromResult(order is null
            ? OrderNotFound(orderId)
            : Json(StatusCodes.Status200OK, new JsonObject { ["payload"] = AmazonSpApiRenderer.V0(order) }));
    }

    private static IResult OrderNotFound(string orderId) =>
        Json(StatusCodes.Status404NotFound, AmazonSpApiRenderer.Errors("NotFound", $"Order {orderId} was not found."));

    /// <summary>The time and marketplace filter of a search, validated as Amazon does.</summary>
    private sealed record OrderFilter(bool ByUpdate, DateTimeOffset After, DateTimeOffset Before, IReadOnlySet<string> Marketplaces, IResult? Error)
    {
        public List<AmazonDemoOrder> Apply(IEnumerable<AmazonDemoOrder> orders) => orders
            .Where(o => Marketplaces.Count == 0 || Marketplaces.Contains(o.MarketplaceId))
            .Where(o => ByUpdate ? o.LastUpdatedAt >= After && o.LastUpdatedAt <= Before : o.PurchasedAt >= After && o.PurchasedAt <= Before)
            .OrderBy(o => ByUpdate ? o.LastUpdatedAt : o.PurchasedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList();

        /// <summary>Binds a paging token to the search it belongs to.</summary>
        public string Fingerprint => string.Join("|", ByUpdate, After.UtcTicks, Before.UtcTicks, string.Join(",", Marketplaces.Order(StringComparer.Ordinal)));
    }

    private OrderFilter Filter(string? updatedAfter, string? updatedBefore, string? createdAfter, string? createdBefore, string? marketplaces, string beforeName)
    {
        var latest = time.GetUtcNow() - MinimumLag;
        var ids = Csv(marketplaces);
        var byUpdate = !string.IsNullOrEmpty(updatedAfter);
        if (byUpdate == !string.IsNullOrEmpty(createdAfter))
        {
            return new OrderFilter(false, default, default, ids, InvalidInput("Exactly one of createdAfter and lastUpdatedAfter must be provided."));
        }
        if (!TryInstant(byUpdate ? updatedAfter : createdAfter, out var after))
        {
            return new OrderFilter(false, default, default, ids, InvalidInput("The after date is not a valid ISO 8601 date."));
        }
        var beforeText = byUpdate ? updatedBefore : createdBefore;
        var before = latest;
        if (!string.IsNullOrEmpty(beforeText))
        {
            if (!TryInstant(beforeText, out before))
            {
                return new OrderFilter(false, default, default, ids, InvalidInput($"{beforeName} is not a valid ISO 8601 date."));
            }
            if (before > latest)
            {
                return new OrderFilter(false, default, default, ids, InvalidInput($"{beforeName} must be at least two minutes before the time of the request."));
            }
            if (before < after)
            {
                return new OrderFilter(false, default, default, ids, InvalidInput($"{beforeName} must be equal to or after the after date."));
            }
        }
        return new OrderFilter(byUpdate, after, before, ids, null);
    }

    /// <summary>
    /// The page size and the offset a paging token points at. A token is "offset#issued-at ticks#search fingerprint":
    /// it is refused when it belongs to another search, and, given a <paramref name="lifetime"/>, when it is older.
    /// </summary>
    private bool TryPage(string? sizeText, string? token, OrderFilter filter, TimeSpan? lifetime, out int offset, out int size, out IResult error)
    {
        offset = 0;
        size = 100;
        error = Results.Empty;
        if (!string.IsNullOrEmpty(sizeText) && (!int.TryParse(sizeText, CultureInfo.InvariantCulture, out size) || size is < 1 or > 100))
        {
            error = InvalidInput("maxResultsPerPage must be between 1 and 100.");
            return false;
        }
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('#', 3);
            if (parts.Length == 3 && parts[2] == filter.Fingerprint && int.TryParse(parts[0], CultureInfo.InvariantCulture, out offset) &&
                long.TryParse(parts[1], CultureInfo.InvariantCulture, out var issuedTicks))
            {
                if (lifetime is { } maxAge && time.GetUtcNow() - new DateTimeOffset(issuedTicks, TimeSpan.Zero) > maxAge)
                {
                    // Amazon's wording for this refusal is not documented; the status and code are its usual 400 InvalidInput.
                    error = InvalidInput("The pagination token has expired.");
                    return false;
                }
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64: not one of ours.
        }
        error = InvalidInput("Invalid pagination token.");
        return false;
    }

    private static string PageToken(int offset, OrderFilter filter, DateTimeOffset issuedAt) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            offset.ToString(CultureInfo.InvariantCulture) + "#" + issuedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "#" + filter.Fingerprint));

    // ---- Reports 2021-06-30 ----

    private sealed record SimulatedReport(string ReportId, DateTimeOffset Created, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Marketplaces, string Tsv)
    {
        public int Polls;
    }

    private async Task<IResult> CreateReportAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return InvalidInput("The request body is not JSON.");
        }
        var type = body?["reportType"]?.GetValue<string>() ?? "";
        if (type != "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL")
        {
            return InvalidInput($"Report type '{type}' is not served by the sandbox.");
        }
        var marketplaces = (body?["marketplaceIds"] as JsonArray)?.Select(m => m?.GetValue<string>() ?? "").Where(m => m.Length > 0).ToList() ?? [];
        if (marketplaces.Count == 0)
        {
            return InvalidInput("marketplaceIds is required.");
        }
        var now = time.GetUtcNow();
        var start = TryInstant(body?["dataStartTime"]?.GetValue<string>(), out var s) ? s : now.AddDays(-30);
        var end = TryInstant(body?["dataEndTime"]?.GetValue<string>(), out var e) ? e : now;
        if (end - start > TimeSpan.FromDays(31))
        {
            return InvalidInput("The date range of this report cannot exceed 31 days.");
        }
        var rows = catalogue.Orders
            .Where(o => marketplaces.Contains(o.MarketplaceId))
            .SelectMany(o => o.FbaShipments.Select(shipment => (Order: o, Shipment: shipment)))
            .Where(r => r.Shipment.ShippedAt >= start && r.Shipment.ShippedAt <= end)
            .OrderBy(r => r.Shipment.ShippedAt)
            .ToList();
        var id = Interlocked.Increment(ref _nextReport).ToString(CultureInfo.InvariantCulture);
        _reports[id] = new SimulatedReport(id, now, start, end, marketplaces, rows.Count == 0 ? "" : AmazonSpApiRenderer.ShipmentsReport(rows));
        return Json(StatusCodes.Status202Accepted, new JsonObject { ["reportId"] = id });
    }

    private Task<IResult> GetReport(string reportId)
    {
        if (!_reports.TryGetValue(reportId, out var report))
        {
            return Task.FromResult(Json(StatusCodes.Status404NotFound, AmazonSpApiRenderer.Errors("NotFound", $"Report {reportId} was not found.")));
        }
        var polls = Interlocked.Increment(ref report.Polls);
        var status = polls <= options.ReportPollsBeforeDone
            ? polls == 1 ? "IN_QUEUE" : "IN_PROGRESS"
            : report.Tsv.Length == 0 ? "CANCELLED" : "DONE";
        var body = new JsonObject
        {
            ["reportId"] = report.ReportId,
            ["reportType"] = "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL",
            ["dataStartTime"] = AmazonSpApiRenderer.Iso(report.Start),
            ["dataEndTime"] = AmazonSpApiRenderer.Iso(report.End),
            ["marketplaceIds"] = new JsonArray(report.Marketplaces.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["createdTime"] = AmazonSpApiRenderer.Iso(report.Created),
            ["processingStatus"] = status,
        };
        if (status is "DONE" or "CANCELLED")
        {
            body["processingStartTime"] = AmazonSpApiRenderer.Iso(report.Created);
            body["processingEndTime"] = AmazonSpApiRenderer.Iso(time.GetUtcNow());
        }
        if (status == "DONE")
        {
            body["reportDocumentId"] = "amzn1.spdoc.1.4.na." + report.ReportId;
        }
        return Task.FromResult(Json(StatusCodes.Status200OK, body));
    }

    /// <summary>Where this simulator is mounted (e.g. <c>/amazon-sp</c>, or <c>/sandbox/amazon-sp</c> on the server), read from the request.</summary>
    private static string MountOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var at = path.IndexOf("/reports/2021-06-30/documents/", StringComparison.Ordinal);
        return at >= 0 ? path[..at] : Prefix;
    }

    private Task<IResult> GetReportDocument(HttpContext context, string documentId)
    {
        var reportId = documentId[(documentId.LastIndexOf('.') + 1)..];
        if (!_reports.ContainsKey(reportId))
        {
            return Task.FromResult(Json(StatusCodes.Status404NotFound, AmazonSpApiRenderer.Errors("NotFound", $"Report document {documentId} was not found.")));
        }
        var request = context.Request;
        var body = new JsonObject
        {
            ["reportDocumentId"] = documentId,
            // Stands in for Amazon's pre-signed storage URL: no access token needed, valid for a few minutes.
            ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}{MountOf(request)}/report-documents/{Uri.EscapeDataString(documentId)}?X-Amz-Expires=300",
        };
        if (options.CompressReports)
        {
            body["compressionAlgorithm"] = "GZIP";
        }
        return Task.FromResult(Json(StatusCodes.Status200OK, body));
    }

    private IResult Download(string documentId)
    {
        var reportId = documentId[(documentId.LastIndexOf('.') + 1)..];
        if (!_reports.TryGetValue(reportId, out var report))
        {
            return Results.Content("<Error><Code>NoSuchKey</Code></Error>", "application/xml", Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        var bytes = Encoding.UTF8.GetBytes(report.Tsv);
        if (options.CompressReports)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(bytes);
            }
            bytes = buffer.ToArray();
        }
        return Results.Bytes(bytes, "text/plain; charset=UTF-8");
    }

    // ---- Fulfillment Outbound 2020-07-01 ----

    /// <summary>The catalogue's MCF orders: orders from other sales channels, and any order an MCF package belongs to.</summary>
    private List<AmazonDemoOrder> McfOrders()
    {
        var packaged = catalogue.McfPackages.Select(p => p.OrderId).ToHashSet(StringComparer.Ordinal);
        return catalogue.Orders.Where(o => o.NonAmazonChannel || packaged.Contains(o.OrderId)).ToList();
    }

    private Task<IResult> ListFulfillmentOrders(HttpContext context)
    {
        var query = context.Request.Query;
        var startText = query["queryStartDate"].ToString();
        var start = DateTimeOffset.MinValue;
        if (startText.Length > 0 && !TryInstant(startText, out start))
        {
            return Task.FromResult(InvalidInput("queryStartDate is not a valid ISO 8601 date."));
        }
        var fingerprint = "mcf|" + start.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var offset = 0;
        var token = query["nextToken"].ToString();
        if (token.Length > 0 && !TryMcfToken(token, fingerprint, out offset))
        {
            return Task.FromResult(InvalidInput("Invalid nextToken."));
        }
        var matching = McfOrders().Where(o => o.LastUpdatedAt >= start)
            .OrderBy(o => o.LastUpdatedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();
        var size = Math.Max(1, options.McfPageSize);
        var payload = new JsonObject
        {
            ["fulfillmentOrders"] = new JsonArray(matching.Skip(offset).Take(size).Select(o => (JsonNode)AmazonSpApiRenderer.FulfillmentOrder(o)).ToArray()),
        };
        if (offset + size < matching.Count)
        {
            payload["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + size).ToString(CultureInfo.InvariantCulture) + "#" + fingerprint));
        }
        return Task.FromResult(Json(StatusCodes.Status200OK, new JsonObject { ["payload"] = payload }));
    }

    private static bool TryMcfToken(string token, string fingerprint, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('#', 2);
            return parts.Length == 2 && parts[1] == fingerprint && int.TryParse(parts[0], CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private Task<IResult> GetFulfillmentOrder(string sellerFulfillmentOrderId)
    {
        var order = McfOrders().FirstOrDefault(o => o.OrderId == sellerFulfillmentOrderId);
        if (order is null)
        {
            return Task.FromResult(Json(StatusCodes.Status400BadRequest,
                AmazonSpApiRenderer.Errors("InvalidInput", $"Requested order '{sellerFulfillmentOrderId}' not found")));
        }
        var packages = catalogue.McfPackages.Where(p => p.OrderId == order.OrderId).ToList();
        return Task.FromResult(Json(StatusCodes.Status200OK, AmazonSpApiRenderer.FulfillmentOrderDetails(order, packages)));
    }

    private Task<IResult> PackageTracking(HttpContext context)
    {
        if (!int.TryParse(context.Request.Query["packageNumber"].ToString(), CultureInfo.InvariantCulture, out var number))
        {
            return Task.FromResult(InvalidInput("packageNumber is required and must be an integer."));
        }
        var package = catalogue.McfPackages.FirstOrDefault(p => p.PackageNumber == number);
        return Task.FromResult(package is null
            ? Json(StatusCodes.Status404NotFound, AmazonSpApiRenderer.Errors("NotFound", $"Package {number} was not found."))
            : Json(StatusCodes.Status200OK, AmazonSpApiRenderer.McfTracking(package)));
    }

    // ---- helpers ----

    private static HashSet<string> Csv(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static bool TryInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private static IResult InvalidInput(string message) =>
        Json(StatusCodes.Status400BadRequest, AmazonSpApiRenderer.Errors("InvalidInput", message));

    private static async Task HangAsync(HttpContext context)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller left; there is nobody to answer.
        }
    }

    private static IResult Json(int status, JsonObject body) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);
}
