using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Domain.Orders;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// Amazon Selling Partner API importer. Orders come from Orders API v2026-01-01 (<c>searchOrders</c> by
/// <c>lastUpdatedAfter</c>, <c>getOrder</c>, both with <c>includedData=FULFILLMENT,PACKAGES</c> so FBM parcels arrive
/// with carrier and tracking number). FBA parcels come from the FBA shipments report
/// (<see cref="FetchFbaShipmentsAsync"/>), MCF packages from <c>getPackageTrackingDetails</c>
/// (<see cref="FetchMcfPackageTrackingAsync"/>), Multi-Channel Fulfillment orders from the Fulfillment Outbound API
/// (<see cref="FetchMcfOrdersAsync"/>). Whatever goes wrong comes back as a failure value; only the caller's
/// own cancellation is thrown.
/// </summary>
/// <remarks>
/// <para><b>Orders v0 fallback.</b> v0 (<c>getOrders</c>/<c>getOrder</c>, deprecated, removed after 2027-03-27) is
/// used for an endpoint when v2026 refuses the route there — HTTP 404, or 403 that is not about the access token (the
/// app lacks the role or the version is not live in that region) — and v0 answers. The endpoint then stays on v0 for
/// an hour before v2026 is tried again. v0 orders carry no parcels: v0 never returned FBM tracking numbers.</para>
/// <para><b>Endpoints.</b> Each marketplace id selects its region's host (NA/EU/FE);
/// <c>Marketplaces:Amazon:Endpoint</c> replaces all of them (the sandbox, tests).</para>
/// <para><b>Credentials</b> (<see cref="MarketplaceAccount.Credentials"/>): <c>client_id</c>, <c>client_secret</c>,
/// <c>refresh_token</c>; exchanged at <c>Marketplaces:Amazon:LwaEndpoint</c> for an access token cached per account.</para>
/// <para><b>Throttling.</b> SP-API limits each (seller, application) pair on its own, so each account has its own usage
/// plan buckets (<see cref="AmazonQuota"/>) and its own resilience pipeline: a 429 is not retried (it ends the call and
/// empties that operation's bucket, so the next call waits for the refill), and a seller whose calls keep earning 429
/// opens the circuit breaker for itself only. The LWA token calls and report downloads share one pipeline across
/// accounts.</para>
/// <para><b>Regions.</b> Each region (NA/EU/FE) is a separate service at Amazon, so each has its own quota buckets and
/// circuit breaker, and a region that fails does not hold back the others: its order window waits for the next round
/// (<see cref="AmazonSyncCursor"/>), and the FBA report and MCF orders of the other regions come back with its failure.</para>
/// </remarks>
public sealed class AmazonMarketplaceClient : IMarketplaceClient
{
    public const string ChannelName = "amazon";
    public const string OrdersV2026 = "2026-01-01";
    public const string OrdersV0 = "v0";
    private const string IncludedData = "FULFILLMENT,PACKAGES";

    /// <summary>
    /// How far before now a sync window ends. Amazon refuses a <c>lastUpdatedBefore</c> later than two minutes before
    /// the request by its own clock (§1.5); ending exactly two minutes before ours would fail on every round whenever
    /// our clock is even a second ahead of Amazon's. The extra minute absorbs that skew and the request's transit.
    /// </summary>
    public static readonly TimeSpan WindowEndLag = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Orders v2026 paging tokens expire 24 h after they are issued (Orders API migration guide). One this old is not
    /// sent: the window is read again from its start instead. The hour's margin covers the time between Amazon issuing
    /// the token and our stamping it, and clocks that disagree.
    /// </summary>
    public static readonly TimeSpan PageTokenMaxAge = TimeSpan.FromHours(23);

    /// <summary>The FBA shipments report covers at most 31 days per request; we ask for 30.</summary>
    public static readonly TimeSpan MaxReportRange = TimeSpan.FromDays(30);

    /// <summary>A listAllFulfillmentOrders read stops (and fails, to be asked again) after this many pages.</summary>
    internal const int MaxMcfPages = 200;

    private static readonly string[] RegionOrder = [AmazonMarketplaces.NorthAmerica, AmazonMarketplaces.Europe, AmazonMarketplaces.FarEast];

    private readonly AmazonSpApi _api;
    private readonly MarketplaceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AmazonMarketplaceClient> _logger;
    private readonly AmazonClientSettings _settings;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _v0Until = new(StringComparer.Ordinal);

    public AmazonMarketplaceClient(HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<AmazonMarketplaceClient> logger)
        : this(http, options, time, logger, new AmazonClientSettings { ReportFirstPoll = options?.Amazon.ReportFirstPoll ?? TimeSpan.FromSeconds(15) })
    {
    }

