using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Shopify orders through the Admin GraphQL API: <c>POST /admin/api/{version}/graphql.json</c> on the shop's
/// myshopify.com host (or <c>Marketplaces:Shopify:BaseUrl</c>), authenticated with the account's
/// <c>X-Shopify-Access-Token</c>. Orders changed since the cursor are read oldest change first
/// (<c>updated_at:&gt;=</c>, <c>sortKey: UPDATED_AT</c>) and paged with <c>pageInfo.endCursor</c>; before paging past
/// Shopify's pagination limit the search starts again from the latest change read (see <see cref="ShopifyCursor"/>).
/// </summary>
/// <remarks>
/// Rate limits are Shopify's calculated query cost: each answer's <c>extensions.cost.throttleStatus</c> is kept per
/// shop and the next query waits until the bucket should hold what the last one requested; a <c>THROTTLED</c> answer
/// waits the same way and is asked again. HTTP 429 and 5xx go through the shop's own resilience pipeline (Retry-After
/// honoured): Shopify limits each app and store pair on its own, so one shop's 429s open the circuit breaker for that
/// shop only, never for the other shops served by this node. GraphQL <c>errors</c> become the failure reason. Whatever
/// goes wrong comes back as a failed <see cref="OrderSyncPage"/>; only the caller's cancellation is thrown.
/// </remarks>
public sealed class ShopifyMarketplaceClient : IMarketplaceClient
{
    public const string ChannelName = "shopify";

    /// <summary>The Admin API version in the URL; Shopify supports each stable version for a year.</summary>
    public const string ApiVersion = "2026-01";

    public const string AccessTokenHeader = "X-Shopify-Access-Token";

    /// <summary>Queries answered THROTTLED are asked again up to this many times in all.</summary>
    internal const int MaxThrottledAttempts = 4;

    /// <summary>Wait after a THROTTLED answer that carried no cost figures to compute a wait from.</summary>
    private static readonly TimeSpan ThrottledFallbackWait = TimeSpan.FromSeconds(1);

    private readonly MarketplaceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopifyMarketplaceClient> _logger;
    private readonly HttpClient _http;
    private readonly AccountPipelines _pipelines;
    private readonly ConcurrentDictionary<string, ShopifyCostBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ShopifyReportedUnreadable _reportedUnreadable = new();

    public ShopifyMarketplaceClient(HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<ShopifyMarketplaceClient> logger)
        : this(http, options, time, logger, DefaultResilience())
    {
    }

    /// <param name="resilience">
    /// Timeout, retries and circuit breaker for HTTP-level failures (429, 5xx, network); each shop gets its own pipeline
    /// built from them.
    /// </param>
    internal ShopifyMarketplaceClient(
        HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<ShopifyMarketplaceClient> logger, CarrierOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _http = http;
        _pipelines = new AccountPipelines(resilience, time);
    }

    /// <summary>Why a connection's shop_domain could never be synced, checked when it is stored; null when it can.</summary>
    public static string? ShopDomainProblem(string shopDomain, MarketplaceOptions options) =>
        ShopifyShop.DomainProblem(ShopifyShop.Normalize(shopDomain), options.Shopify);

    public string Channel => ChannelName;

    /// <summary>Orders per page (Shopify allows up to 250; 50 keeps a page's requested cost near 1 000 points or less).</summary>
    internal int PageSize { get; init; } = 50;

    /// <summary>How deep Shopify pages one search: "Shopify limits pagination of arrays of objects to 25,000 objects".</summary>
    internal int PaginationLimit { get; init; } = 25_000;

    internal static CarrierOptions DefaultResilience() => new() { AttemptTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3 };

