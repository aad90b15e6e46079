using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// eBay orders through the Sell Fulfillment API v1 on <c>Marketplaces:Ebay:BaseUrl</c>: <c>getOrders</c>
/// (<c>GET /sell/fulfillment/v1/order?filter=lastmodifieddate:[from..]&amp;limit&amp;offset</c>) and, for orders that
/// have shipped something, <c>getShippingFulfillments</c> (<c>GET …/order/{orderId}/shipping_fulfillment</c>) for the
/// tracking numbers and carrier codes.
/// </summary>
/// <remarks>
/// Auth: each account's refresh token is exchanged at <c>Marketplaces:Ebay:TokenEndpoint</c> for a user access token,
/// cached per account until shortly before its <c>expires_in</c>, one refresh at a time; a 401 re-authenticates once.
/// 429 and 5xx are retried through the resilience pipeline honouring Retry-After (one pipeline for all accounts, since
/// eBay's call limits belong to the application); eBay's <c>errors[]</c> bodies become the failure reason. Every
/// Fulfillment API call counts against the account's daily limit (<see cref="EbayDailyQuota"/>,
/// <c>Marketplaces:Ebay:DailyCallLimit</c>); once it is used up, or after a 429 that retries did not get past, the
/// account is not called until the reset and its sync fails with a reason that says when calls resume. Whatever goes
/// wrong comes back as a failed <see cref="OrderSyncPage"/>; only the caller's cancellation is thrown.
/// </remarks>
public sealed class EbayMarketplaceClient : IMarketplaceClient
{
    public const string ChannelName = "ebay";
    public const string OrdersPath = "/sell/fulfillment/v1/order";

    /// <summary><c>getOrders</c> only searches orders changed in the last 90 days; we stay a little inside that.</summary>
    public static readonly TimeSpan SearchWindow = TimeSpan.FromDays(90) - TimeSpan.FromHours(1);

    private readonly HttpClient _rawHttp;
    private readonly MarketplaceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EbayMarketplaceClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly string _baseUrl;
    private readonly EbayDailyQuota _quota;
    private readonly ConcurrentDictionary<string, CarrierHttp> _sessions = new(StringComparer.Ordinal);

    public EbayMarketplaceClient(HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<EbayMarketplaceClient> logger)
        : this(http, options, time, logger, DefaultResilience())
    {
    }

    /// <param name="resilience">Timeout, retries and circuit breaker for HTTP-level failures (429, 5xx, network).</param>
    internal EbayMarketplaceClient(
        HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<EbayMarketplaceClient> logger, CarrierOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _rawHttp = http;
        _options = options;
        _time = time;
        _logger = logger;
        // One pipeline for every account, unlike Amazon and Shopify: eBay's API call limits belong to the application
        // (the keyset's daily quota), not to the seller. A 429 the retries cannot get past means the app is out of calls
        // for every account, so the circuit opening for all of them at once is right, and so is one rate limiter; 5xx
        // come from the one eBay host they all use.
        _pipeline = CarrierResilience.Build(resilience, time);
        // The base URL may carry a path prefix (a sandbox's "/ebay"); the documented paths are appended to it.
        _baseUrl = options.Ebay.BaseUrl.AbsoluteUri.TrimEnd('/');
        _quota = new EbayDailyQuota(options.Ebay.DailyCallLimit, time);
    }

    public string Channel => ChannelName;

    /// <summary>Orders per <c>getOrders</c> page (eBay's default is 50, its maximum 1000).</summary>
    internal int PageSize { get; init; } = 100;

    /// <summary>Calls the account has made to the Fulfillment API this eBay (Pacific) day.</summary>
    internal int CallsToday(MarketplaceAccount account) =>
        EbayCredentials.TryRead(account, out var credentials, out _) ? _quota.CallsToday(credentials.Key) : 0;

    internal static CarrierOptions DefaultResilience() => new() { AttemptTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3 };

    public async Task<OrderSyncPage> FetchChangedOrdersAsync(
        MarketplaceAccount account, string cursor, DateTimeOffset startFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!EbayCredentials.TryRead(account, out var credentials, out var problem))
        {
            return Failed(account, OrderSyncPage.Failure(problem, transient: false));
        }
        var now = _time.GetUtcNow();
        EbayCursor position;
        if (cursor.Length > 0 && EbayCursor.TryParse(cursor, out var parsed))
        {
            position = parsed;
        }
        else
        {
            if (cursor.Length > 0)
            {
                // Re-reading from the start is safe (imports are idempotent); refusing would stall the account for good.
                EbayLog.CursorUnreadable(_logger, account.ToString(), startFrom);
            }
            position = new EbayCursor(startFrom, default, 0);
        }
        if (position.Offset == 0)
        {
            // A new pass: stamp its start, and keep its filter inside the window eBay searches.
            position = position with { PassStart = now };
            if (position.Since < now - SearchWindow)
            {
                EbayLog.StartClamped(_logger, account.ToString(), position.Since, now - SearchWindow);
                position = position with { Since = now - SearchWindow };
            }
        }