    internal AmazonMarketplaceClient(
        HttpClient http, MarketplaceOptions options, TimeProvider time, ILogger<AmazonMarketplaceClient> logger, AmazonClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Amazon.LwaEndpoint is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("Marketplaces:Amazon:LwaEndpoint must be an absolute URL.", nameof(options));
        }
        if (options.Amazon.Endpoint is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("Marketplaces:Amazon:Endpoint must be an absolute URL when set.", nameof(options));
        }
        _options = options;
        _time = time;
        _logger = logger;
        _settings = settings;
        // Login with Amazon is one service for every seller of the app, outside the sellers' SP-API usage plans: its
        // token calls go through a pipeline of their own that all accounts share, so an LWA outage is learnt once for
        // all, and a seller whose SP-API calls are throttled (its own circuit open) does not stop the others' tokens.
        var shared = CarrierResilience.Build(settings.Resilience, time);
        // An SP-API 429 means the operation's token bucket is empty and names no Retry-After (§2.1-2.2): it ends the
        // call, AmazonSpApi empties our mirror of that bucket, and the next call waits for the documented refill.
        _api = new AmazonSpApi(http, new AccountPipelines(settings.Resilience, time, retryTooManyRequests: false), shared,
            new AmazonLwa(http, shared, options.Amazon.LwaEndpoint, time), new AmazonQuota(time, settings.MaxQuotaWait), time, logger);
    }

    public string Channel => ChannelName;

    /// <summary>
    /// Orders changed since the cursor, one page of one region per call (see <see cref="AmazonSyncCursor"/> for the
    /// cursor). An unreadable cursor starts again from <paramref name="startFrom"/>: re-importing is harmless, a
    /// cursor stuck failing is not.
    /// </summary>
    public Task<OrderSyncPage> FetchChangedOrdersAsync(
        MarketplaceAccount account, string cursor, DateTimeOffset startFrom, CancellationToken cancellationToken) =>
        GuardAsync("searchOrders", account, () => ChangedOrdersAsync(account, cursor, startFrom, cancellationToken),
            OrderSyncPage.Failure, cancellationToken);

    public Task<OrderSyncPage> FetchOrderAsync(MarketplaceAccount account, string orderId, CancellationToken cancellationToken) =>
        GuardAsync("getOrder", account, async () =>
        {
            if (string.IsNullOrWhiteSpace(orderId))
            {
                throw new AmazonCallException("an order id is required", transient: false);
            }
            var regions = RegionsOf(account).DistinctBy(r => r.BaseUrl).ToList();
            foreach (var region in regions)
            {
                if (await GetOrderAsync(account, region, orderId.Trim(), cancellationToken) is { } found)
                {
                    // An order we cannot read is set aside, not failed: asking again gets the same shape, so a failure
                    // would only have the notification that asked for it sent again and again.
                    return new OrderSyncPage(found.Orders, "", false) { Unreadable = found.Unreadable };
                }
            }
            throw new AmazonCallException(
                $"getOrder: order {orderId.Trim()} not found ({string.Join(", ", regions.Select(r => r.Name))})", transient: false);
        }, OrderSyncPage.Failure, cancellationToken);

    /// <summary>
    /// FBA parcels shipped since <paramref name="from"/> (at most the last 30 days), per Amazon order id, from the
    /// <c>GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL</c> report: createReport, poll getReport until DONE (CANCELLED
    /// means no data), getReportDocument, download, gunzip when <c>compressionAlgorithm</c> is GZIP, parse. Takes
    /// minutes in production (Amazon builds such reports at most every 30 minutes): call it from a background job.
    /// </summary>
    public Task<AmazonFbaShipments> FetchFbaShipmentsAsync(MarketplaceAccount account, DateTimeOffset from, CancellationToken cancellationToken) =>
        FetchFbaShipmentsAsync(account, _ => from, cancellationToken);

    /// <summary>
    /// The FBA shipments report of each region of the account, each from its own start (<paramref name="fromOfRegion"/>
    /// gets "NA", "EU" or "FE"). A region whose report fails does not hold back the others: their parcels come back
    /// with the failure, and <see cref="AmazonFbaShipments.ReadRegions"/> says which regions were read.
    /// </summary>
    public Task<AmazonFbaShipments> FetchFbaShipmentsAsync(
        MarketplaceAccount account, Func<string, DateTimeOffset> fromOfRegion, CancellationToken cancellationToken) =>
        GuardAsync("FBA shipments report", account, async () =>
        {
            ArgumentNullException.ThrowIfNull(fromOfRegion);
            var all = new Dictionary<string, IReadOnlyList<ImportedPackage>>(StringComparer.Ordinal);
            var read = new List<string>();
            var failures = new List<RegionFailure>();
            foreach (var region in RegionsOf(account))
            {
                var failure = await InRegionAsync("FBA shipments report", account, region, async () =>
                {
                    foreach (var (orderId, packages) in await ShipmentsReportAsync(account, region, fromOfRegion(region.Name), cancellationToken))
                    {
                        all[orderId] = packages;
                    }
                }, cancellationToken);
                if (failure is null)
                {
                    read.Add(region.Name);
                }
                else
                {
                    failures.Add(failure);
                }
            }
            var (reason, transient) = RegionFailure.Combine(failures);
            return new AmazonFbaShipments(all, reason, transient) { ReadRegions = read };
        }, AmazonFbaShipments.Failure, cancellationToken);

    /// <summary>
    /// Tracking of a Multi-Channel Fulfillment package (<c>packageNumber</c> from getFulfillmentOrder or the
    /// FULFILLMENT_ORDER_STATUS notification), asked in the region of the account's first marketplace.
    /// </summary>
    public Task<AmazonMcfTracking> FetchMcfPackageTrackingAsync(MarketplaceAccount account, int packageNumber, CancellationToken cancellationToken) =>
        GuardAsync("getPackageTrackingDetails", account, async () =>
        {
            var region = RegionsOf(account)[0];
            var response = await _api.SendAsync(account, region.Name, AmazonOperation.GetPackageTrackingDetails,
                () => Get($"{region.BaseUrl}/fba/outbound/2020-07-01/tracking?packageNumber={packageNumber}"), cancellationToken);
            return response.IsSuccess ? AmazonMcfTracking.Parse(response.Body) : throw response.Failure();
        }, (reason, transient) => AmazonMcfTracking.Failure(packageNumber, reason, transient), cancellationToken);

    /// <summary>
    /// Multi-Channel Fulfillment orders updated since <paramref name="updatedSince"/>, with their parcels in Amazon's
    /// status: <c>listAllFulfillmentOrders</c> (<c>queryStartDate</c>, every <c>nextToken</c> page) in each region of
    /// the account, then for each order that can have shipped <c>getFulfillmentOrder</c> (its packages) and
    /// <c>getPackageTrackingDetails</c> per package number. A package Amazon does not track yet (404) keeps its number
    /// without a status. An order listed, or given with its packages, in a shape we cannot read is set aside
    /// (<see cref="AmazonMcfOrderList.Unreadable"/>) and the region's other orders are read: asking again gets the same.
    /// Any other failure fails that region's read (ask it again later); the other regions' orders come back with the
    /// failure.
    /// </summary>
    public Task<AmazonMcfOrderList> FetchMcfOrdersAsync(MarketplaceAccount account, DateTimeOffset updatedSince, CancellationToken cancellationToken) =>
        FetchMcfOrdersAsync(account, _ => updatedSince, cancellationToken);

    /// <summary>
    /// <see cref="FetchMcfOrdersAsync(MarketplaceAccount, DateTimeOffset, CancellationToken)"/> with each region from its
    /// own start (<paramref name="sinceOfRegion"/> gets "NA", "EU" or "FE"); <see cref="AmazonMcfOrderList.ReadRegions"/>
    /// says which regions were read.
    /// </summary>
    public Task<AmazonMcfOrderList> FetchMcfOrdersAsync(
        MarketplaceAccount account, Func<string, DateTimeOffset> sinceOfRegion, CancellationToken cancellationToken) =>
        GuardAsync("MCF orders", account, async () =>
        {
            ArgumentNullException.ThrowIfNull(sinceOfRegion);
            var orders = new Dictionary<string, ImportedOrder>(StringComparer.Ordinal);
            var unreadable = new List<UnreadableOrder>();
            var read = new List<string>();
            var failures = new List<RegionFailure>();
            // Regions on one host (Marketplaces:Amazon:Endpoint) are one list: it has no marketplace filter.
            foreach (var host in RegionsOf(account).GroupBy(r => r.BaseUrl))
            {
                var region = host.First();
                var since = host.Min(r => sinceOfRegion(r.Name));
                var found = new Dictionary<string, ImportedOrder>(StringComparer.Ordinal);
                var setAside = new List<UnreadableOrder>();
                var failure = await InRegionAsync("MCF orders", account, region, async () =>
                {
                    var (listed, unreadableListed) = await ListMcfOrdersAsync(account, region, since, cancellationToken);
                    setAside.AddRange(unreadableListed);
                    foreach (var order in listed)
                    {
                        var (imported, unreadableReason) = await McfOrderAsync(account, region, order, cancellationToken);
                        if (imported is null)
                        {
                            setAside.Add(new UnreadableOrder(order.SellerFulfillmentOrderId, unreadableReason!));
                            continue;
                        }
                        found[order.SellerFulfillmentOrderId] = imported;
                    }
                }, cancellationToken);
                if (failure is not null)
                {
                    // Half a region's list is not kept: the region is read again, whole, from the same start.
                    failures.Add(failure);
                    continue;
                }
                read.AddRange(host.Select(r => r.Name));
                foreach (var (id, order) in found)
                {
                    orders[id] = order;
                }
                unreadable.AddRange(setAside);
            }
            AmazonLog.McfOrders(_logger, account.ToString(), orders.Count);
            var (reason, transient) = RegionFailure.Combine(failures);
            return new AmazonMcfOrderList(orders.Values.ToList(), reason, transient)
            {
                ReadRegions = read,
                // An order a later page lists again (it changed while we paged) is named once; one read there is not named.
                Unreadable = unreadable.Where(o => o.OrderId.Length == 0 || !orders.ContainsKey(o.OrderId))
                    .DistinctBy(o => o.OrderId.Length > 0 ? o.OrderId : o.Reason, StringComparer.Ordinal).ToList(),
            };
        }, AmazonMcfOrderList.Failure, cancellationToken);

    /// <summary>
    /// One Multi-Channel Fulfillment order by its <c>sellerFulfillmentOrderId</c> (after a FULFILLMENT_ORDER_STATUS
    /// notification), with its parcels in Amazon's status: <c>getFulfillmentOrder</c> in each region of the account
    /// until one knows it, then <c>getPackageTrackingDetails</c> per package number. Unknown everywhere: a permanent
    /// failure.
    /// </summary>
    public Task<OrderSyncPage> FetchMcfOrderAsync(MarketplaceAccount account, string sellerFulfillmentOrderId, CancellationToken cancellationToken) =>
        GuardAsync("getFulfillmentOrder", account, async () =>
        {
            if (string.IsNullOrWhiteSpace(sellerFulfillmentOrderId))
            {
                throw new AmazonCallException("a seller fulfillment order id is required", transient: false);
            }
            var regions = RegionsOf(account).DistinctBy(r => r.BaseUrl).ToList();
            foreach (var region in regions)
            {
                if (await GetMcfOrderAsync(account, region, sellerFulfillmentOrderId.Trim(), cancellationToken) is { } found)
                {
                    // An order we cannot read is set aside, not failed: asking again gets the same shape, so a failure
                    // would only have the notification that asked for it sent again and again.
                    return found.Order is { } order
                        ? new OrderSyncPage([order], "", false)
                        : new OrderSyncPage([], "", false) { Unreadable = [new UnreadableOrder(sellerFulfillmentOrderId.Trim(), found.Unreadable!)] };
                }
            }
            throw new AmazonCallException(
                $"getFulfillmentOrder: fulfillment order {sellerFulfillmentOrderId.Trim()} not found ({string.Join(", ", regions.Select(r => r.Name))})",
                transient: false);
        }, OrderSyncPage.Failure, cancellationToken);

    // ---- orders ----

    private async Task<OrderSyncPage> ChangedOrdersAsync(MarketplaceAccount account, string text, DateTimeOffset startFrom, CancellationToken ct)
    {
        var regions = RegionsOf(account);
        var cursor = AmazonSyncCursor.Decode(text);
        if (cursor is null)
        {
            AmazonLog.CursorUnreadable(_logger, account.ToString());
            cursor = new AmazonSyncCursor();
        }
        foreach (var gone in cursor.Regions.Keys.Where(k => regions.All(r => r.Name != k)).ToList())
        {
            cursor.Regions.Remove(gone);
        }
        foreach (var region in regions)
        {
            cursor.Regions.TryAdd(region.Name, new AmazonRegionWindow { After = startFrom.ToUniversalTime() });
        }

        var open = regions.FirstOrDefault(r => cursor.Regions[r.Name].IsOpen);
        if (open is null)
        {
            // Every window read or set aside (or none opened yet): the next round ends WindowEndLag before now. A window
            // set aside after a failure is kept as it was, to be read again from where it stopped.
            var end = _time.GetUtcNow() - WindowEndLag;
            foreach (var window in cursor.Regions.Values)
            {
                if (window.SetAside)
                {
                    window.SetAside = false;
                    continue;
                }
                if (window.Before is { } previousEnd)
                {
                    window.After = previousEnd;
                }
                window.Before = end;
                window.Done = end <= window.After;
                window.RestartWindow();
                window.Api = "";
            }
            open = regions.FirstOrDefault(r => cursor.Regions[r.Name].IsOpen);
            if (open is null)
            {
                return new OrderSyncPage([], cursor.Encode(), false);
            }
        }

        var current = cursor.Regions[open.Name];
        var unread = current.Copy();
        AmazonOrdersPage page;
        try
        {
            page = await SearchPageAsync(account, open, current, ct);
        }
        catch (Exception e) when (FailureOf(e, ct) is { } failure)
        {
            // Regions are separate services at Amazon: this one keeps its window and is tried again next round, while
            // the cursor lets the others read theirs now.
            unread.SetAside = true;
            cursor.Regions[open.Name] = unread;
            var reason = Failed("searchOrders", account, open, failure);
            return OrderSyncPage.PartialFailure(cursor.Encode(), cursor.Regions.Values.Any(w => w.IsOpen), reason, failure.Transient);
        }
        // Orders that could not be read are reported with the page: the window moves past them with the others.
        current.SetPage(page.NextToken, _time.GetUtcNow());
        current.Done = page.NextToken is null;
        var hasMore = cursor.Regions.Values.Any(w => w.IsOpen);
        AmazonLog.OrdersPage(_logger, account.ToString(), open.Name, page.Orders.Count, hasMore);
        return new OrderSyncPage(page.Orders, cursor.Encode(), hasMore) { Unreadable = page.Unreadable };
    }

    private async Task<AmazonOrdersPage> SearchPageAsync(
        MarketplaceAccount account, AmazonRegion region, AmazonRegionWindow window, CancellationToken ct)
    {
        var ids = string.Join(",", region.MarketplaceIds);
        var after = AmazonJson.Format(window.After);
        var before = AmazonJson.Format(window.Before!.Value);
        if (window.Api.Length == 0)
        {
            window.Api = PrefersV0(region) ? OrdersV0 : OrdersV2026;
        }
        AmazonResponse? refused = null;
        if (window.Api == OrdersV2026)
        {
            if (window.PageOlderThan(PageTokenMaxAge, _time.GetUtcNow()))
            {
                AmazonLog.PageTokenDropped(_logger, account.ToString(), region.Name, "older than its lifetime");
                window.RestartWindow();
            }
            var response = await SearchWithTokenAsync(account, region, window, AmazonOperation.SearchOrders, page => Get(
                $"{region.BaseUrl}/orders/2026-01-01/orders?lastUpdatedAfter={after}&lastUpdatedBefore={before}" +
                $"&marketplaceIds={ids}&maxResultsPerPage={_settings.PageSize}&includedData={IncludedData}" +
                (page is null ? "" : "&paginationToken=" + Uri.EscapeDataString(page))), ct);
            if (response.IsSuccess)
            {
                return AmazonOrderParser.ParseSearchOrders(response.Body);
            }
            if (!IsVersionRefusal(response))
            {
                throw response.Failure();
            }
            refused = response;
            // A v2026 paging token means nothing to v0: read the window again from its start.
            window.Api = OrdersV0;
            window.RestartWindow();
        }

        var v0 = await SearchWithTokenAsync(account, region, window, AmazonOperation.GetOrdersV0, page => Get(
            $"{region.BaseUrl}/orders/v0/orders?MarketplaceIds={ids}&LastUpdatedAfter={after}&LastUpdatedBefore={before}" +
            $"&MaxResultsPerPage={_settings.PageSize}" + (page is null ? "" : "&NextToken=" + Uri.EscapeDataString(page))), ct);
        if (!v0.IsSuccess)
        {
            throw Combined(refused, v0);
        }
        if (refused is not null)
        {
            RememberV0(region, refused);
        }
        return AmazonOrderParser.ParseGetOrdersV0(v0.Body);
    }

    /// <summary>
    /// One search call with the window's paging token, if any. A 400 to a call that carried a token is most likely
    /// about the token (expired after 24 h, or unknown to Amazon): the window is read again from its start, once,
    /// without it — otherwise every later round would send the same refused token. A 400 without a token is returned
    /// as is (the dates or ids are wrong, and asking again would not help).
    /// </summary>
    private async Task<AmazonResponse> SearchWithTokenAsync(
        MarketplaceAccount account, AmazonRegion region, AmazonRegionWindow window, AmazonOperation operation,
        Func<string?, HttpRequestMessage> create, CancellationToken ct)
    {
        var sent = window.Page;
        var response = await _api.SendAsync(account, region.Name, operation, () => create(sent), ct);
        if (response.Status != HttpStatusCode.BadRequest || sent is null)
        {
            return response;
        }
        AmazonLog.PageTokenDropped(_logger, account.ToString(), region.Name, "refused: " + response.Failure().Message);
        window.RestartWindow();
        return await _api.SendAsync(account, region.Name, operation, () => create(null), ct);
    }

    /// <summary>The order in this region (set aside when it cannot be read), or null when neither version knows it there.</summary>
    private async Task<AmazonOrdersPage?> GetOrderAsync(MarketplaceAccount account, AmazonRegion region, string orderId, CancellationToken ct)
    {
        var id = Uri.EscapeDataString(orderId);
        AmazonResponse? refused = null;
        if (!PrefersV0(region))
        {
            var response = await _api.SendAsync(account, region.Name, AmazonOperation.GetOrder,
                () => Get($"{region.BaseUrl}/orders/2026-01-01/orders/{id}?includedData={IncludedData}"), ct);
            if (response.IsSuccess)
            {
                return AmazonOrderParser.ReadGetOrder(response.Body);
            }
            if (!IsVersionRefusal(response))
            {
                throw response.Failure();
            }
            refused = response;
        }
        var v0 = await _api.SendAsync(account, region.Name, AmazonOperation.GetOrderV0, () => Get($"{region.BaseUrl}/orders/v0/orders/{id}"), ct);
        if (v0.IsSuccess)
        {
            if (refused is not null)
            {
                RememberV0(region, refused);
            }
            return AmazonOrderParser.ReadGetOrderV0(v0.Body);
        }
        return v0.Status == HttpStatusCode.NotFound ? null : throw Combined(refused, v0);
    }

    /// <summary>v2026 not served for us here: 404, or 403 that is not about the token (that one was re-authenticated already).</summary>
    private static bool IsVersionRefusal(AmazonResponse response) =>
        response.Status == HttpStatusCode.NotFound ||
        (response.Status == HttpStatusCode.Forbidden && !AmazonErrors.IsTokenRefusal(response.Body));

    private bool PrefersV0(AmazonRegion region) =>
        _v0Until.TryGetValue(region.BaseUrl, out var until) && _time.GetUtcNow() < until;

    private void RememberV0(AmazonRegion region, AmazonResponse refused)
    {
        var until = _time.GetUtcNow() + _settings.V0FallbackDuration;
        _v0Until[region.BaseUrl] = until;
        AmazonLog.FallingBackToV0(_logger, region.BaseUrl, (int)refused.Status, until);
    }

    private static AmazonCallException Combined(AmazonResponse? refused, AmazonResponse v0)
    {
        var failure = v0.Failure();
        return refused is null
            ? failure
            : new AmazonCallException($"{refused.Failure().Message}; fallback {failure.Message}", failure.Transient);
    }

    // ---- Multi-Channel Fulfillment ----

    /// <summary>
    /// Every page of listAllFulfillmentOrders from <paramref name="updatedSince"/>: the orders read, and those listed in a
    /// shape we cannot read, set aside so that the pages after them are read all the same.
    /// </summary>
    private async Task<(IReadOnlyList<AmazonMcfOrder> Orders, IReadOnlyList<UnreadableOrder> Unreadable)> ListMcfOrdersAsync(
        MarketplaceAccount account, AmazonRegion region, DateTimeOffset updatedSince, CancellationToken ct)
    {
        var all = new List<AmazonMcfOrder>();
        var unreadable = new List<UnreadableOrder>();
        var since = Uri.EscapeDataString(AmazonJson.Format(updatedSince));
        string? next = null;
        for (var pages = 0; ; pages++)
        {
            if (pages == MaxMcfPages)
            {
                throw new AmazonCallException($"listAllFulfillmentOrders still had pages after {MaxMcfPages}", transient: true);
            }
            var token = next is null ? "" : "&nextToken=" + Uri.EscapeDataString(next);
            var response = await _api.SendAsync(account, region.Name, AmazonOperation.ListAllFulfillmentOrders,
                () => Get($"{region.BaseUrl}/fba/outbound/2020-07-01/fulfillmentOrders?queryStartDate={since}{token}"), ct);
            if (!response.IsSuccess)
            {
                throw response.Failure();
            }
            var (orders, unreadableOrders, nextToken) = AmazonMcfOrderParser.ParseList(response.Body);
            all.AddRange(orders);
            unreadable.AddRange(unreadableOrders);
            if (nextToken is null)
            {
                return (all, unreadable);
            }
            if (nextToken == next)
            {
                throw new AmazonMalformedException("listAllFulfillmentOrders returned the same nextToken again");
            }
            next = nextToken;
        }
    }

    /// <summary>A listed order with its packages; one getFulfillmentOrder gives in a shape we cannot read comes back as the reason.</summary>
    private async Task<(ImportedOrder? Order, string? Unreadable)> McfOrderAsync(
        MarketplaceAccount account, AmazonRegion region, AmazonMcfOrder listed, CancellationToken ct)
    {
        if (listed.CannotHaveShipments)
        {
            return (AmazonMcfOrderParser.ToImported(listed, new Dictionary<int, AmazonMcfTracking>()), null);
        }
        return await GetMcfOrderAsync(account, region, listed.SellerFulfillmentOrderId, ct) ??
            throw new AmazonCallException($"getFulfillmentOrder: listed fulfillment order {listed.SellerFulfillmentOrderId} not found", transient: false);
    }

    /// <summary>
    /// getFulfillmentOrder and each package's tracking; null when this region does not know the order: 404, or the
    /// 400 <c>InvalidInput</c> "Requested order '…' not found" Fulfillment Outbound answers for an unknown id. An order
    /// in a shape we cannot read comes back as the reason, its packages' tracking not asked for; so does one with a
    /// package whose tracking we cannot read, naming the package.
    /// </summary>
    private async Task<(ImportedOrder? Order, string? Unreadable)?> GetMcfOrderAsync(MarketplaceAccount account, AmazonRegion region, string sellerFulfillmentOrderId, CancellationToken ct)
    {
        var id = Uri.EscapeDataString(sellerFulfillmentOrderId);
        var response = await _api.SendAsync(account, region.Name, AmazonOperation.GetFulfillmentOrder,
            () => Get($"{region.BaseUrl}/fba/outbound/2020-07-01/fulfillmentOrders/{id}"), ct);
        if (!response.IsSuccess)
        {
            var unknown = response.Status == HttpStatusCode.NotFound || (response.Status == HttpStatusCode.BadRequest &&
                AmazonErrors.Describe(response.Body).Contains("not found", StringComparison.OrdinalIgnoreCase));
            return unknown ? null : throw response.Failure();
        }
        var (order, unreadable) = AmazonMcfOrderParser.ReadGet(response.Body);
        if (order is null)
        {
            return (null, unreadable);
        }
        var tracking = new Dictionary<int, AmazonMcfTracking>();
        foreach (var number in order.Packages.Select(p => p.PackageNumber).OfType<int>().Distinct())
        {
            var details = await _api.SendAsync(account, region.Name, AmazonOperation.GetPackageTrackingDetails,
                () => Get($"{region.BaseUrl}/fba/outbound/2020-07-01/tracking?packageNumber={number}"), ct);
            if (details.IsSuccess)
            {
                // A package's tracking is part of its order: one we cannot read sets the order aside, never read without it.
                var (read, unreadablePackage) = AmazonMcfTracking.Read(details.Body);
                if (read is null)
                {
                    return (null, $"package {number}: {unreadablePackage}");
                }
                tracking[number] = read;
            }
            else if (details.Status != HttpStatusCode.NotFound)
            {
                throw details.Failure();
            }
        }
        return (AmazonMcfOrderParser.ToImported(order, tracking), null);
    }

    // ---- FBA shipments report ----

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ImportedPackage>>> ShipmentsReportAsync(
        MarketplaceAccount account, AmazonRegion region, DateTimeOffset from, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var start = from < now - MaxReportRange ? now - MaxReportRange : from;
        var body = new JsonObject
        {
            ["reportType"] = AmazonFbaShipmentsReport.ReportType,
            ["marketplaceIds"] = new JsonArray(region.MarketplaceIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            ["dataStartTime"] = AmazonJson.Format(start),
            ["dataEndTime"] = AmazonJson.Format(now),
        }.ToJsonString();
        var created = await _api.SendAsync(account, region.Name, AmazonOperation.CreateReport, () =>
            new HttpRequestMessage(HttpMethod.Post, $"{region.BaseUrl}/reports/2021-06-30/reports")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            }, ct);
        if (!created.IsSuccess)
        {
            throw created.Failure();
        }
        var reportId = Field(created.Body, "reportId", "createReport");

        var documentId = await AwaitReportAsync(account, region, reportId, ct);
        if (documentId is null)
        {
            return new Dictionary<string, IReadOnlyList<ImportedPackage>>();
        }
        var document = await _api.SendAsync(account, region.Name, AmazonOperation.GetReportDocument,
            () => Get($"{region.BaseUrl}/reports/2021-06-30/documents/{Uri.EscapeDataString(documentId)}"), ct);
        if (!document.IsSuccess)
        {
            throw document.Failure();
        }
        var url = Field(document.Body, "url", "getReportDocument");
        var compression = Field(document.Body, "compressionAlgorithm", "getReportDocument", required: false);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new AmazonMalformedException("getReportDocument url is not an absolute URL");
        }
        var (content, charset) = await _api.DownloadAsync(uri, ct);
        var text = Decode(compression == "GZIP" ? Gunzip(content) : content, charset);
        try
        {
            return AmazonFbaShipmentsReport.Parse(text);
        }
        catch (FormatException e)
        {
            throw new AmazonMalformedException(e.Message);
        }
    }

    /// <summary>The report's document id once DONE; null when Amazon CANCELLED it (its word for "no data").</summary>
    private async Task<string?> AwaitReportAsync(MarketplaceAccount account, AmazonRegion region, string reportId, CancellationToken ct)
    {
        var delay = _settings.ReportFirstPoll;
        var waited = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(delay, _time, ct);
            waited += delay;
            var report = await _api.SendAsync(account, region.Name, AmazonOperation.GetReport,
                () => Get($"{region.BaseUrl}/reports/2021-06-30/reports/{Uri.EscapeDataString(reportId)}"), ct);
            if (!report.IsSuccess)
            {
                throw report.Failure();
            }
            var status = Field(report.Body, "processingStatus", "getReport");
            AmazonLog.ReportStatus(_logger, reportId, status);
            switch (status)
            {
                case "DONE":
                    return Field(report.Body, "reportDocumentId", "getReport");
                case "CANCELLED":
                    return null;
                case "FATAL":
                    throw new AmazonCallException($"report {reportId} ended FATAL", transient: true);
            }
            if (waited >= _settings.ReportMaxWait)
            {
                throw new AmazonCallException($"report {reportId} still {status} after {waited.TotalMinutes:0.#} min", transient: true);
            }
            delay = delay * 2 > _settings.ReportMaxPoll ? _settings.ReportMaxPoll : delay * 2;
        }
    }

    private static byte[] Gunzip(byte[] content)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new AmazonMalformedException("the report document is not valid GZIP");
        }
    }

    /// <summary>Report documents name their charset in Content-Type (US reports are often ISO-8859-1); UTF-8 otherwise.</summary>
    private static string Decode(byte[] content, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (charset is { Length: > 0 })
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An encoding this runtime lacks: UTF-8 reads the ASCII columns we need.
            }
        }
        return encoding.GetString(content);
    }

    private static string Field(string body, string name, string operation, bool required = true)
    {
        using var document = AmazonJson.Parse(body);
        var value = document.RootElement.Text(name);
        return value.Length > 0 || !required ? value : throw new AmazonMalformedException($"{operation} answer without '{name}'");
    }

    // ---- shared ----

    private sealed record AmazonRegion(string Name, IReadOnlyList<string> MarketplaceIds, string BaseUrl);

    /// <summary>The account's marketplaces grouped by region, in NA, EU, FE order; a clear permanent failure when unusable.</summary>
    private List<AmazonRegion> RegionsOf(MarketplaceAccount account)
    {
        var missing = new[] { AmazonLwa.ClientId, AmazonLwa.ClientSecret, AmazonLwa.RefreshToken }
            .Where(k => string.IsNullOrWhiteSpace(account.Credential(k))).ToList();
        if (missing.Count > 0)
        {
            throw new AmazonCallException($"the connection lacks {string.Join(", ", missing)}", transient: false);
        }
        if (account.MarketplaceIds.Count == 0)
        {
            throw new AmazonCallException("the connection names no marketplace ids", transient: false);
        }
        var marketplaces = account.MarketplaceIds.Select(id => (Id: id.Trim(), Marketplace: AmazonMarketplaces.Find(id))).ToList();
        if (marketplaces.FirstOrDefault(m => m.Marketplace is null) is { Id: { } unknown })
        {
            throw new AmazonCallException($"unknown marketplace id '{unknown}'", transient: false);
        }
        return marketplaces.GroupBy(m => m.Marketplace!.Region)
            .OrderBy(g => Array.IndexOf(RegionOrder, g.Key))
            .Select(g => new AmazonRegion(g.Key, g.Select(m => m.Id).Distinct().ToList(), BaseUrlOf(g.Key)))
            .ToList();
    }

    private string BaseUrlOf(string region) =>
        (_options.Amazon.Endpoint ?? AmazonMarketplaces.EndpointOf(region)).AbsoluteUri.TrimEnd('/');

    private static HttpRequestMessage Get(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Runs one public operation and turns every failure into <paramref name="failure"/>; only the caller's cancellation escapes.</summary>
    private async Task<T> GuardAsync<T>(
        string operation, MarketplaceAccount account, Func<Task<T>> body, Func<string, bool, T> failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            return await body();
        }
        catch (Exception e) when (FailureOf(e, cancellationToken) is { } failed)
        {
            var reason = "amazon: " + failed.Reason;
            AmazonLog.Failed(_logger, operation, account.ToString(), reason, failed.Transient);
            return failure(reason, failed.Transient);
        }
    }

    /// <summary>
    /// Runs one region's part of an operation; its failure is logged and returned rather than thrown, so that the
    /// account's other regions (separate services at Amazon) are still read.
    /// </summary>
    private async Task<RegionFailure?> InRegionAsync(
        string operation, MarketplaceAccount account, AmazonRegion region, Func<Task> body, CancellationToken cancellationToken)
    {
        try
        {
            await body();
            return null;
        }
        catch (Exception e) when (FailureOf(e, cancellationToken) is { } failed)
        {
            return new RegionFailure(Failed(operation, account, region, failed), failed.Transient);
        }
    }

    private string Failed(string operation, MarketplaceAccount account, AmazonRegion region, RegionFailure failure)
    {
        var reason = "amazon: " + failure.Reason;
        AmazonLog.Failed(_logger, $"{operation} ({region.Name})", account.ToString(), reason, failure.Transient);
        return reason;
    }

    /// <summary>What a failed call amounts to; null for what is not a call failure (the caller's cancellation, a bug).</summary>
    private static RegionFailure? FailureOf(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        AmazonCallException call => new(call.Message, call.Transient),
        AmazonMalformedException malformed => new($"malformed response ({malformed.Message})", true),
        TimeoutRejectedException => new("timed out", true),
        _ when CarrierResilience.IsRefusal(e) => new($"not called ({e.Message})", true),
        HttpRequestException http => new(http.Message, true),
        _ => null,
    };

    /// <summary>Why a call (or one region's part of it) failed, and whether asking again later can help.</summary>
    private sealed record RegionFailure(string Reason, bool Transient)
    {
        /// <summary>
        /// The failures of several regions as one (null when there are none); transient when any is, since asking
        /// again helps that one.
        /// </summary>
        public static (string? Reason, bool Transient) Combine(IReadOnlyList<RegionFailure> failures) =>
            failures.Count == 0 ? (null, true) : (string.Join("; ", failures.Select(f => f.Reason)), failures.Any(f => f.Transient));
    }
}
