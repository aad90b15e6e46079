using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox.Marketplaces.Shopify;

/// <summary>
/// A Shopify shop's Admin GraphQL API on loopback: <c>POST /admin/api/{version}/graphql.json</c> with
/// <c>X-Shopify-Access-Token</c>, answering the <c>orders</c> (with <c>updated_at:&gt;=</c> search, <c>sortKey:
/// UPDATED_AT</c> and cursor paging) and <c>order(id:)</c> queries from <see cref="ShopifyDemoCatalogue"/>, each order
/// with its fulfillments and its fulfillment order's promise (<c>fulfillBy</c>, <c>deliveryMethod.maxDeliveryDateTime</c>). It keeps a
/// leaky cost bucket on its clock like Shopify's: each answer carries <c>extensions.cost</c>, and a query that asks
/// for more points than are left is answered THROTTLED, and a search is paged no deeper than
/// <see cref="ShopifySimulatorOptions.PaginationLimit"/> orders. Faults queued on <see cref="Faults"/> are served first.
/// </summary>
public sealed partial class ShopifySimulator : ICarrierSimulator
{
    private readonly ShopifySimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<ShopifyDemoOrder> _orders;
    private readonly ConcurrentQueue<DateTimeOffset> _servedAt = new();
    private readonly ConcurrentQueue<(string Message, string Code)> _graphQlErrors = new();
    private double _available;
    private DateTimeOffset _refilledAt;
    private int _throttled;

    public ShopifySimulator(ShopifySimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _orders = [.. ShopifyDemoCatalogue.Build(time.GetUtcNow())];
        _available = options.MaximumAvailable;
        _refilledAt = time.GetUtcNow();
    }

    public string PathPrefix => "/shopify";

    /// <summary>HTTP-level faults (401, 429 with Retry-After, 503, hang, malformed) for the next GraphQL calls.</summary>
    public FaultQueue Faults { get; } = new();

    /// <summary>When (on the simulator's clock) each query was answered with data, in order.</summary>
    public IReadOnlyCollection<DateTimeOffset> ServedAt => _servedAt;