        var session = Session(credentials);
        var calls = new AccountCalls(credentials.Key, account.ToString());
        var url = $"{_baseUrl}{OrdersPath}?filter={Uri.EscapeDataString(position.Filter())}" +
            $"&limit={PageSize.ToString(CultureInfo.InvariantCulture)}&offset={position.Offset.ToString(CultureInfo.InvariantCulture)}";
        var page = await RunAsync(async ct =>
        {
            using var response = await session.SendAsync(() => Get(calls, url), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return HttpFailure(calls, response, body, "getOrders");
            }
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var listed = root.Items("orders");
            var orders = new List<ImportedOrder>();
            var unreadable = new List<UnreadableOrder>();
            foreach (var order in listed)
            {
                ImportedOrder? imported;
                OrderSyncPage? failure;
                try
                {
                    (imported, failure) = await WithPackagesAsync(session, calls, order, ct);
                }
                catch (JsonException e)
                {
                    // One order we cannot read is set aside and reported: the page's others are imported, the offset moves on.
                    unreadable.Add(Unreadable(order, e));
                    continue;
                }
                if (failure is not null)
                {
                    return failure;
                }
                orders.Add(imported!);
            }
            var total = int.TryParse(root.Text("total"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
            var hasMore = listed.Count > 0 && (root.Text("next").Length > 0 || position.Offset + listed.Count < total);
            EbayLog.PageFetched(_logger, account.ToString(), orders.Count, position.Offset, total);
            return new OrderSyncPage(orders, position.Next(listed.Count, hasMore).ToString(), hasMore) { Unreadable = unreadable };
        }, cancellationToken);
        return Failed(account, page);
    }

    public async Task<OrderSyncPage> FetchOrderAsync(MarketplaceAccount account, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!EbayCredentials.TryRead(account, out var credentials, out var problem))
        {
            return Failed(account, OrderSyncPage.Failure(problem, transient: false));
        }
        if (string.IsNullOrWhiteSpace(orderId))
        {
            return Failed(account, OrderSyncPage.Failure("ebay: an order id is required", transient: false));
        }
        var session = Session(credentials);
        var calls = new AccountCalls(credentials.Key, account.ToString());
        var url = $"{_baseUrl}{OrdersPath}/{Uri.EscapeDataString(orderId.Trim())}";
        var page = await RunAsync(async ct =>
        {
            using var response = await session.SendAsync(() => Get(calls, url), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return HttpFailure(calls, response, body, "getOrder");
            }
            using var document = JsonDocument.Parse(body);
            try
            {
                var (imported, failure) = await WithPackagesAsync(session, calls, document.RootElement, ct);
                return failure ?? new OrderSyncPage([imported!], "", false);
            }
            catch (JsonException e)
            {
                // Asking again gets the same shape: the order is set aside, not failed (that would have its notification
                // sent again and again).
                return new OrderSyncPage([], "", false) { Unreadable = [Unreadable(document.RootElement, e)] };
            }
        }, cancellationToken);
        return Failed(account, page);
    }

    /// <summary>An order that could not be read, named by its id when that is readable.</summary>
    private static UnreadableOrder Unreadable(JsonElement order, JsonException e) =>
        new(order.Child("orderId") is { ValueKind: JsonValueKind.String } id ? id.GetString()!.Trim() : "", e.Message);