    public async Task<OrderSyncPage> FetchChangedOrdersAsync(
        MarketplaceAccount account, string cursor, DateTimeOffset startFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!ShopifyShop.TryResolve(account, _options.Shopify, out var shop, out var problem))
        {
            return Failed(account, OrderSyncPage.Failure(problem, transient: false));
        }
        var position = ShopifyCursor.Start(startFrom);
        if (cursor.Length > 0 && !ShopifyCursor.TryParse(cursor, out position))
        {
            // Re-reading from the start is safe (imports are idempotent); refusing would stall the account for good.
            ShopifyLog.CursorUnreadable(_logger, account.ToString(), startFrom);
            position = ShopifyCursor.Start(startFrom);
        }
        var variables = new JsonObject
        {
            ["first"] = PageSize,
            ["after"] = position.After.Length > 0 ? position.After : null,
            ["query"] = ShopifyQueries.UpdatedSince(position.Since),
        };
        var page = await RunAsync(shop, ShopifyQueries.Body(ShopifyQueries.ChangedOrders, variables), data =>
        {
            var connection = data.Child("orders") ?? throw new JsonException("answer without data.orders");
            var nodes = connection.Items("nodes");
            // An order we cannot read is set aside and reported: the page's others are imported and the cursor moves on.
            var (orders, unreadable) = ShopifyOrderParser.ParseEach(nodes, shop.Domain);
            var pageInfo = connection.Child("pageInfo") ?? throw new JsonException("answer without orders.pageInfo");
            var hasNextPage = pageInfo.Text("hasNextPage") == "true";
            var (next, hasMore) = position.Next(
                orders.Max(o => o.LastUpdatedAt), nodes.Count, hasNextPage, pageInfo.Text("endCursor"), PageSize, PaginationLimit);
            ShopifyLog.PageFetched(_logger, shop.Domain, orders.Count, hasNextPage);
            if (hasMore && next.After.Length == 0)
            {
                ShopifyLog.SearchRestarted(_logger, shop.Domain, next.Since);
            }
            // The overlap reads the latest changes again every round: an unchanged order set aside is reported once.
            var firstReported = unreadable.Where(u => _reportedUnreadable.FirstTime(shop.Domain, u.Order.OrderId, u.UpdatedAt)).Select(u => u.Order).ToList();
            return new OrderSyncPage(orders, next.ToString(), hasMore) { Unreadable = firstReported };
        }, cancellationToken);
        return Failed(account, page);
    }

    public async Task<OrderSyncPage> FetchOrderAsync(MarketplaceAccount account, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!ShopifyShop.TryResolve(account, _options.Shopify, out var shop, out var problem))
        {
            return Failed(account, OrderSyncPage.Failure(problem, transient: false));
        }
        var id = orderId.Trim().TrimStart('#');
        if (id.Length == 0 || !(id.All(char.IsAsciiDigit) || id.StartsWith("gid://shopify/Order/", StringComparison.Ordinal)))
        {
            return Failed(account, OrderSyncPage.Failure($"shopify: '{orderId}' is not a Shopify order id (numeric or gid://shopify/Order/…)", transient: false));
        }
        var variables = new JsonObject { ["id"] = ShopifyQueries.OrderGid(id) };
        var page = await RunAsync(shop, ShopifyQueries.Body(ShopifyQueries.OneOrder, variables), data =>
            data.Child("order") is { } order
                ? OneOrder(order, shop.Domain)
                : OrderSyncPage.Failure($"shopify: order {id} not found in {shop.Domain}", transient: false),
            cancellationToken);
        return Failed(account, page);
    }

    /// <summary>
    /// The order asked for; one we cannot read is set aside, not failed: asking again gets the same shape, so a failure
    /// would only have the notification that asked for it sent again and again.
    /// </summary>
    private static OrderSyncPage OneOrder(JsonElement order, string shopDomain)
    {
        var (orders, unreadable) = ShopifyOrderParser.ParseEach([order], shopDomain);
        return new OrderSyncPage(orders, "", false) { Unreadable = unreadable.Select(u => u.Order).ToList() };
    }

    /// <summary>Sends one query (waiting for the cost bucket, re-asking when throttled) and reads its <c>data</c>.</summary>
    private async Task<OrderSyncPage> RunAsync(ShopifyShop shop, string body, Func<JsonElement, OrderSyncPage> read, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(shop.Domain, _ => new ShopifyCostBucket(_time));
        // Keyed like the cost bucket: Shopify's limits are per store, whichever token the account holds. No OAuth (the
        // access token is a per-account header), so no token cache.
        var http = new CarrierHttp(_http, _pipelines.For(shop.Domain));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var wait = bucket.WaitBefore();
                if (wait > TimeSpan.Zero)
                {
                    ShopifyLog.WaitingForBucket(_logger, shop.Domain, wait);
                    await Task.Delay(wait, _time, cancellationToken);
                }
                using var response = await http.SendAsync(() => Request(shop, body), cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return HttpFailure(response, text);
                }
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (ShopifyEnvelope.Cost(root) is { } cost)
                {
                    bucket.Observe(cost);
                }
                var errors = ShopifyEnvelope.Errors(root);
                if (errors.Count == 0)
                {
                    return read(root.Child("data") ?? throw new JsonException("answer without data"));
                }
                if (!errors.Any(e => e.IsThrottled))
                {
                    return OrderSyncPage.Failure(
                        "shopify: GraphQL error: " + string.Join("; ", errors), transient: errors.All(e => e.IsInternal));
                }
                if (attempt >= MaxThrottledAttempts)
                {
                    return OrderSyncPage.Failure($"shopify: still throttled after {attempt} attempts");
                }
                ShopifyLog.Throttled(_logger, shop.Domain, attempt);
                if (bucket.WaitBefore() == TimeSpan.Zero)
                {
                    await Task.Delay(ThrottledFallbackWait, _time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return FromException(e);
        }
    }

    private static HttpRequestMessage Request(ShopifyShop shop, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, shop.GraphQlUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AccessTokenHeader, shop.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>401/403: the token is wrong, revoked or lacks a scope — permanent until the seller reconnects.</summary>
    private static OrderSyncPage HttpFailure(HttpResponseMessage response, string body)
    {
        var detail = ShopifyEnvelope.Describe(body);
        var what = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "access token refused",
            HttpStatusCode.Forbidden => "access denied (missing read_orders / read_fulfillments scope?)",
            HttpStatusCode.PaymentRequired => "shop frozen (unpaid)",
            HttpStatusCode.NotFound => "shop not found",
            HttpStatusCode.Locked => "shop locked",
            _ => "",
        };
        var reason = $"shopify: HTTP {(int)response.StatusCode}" +
            (what.Length > 0 ? $" {what}" : "") + (detail.Length > 0 ? $" ({detail})" : "");
        return OrderSyncPage.Failure(reason, transient: CarrierResilience.IsTransient(Outcome.FromResult(response)));
    }

    private static OrderSyncPage FromException(Exception exception) => exception switch
    {
        _ when CarrierResilience.IsRefusal(exception) => OrderSyncPage.Failure($"shopify: not called ({exception.Message})"),
        Polly.Timeout.TimeoutRejectedException => OrderSyncPage.Failure("shopify: timed out"),
        HttpRequestException e => OrderSyncPage.Failure($"shopify: {e.Message}"),
        JsonException e => OrderSyncPage.Failure($"shopify: malformed response body ({e.Message})"),
        _ => OrderSyncPage.Failure($"shopify: {exception.GetType().Name}: {exception.Message}"),
    };

    private OrderSyncPage Failed(MarketplaceAccount account, OrderSyncPage page)
    {
        if (!page.IsSuccess)
        {
            ShopifyLog.SyncFailed(_logger, account.ToString(), page.FailureReason!, page.Transient);
        }
        return page;
    }
}