    /// <summary>Queries answered THROTTLED.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    public IReadOnlyList<ShopifyDemoOrder> Orders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders];
            }
        }
    }

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/admin/api/{version}/graphql.json", (Delegate)QueryAsync);

    /// <summary>The next query gets a GraphQL error (HTTP 200, <c>errors</c>, no data), e.g. ACCESS_DENIED.</summary>
    public void FailNextQuery(string message, string code) => _graphQlErrors.Enqueue((message, code));

    /// <summary>Empties the cost bucket now, as another app of the same shop could.</summary>
    public void DrainBucket()
    {
        lock (_gate)
        {
            _available = 0;
            _refilledAt = _time.GetUtcNow();
        }
    }

    /// <summary>
    /// An order reaches the search only now, keeping the <c>updatedAt</c> it was given: as an order changed at the same
    /// time as others shows up in Shopify's search after a later-changed one was already listed.
    /// </summary>
    public void AddLateOrder(ShopifyDemoOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            _orders.Add(order);
        }
    }

    /// <summary>The merchant ships (more of) an order: a new fulfillment, and the order's <c>updatedAt</c> moves to now.</summary>
    public void AddFulfillment(long orderId, string company, string number)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.Id == orderId);
            if (index < 0)
            {
                throw new ArgumentException($"no demo order {orderId}", nameof(orderId));
            }
            var now = _time.GetUtcNow();
            var order = _orders[index];
            var fulfillment = new ShopifyDemoFulfillment(
                4400000000L + 9000 + order.Fulfillments.Count * 100 + index, "SUCCESS", "CONFIRMED", now, null, company, number);
            _orders[index] = order with { UpdatedAt = now, DisplayFulfillmentStatus = "FULFILLED", Fulfillments = [.. order.Fulfillments, fulfillment] };
        }
    }

    /// <summary>The merchant voids the label of a fulfillment: it turns CANCELLED, and the order's <c>updatedAt</c> moves to now.</summary>
    public void CancelFulfillment(long orderId, string number)
    {
        lock (_gate)
        {
            var index = _orders.FindIndex(o => o.Id == orderId);
            if (index < 0 || !_orders[index].Fulfillments.Any(f => f.Number == number))
            {
                throw new ArgumentException($"no demo order {orderId} with a fulfillment of {number}", nameof(orderId));
            }
            var order = _orders[index];
            var fulfillments = order.Fulfillments.Select(f => f.Number == number ? f with { Status = "CANCELLED", DisplayStatus = "CANCELED" } : f);
            _orders[index] = order with { UpdatedAt = _time.GetUtcNow(), Fulfillments = [.. fulfillments] };
        }
    }

    private async Task<IResult> QueryAsync(HttpContext context)
    {
        switch (Faults.NextTrackingFault())
        {
            case SimulatorFault.Unauthorized:
                return Unauthorized();
            case SimulatorFault.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Json(StatusCodes.Status429TooManyRequests, new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." });
            case SimulatorFault.ServerError:
                return Json(StatusCodes.Status503ServiceUnavailable, new JsonObject { ["errors"] = "Service Unavailable" });
            case SimulatorFault.Hang:
                await LoopbackHang.UntilAbortedAsync(context);
                return Results.Empty;
            case SimulatorFault.MalformedBody:
                return Results.Content("{\"data\":{\"orders\":{\"nodes\":[{\"id\":", "application/json", Encoding.UTF8);
        }
        if (context.Request.Headers["X-Shopify-Access-Token"].ToString() != _options.AccessToken)
        {
            return Unauthorized();
        }

        JsonElement request;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            request = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Json(StatusCodes.Status400BadRequest, new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
        }
        var query = request.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
        var variables = request.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        var isList = query.Contains("orders(", StringComparison.Ordinal);
        if (!isList && !query.Contains("order(", StringComparison.Ordinal))
        {
            return GraphQlError($"Field is not supported by the LogisticsLink Shopify simulator", "undefinedField");
        }
        if (_graphQlErrors.TryDequeue(out var error))
        {
            return GraphQlError(error.Message, error.Code);
        }

        var first = isList ? Math.Clamp(IntVariable(variables, "first") ?? 50, 1, 250) : 1;
        var requested = 2 + first * _options.CostPerOrder;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _available = Math.Min(_options.MaximumAvailable, _available + (now - _refilledAt).TotalSeconds * _options.RestoreRate);
            _refilledAt = now;
            if (_available < requested)
            {
                Interlocked.Increment(ref _throttled);
                return Json(StatusCodes.Status200OK, new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["message"] = "Throttled",
                        ["extensions"] = new JsonObject { ["code"] = "THROTTLED", ["documentation"] = "https://shopify.dev/api/usage/limits" },
                    }),
                    ["extensions"] = Cost(requested, null),
                });
            }
            var (data, nodes) = isList ? OrdersPage(variables, first) : OneOrder(StringVariable(variables, "id"));
            var actual = 2 + nodes * _options.CostPerOrder;
            _available -= actual;
            _servedAt.Enqueue(now);
            return Json(StatusCodes.Status200OK, new JsonObject { ["data"] = data, ["extensions"] = Cost(requested, actual) });
        }
    }

    /// <summary>Orders matching the search, oldest change first, after the cursor. Called under the lock.</summary>
    private (JsonObject Data, int Nodes) OrdersPage(JsonElement variables, int first)
    {
        var search = StringVariable(variables, "query");
        var since = UpdatedSince().Match(search) is { Success: true } m &&
            DateTimeOffset.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
                ? s
                : DateTimeOffset.MinValue;
        // Shopify pages no deeper than its pagination limit; whether its Admin API then errs or just stops is not
        // documented, and stopping is the harsher case for an importer: nothing tells it orders were left out.
        var matching = _orders.Where(o => o.UpdatedAt >= since).OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)
            .Take(_options.PaginationLimit).ToList();
        var after = StringVariable(variables, "after");
        if (after.Length > 0 && DecodeCursor(after) is var (lastId, lastValue))
        {
            matching = [.. matching.Where(o => o.UpdatedAt > lastValue || (o.UpdatedAt == lastValue && o.Id > lastId))];
        }
        var page = matching.Take(first).ToList();
        var nodes = new JsonArray([.. page.Select(Render)]);
        return (new JsonObject
        {
            ["orders"] = new JsonObject
            {
                ["pageInfo"] = new JsonObject
                {
                    ["hasNextPage"] = matching.Count > page.Count,
                    ["endCursor"] = page.Count == 0 ? null : EncodeCursor(page[^1]),
                },
                ["nodes"] = nodes,
            },
        }, page.Count);
    }

    private (JsonObject Data, int Nodes) OneOrder(string gid)
    {
        var id = long.TryParse(gid[(gid.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var order = _orders.Find(o => o.Id == id);
        return (new JsonObject { ["order"] = order is null ? null : Render(order) }, order is null ? 0 : 1);
    }

    private static JsonObject Render(ShopifyDemoOrder order) => new()
    {
        ["id"] = "gid://shopify/Order/" + order.Id.ToString(CultureInfo.InvariantCulture),
        ["legacyResourceId"] = order.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = order.Name,
        ["createdAt"] = Iso(order.CreatedAt),
        ["updatedAt"] = Iso(order.UpdatedAt),
        ["cancelledAt"] = order.CancelledAt is { } c ? Iso(c) : null,
        ["displayFulfillmentStatus"] = order.DisplayFulfillmentStatus,
        ["customerLocale"] = order.CustomerLocale,
        ["fulfillments"] = new JsonArray([.. order.Fulfillments.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = "gid://shopify/Fulfillment/" + f.Id.ToString(CultureInfo.InvariantCulture),
            ["legacyResourceId"] = f.Id.ToString(CultureInfo.InvariantCulture),
            ["status"] = f.Status,
            ["displayStatus"] = f.DisplayStatus,
            ["createdAt"] = Iso(f.CreatedAt),
            ["inTransitAt"] = f.DisplayStatus == "IN_TRANSIT" ? Iso(f.CreatedAt) : null,
            ["deliveredAt"] = null,
            ["estimatedDeliveryAt"] = f.EstimatedDeliveryAt is { } eta ? Iso(eta) : null,
            ["trackingInfo"] = new JsonArray(new JsonObject
            {
                ["number"] = f.Number,
                ["company"] = f.Company,
                ["url"] = "https://sandbox.logisticslink.invalid/track/" + f.Number,
            }),
        })]),
        // One fulfillment order per demo order, shaped as the FulfillmentOrderConnection the Admin API answers.
        ["fulfillmentOrders"] = new JsonObject
        {
            ["nodes"] = new JsonArray(new JsonObject
            {
                ["status"] = order.CancelledAt is not null ? "CANCELLED" : order.Fulfillments.Any(f => f.Status == "SUCCESS") ? "CLOSED" : "OPEN",
                ["fulfillBy"] = order.FulfillBy is { } shipBy ? Iso(shipBy) : null,
                ["deliveryMethod"] = new JsonObject
                {
                    ["methodType"] = "SHIPPING",
                    ["maxDeliveryDateTime"] = order.DeliverBy is { } deliverBy ? Iso(deliverBy) : null,
                },
            }),
        },
    };

    private JsonObject Cost(double requested, double? actual) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = _options.MaximumAvailable,
                ["currentlyAvailable"] = Math.Floor(_available),
                ["restoreRate"] = _options.RestoreRate,
            },
        },
    };

    /// <summary>Shaped like Shopify's cursors: base64 of <c>{"last_id":…,"last_value":…}</c>.</summary>
    private static string EncodeCursor(ShopifyDemoOrder order) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        new JsonObject { ["last_id"] = order.Id, ["last_value"] = Iso(order.UpdatedAt) }.ToJsonString()));

    private static (long LastId, DateTimeOffset LastValue)? DecodeCursor(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(cursor));
            var root = document.RootElement;
            return (root.GetProperty("last_id").GetInt64(),
                DateTimeOffset.Parse(root.GetProperty("last_value").GetString()!, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static int? IntVariable(JsonElement variables, string name) =>
        variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : null;

    private static string StringVariable(JsonElement variables, string name) =>
        variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    private static IResult Unauthorized() => Json(StatusCodes.Status401Unauthorized,
        new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" });

    private static IResult GraphQlError(string message, string code) => Json(StatusCodes.Status200OK, new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } }),
    });

    private static IResult Json(int status, JsonObject body) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    [GeneratedRegex(@"updated_at:>=\s*['""]?([^'""\s]+)['""]?")]
    private static partial Regex UpdatedSince();
}