    /// <summary>The order with its parcels, read with one <c>getShippingFulfillments</c> call when it has shipped anything.</summary>
    private async Task<(ImportedOrder? Order, OrderSyncPage? Failure)> WithPackagesAsync(
        CarrierHttp session, AccountCalls calls, JsonElement order, CancellationToken cancellationToken)
    {
        var orderId = EbayOrderParser.OrderId(order);
        if (!EbayOrderParser.MayHaveFulfillments(order))
        {
            return (EbayOrderParser.Parse(order, []), null);
        }
        var url = $"{_baseUrl}{OrdersPath}/{Uri.EscapeDataString(orderId)}/shipping_fulfillment";
        using var response = await session.SendAsync(() => Get(calls, url), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, HttpFailure(calls, response, body, $"getShippingFulfillments of {orderId}"));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            // A body that is no JSON at all fails the call, as any malformed answer does (maybe cut short): it is asked
            // again, not taken for an order we cannot read.
            return (null, OrderSyncPage.Failure($"ebay: getShippingFulfillments of {orderId}: malformed response body ({e.Message})"));
        }
        using (document)
        {
            return (EbayOrderParser.Parse(order, EbayOrderParser.Packages(document.RootElement)), null);
        }
    }

    /// <summary>The account's HTTP session: its own token cache (one refresh at a time), the client's shared pipeline.</summary>
    private CarrierHttp Session(EbayCredentials credentials) =>
        _sessions.GetOrAdd(credentials.Key, _ => new CarrierHttp(_rawHttp, _pipeline, new OAuthTokenCache(async ct =>
        {
            var token = await EbayOAuth.FetchAsync(_rawHttp, _pipeline, _options.Ebay.TokenEndpoint, credentials, _time, ct);
            EbayLog.TokenFetched(_logger, credentials.ClientId, token.ExpiresAt - _time.GetUtcNow());
            return token;
        }, _time)));

    private async Task<OrderSyncPage> RunAsync(Func<CancellationToken, Task<OrderSyncPage>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (EbayAuthException e)
        {
            return OrderSyncPage.Failure(e.Message, e.Transient);
        }
        catch (EbayQuotaExhaustedException e)
        {
            return OrderSyncPage.Failure(e.Message, e.Transient);
        }
        catch (Exception e) when (CarrierResilience.IsRefusal(e))
        {
            return OrderSyncPage.Failure($"ebay: not called ({e.Message})");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return OrderSyncPage.Failure("ebay: timed out");
        }
        catch (HttpRequestException e)
        {
            return OrderSyncPage.Failure($"ebay: {e.Message}");
        }
        catch (JsonException e)
        {
            return OrderSyncPage.Failure($"ebay: malformed response body ({e.Message})");
        }
    }

    /// <summary>
    /// One Fulfillment API request, built per attempt (so every attempt is counted); refused with
    /// <see cref="EbayQuotaExhaustedException"/> when the account may not call now.
    /// </summary>
    private HttpRequestMessage Get(AccountCalls calls, string url)
    {
        if (!_quota.TryTake(calls.Key, out var until, out var firstRefusal, out var limitReached))
        {
            if (firstRefusal)
            {
                EbayLog.QuotaExhausted(_logger, calls.Account, limitReached ? $"the daily call limit of {_quota.DailyLimit} is used up" : "eBay answered 429", until);
            }
            throw new EbayQuotaExhaustedException(
                (limitReached
                    ? $"ebay: the daily call limit of {_quota.DailyLimit} calls (Marketplaces:Ebay:DailyCallLimit) is used up for this account"
                    : "ebay: eBay refused further calls of this account (HTTP 429)") +
                $"; calls resume at {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}",
                transient: false);
        }
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private OrderSyncPage HttpFailure(AccountCalls calls, HttpResponseMessage response, string body, string operation)
    {
        var detail = EbayErrors.Describe(body);
        var resume = "";
        var transient = CarrierResilience.IsTransient(Outcome.FromResult(response));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The retries did not get past it: eBay's limit is reached whatever we counted. Wait as long as eBay says,
            // or without a Retry-After until the daily reset (Pacific midnight); until then the account is not called at all.
            var now = _time.GetUtcNow();
            var wait = RetryAfter.Of(response, now, TimeSpan.FromDays(1));
            var until = wait is { } w ? now + w : _quota.NextReset(now);
            _quota.Block(calls.Key, until);
            EbayLog.QuotaExhausted(_logger, calls.Account, "eBay answered 429", until);
            resume = $"; calls resume at {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
            transient = wait is not null;
        }
        var what = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " access token refused",
            HttpStatusCode.Forbidden => " access denied (the token lacks the sell.fulfillment scope?)",
            HttpStatusCode.NotFound => " not found",
            HttpStatusCode.TooManyRequests => " call limit reached",
            _ => "",
        };
        return OrderSyncPage.Failure(
            $"ebay: {operation}: HTTP {(int)response.StatusCode}{what}" + (detail.Length > 0 ? $" ({detail})" : "") + resume,
            transient);
    }

    /// <summary>Whose quota a request takes from: the credentials' key, and the account as the logs name it.</summary>
    private sealed record AccountCalls(string Key, string Account);

    private OrderSyncPage Failed(MarketplaceAccount account, OrderSyncPage page)
    {
        if (!page.IsSuccess)
        {
            EbayLog.SyncFailed(_logger, account.ToString(), page.FailureReason!, page.Transient);
        }
        return page;
    }
}
