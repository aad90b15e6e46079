using System.Collections.Concurrent;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Marketplaces;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Server.Orders;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// Pulls marketplace orders into the order link. Every <c>Marketplaces:SyncInterval</c> each account — connections
/// stored through ConnectMarketplace (credentials decrypted in memory only) and <c>Marketplaces:Accounts</c> from
/// configuration — is asked for the orders changed since its cursor, page by page, and each order is upserted through
/// <see cref="OrderLinker"/>. A stored connection's cursor, last sync time and last error are persisted; a configured
/// account's live in memory. Accounts are independent: one failing (bad credentials, marketplace down) records its
/// error and the others carry on. Amazon accounts also get the FBA shipments report every
/// <c>Marketplaces:Amazon:FbaReportInterval</c>, whose parcels are attached to the stored FBA orders (rows whose order
/// is not stored yet are kept and tried again with later reports, see <see cref="PendingFbaPackages"/>), and on the same
/// cadence their Multi-Channel Fulfillment orders (updated since the previous read, less a day), upserted with their
/// parcels in Amazon's status, and the MCF orders read before whose parcels only Amazon's package tracking can move
/// (see <see cref="OpenMcfOrders"/>).
/// </summary>
public sealed partial class MarketplaceSync : BackgroundService
{
    /// <summary>A round stops reading one account after this many pages; the next round continues from the cursor.</summary>
    internal const int MaxPagesPerRound = 200;

    /// <summary>A round syncs this many accounts at a time; the others wait for a slot.</summary>
    internal const int MaxParallelAccounts = 4;

    /// <summary>Later FBA reports reach this far before the previous one, for rows Amazon added late.</summary>
    private static readonly TimeSpan FbaReportOverlap = TimeSpan.FromDays(1);

    private readonly IReadOnlyDictionary<string, IMarketplaceClient> _clients;
    private readonly AmazonMarketplaceClient? _amazon;
    private readonly IOrderStore _orders;
    private readonly OrderLinker _linker;
    private readonly CredentialProtector _protector;
    private readonly MarketplaceSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MarketplaceSync> _logger;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ConcurrentDictionary<string, string> _configuredCursors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _fbaReportedAt = new(StringComparer.Ordinal);
    private readonly PendingFbaPackages _pendingFba;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _mcfListedAt = new(StringComparer.Ordinal);
    private readonly OpenMcfOrders _openMcf;
    private readonly ConcurrentDictionary<string, AccountSyncStatus> _status = new(StringComparer.Ordinal);
    private readonly SetAsideOrders _setAside = new();
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MarketplaceSync(
        IEnumerable<IMarketplaceClient> clients, IOrderStore orders, OrderLinker linker, CredentialProtector protector,
        IOptions<MarketplaceSyncOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<MarketplaceSync> logger)
    {
        var list = clients.ToList();
        _clients = list.ToDictionary(c => c.Channel, StringComparer.Ordinal);
        _amazon = list.OfType<AmazonMarketplaceClient>().FirstOrDefault();
        _orders = orders;
        _linker = linker;
        _protector = protector;
        _options = options.Value;
        _pendingFba = new PendingFbaPackages(_options.InitialSyncWindow);
        _openMcf = new OpenMcfOrders(_options.InitialSyncWindow);
        _time = time;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>The last sync of every account seen, by account key (<c>stored:tenant:channel</c> or <c>config:N</c>).</summary>
    public IReadOnlyDictionary<string, AccountSyncStatus> Status => _status;

    /// <summary>
    /// The accounts configuration gives the tenant (<c>Marketplaces:Accounts:N</c>), in their order there, each with the
    /// last sync this node made of it (null before its first).
    /// </summary>
    public IReadOnlyList<ConfiguredAccountState> ConfiguredAccountsOf(string tenantId)
    {
        var accounts = new List<ConfiguredAccountState>();
        for (var i = 0; i < _options.Accounts.Count; i++)
        {
            var configured = _options.Accounts[i];
            if (configured.Tenant.Trim() != tenantId)
            {
                continue;
            }
            accounts.Add(new ConfiguredAccountState($"{MarketplaceSyncOptions.Section}:Accounts:{i}", configured.Channel.Trim().ToLowerInvariant(),
                configured.MarketplaceIds, [.. configured.Credentials.Keys.Order(StringComparer.Ordinal)],
                _status.TryGetValue(ConfiguredKey(i), out var status) ? status : null));
        }
        return accounts;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(OrdersLoopAsync(stoppingToken), FbaReportLoopAsync(stoppingToken));

    /// <summary>
    /// Fetches one order now (after a marketplace said it changed) from every account of the tenant on that channel,
    /// and upserts it.
    /// </summary>
    public async Task<OrderSyncResult> SyncOrderAsync(string tenantId, string channel, string orderId, CancellationToken cancellationToken)
    {
        if (!_clients.TryGetValue(channel, out var client))
        {
            return OrderSyncResult.NotConnected;
        }
        var accounts = await AccountsAsync(cancellationToken, (tenantId, channel));
        if (accounts.Count == 0)
        {
            return OrderSyncResult.NotConnected;
        }
        var result = OrderSyncResult.NotConnected;
        foreach (var account in accounts)
        {
            var page = await client.FetchOrderAsync(account.Account, orderId, cancellationToken);
            if (!page.IsSuccess)
            {
                LogOrderFetchFailed(account.Account.ToString(), orderId, page.FailureReason!);
                result = result.OrWorse(OrderSyncResult.Failed(page.FailureReason!, page.Transient));
                continue;
            }
            if (page.Unreadable.Count > 0)
            {
                return SetAsideOnNotice(account, page.Unreadable);
            }
            OrderState? stored = null;
            foreach (var order in page.Orders)
            {
                (stored, _, _) = await _linker.UpsertAsync(tenantId, order, cancellationToken);
                _setAside.Imported(account.Key, order.OrderId);
            }
            LogOrderSynced(account.Account.ToString(), orderId);
            return OrderSyncResult.Synced(stored);
        }
        return result;
    }

    /// <summary>
    /// The notified order was found but cannot be read: asking again gets the same shape, so the notification is
    /// answered for good (a transient failure would have it sent again and again), the order logged as a sync round
    /// logs one, and named in the account's last error from its next round on, until it is imported.
    /// </summary>
    private OrderSyncResult SetAsideOnNotice(SyncAccount account, IReadOnlyList<UnreadableOrder> unreadable)
    {
        foreach (var order in unreadable)
        {
            LogOrderUnreadable(account.Account.ToString(), account.Account.Channel, order.OrderId, order.Reason);
            _setAside.Add(account.Key, order);
        }
        return OrderSyncResult.Failed($"{account.Account.Channel}: could not read {string.Join("; ", unreadable)}", transient: false);
    }

    /// <summary>
    /// Fetches one Multi-Channel Fulfillment order now (after a FULFILLMENT_ORDER_STATUS notification) from every Amazon
    /// account of the tenant, and upserts it with its parcels in Amazon's status.
    /// </summary>
    public async Task<OrderSyncResult> SyncMcfOrderAsync(string tenantId, string sellerFulfillmentOrderId, CancellationToken cancellationToken)
    {
        if (_amazon is null)
        {
            return OrderSyncResult.NotConnected;
        }
        var result = OrderSyncResult.NotConnected;
        foreach (var account in await AccountsAsync(cancellationToken, (tenantId, AmazonMarketplaceClient.ChannelName)))
        {
            var page = await _amazon.FetchMcfOrderAsync(account.Account, sellerFulfillmentOrderId, cancellationToken);
            if (!page.IsSuccess)
            {
                LogOrderFetchFailed(account.Account.ToString(), sellerFulfillmentOrderId, page.FailureReason!);
                result = result.OrWorse(OrderSyncResult.Failed(page.FailureReason!, page.Transient));
                continue;
            }
            if (page.Unreadable.Count > 0)
            {
                return SetAsideOnNotice(account, page.Unreadable);
            }
            OrderState? stored = null;
            foreach (var order in page.Orders)
            {
                (stored, _, _) = await _linker.UpsertAsync(tenantId, order, cancellationToken);
                _setAside.Imported(account.Key, order.OrderId);
            }
            LogOrderSynced(account.Account.ToString(), sellerFulfillmentOrderId);
            return OrderSyncResult.Synced(stored);
        }
        return result;
    }

    // ---- orders ----

    private async Task OrdersLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The sandbox marketplaces are served by this very server: wait until it listens.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            using var timer = new PeriodicTimer(_options.SyncInterval, _time);
            do
            {
                await SyncAllAsync(stoppingToken);
                _firstRound.TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round over every account; never throws but for cancellation.</summary>
    internal async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SyncAccount> accounts;
        try
        {
            accounts = await AccountsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAccountsUnreadable(e);
            return;
        }
        await Parallel.ForEachAsync(accounts,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelAccounts, CancellationToken = cancellationToken },
            async (account, ct) => await SyncAccountAsync(account, ct));
    }

    private async Task SyncAccountAsync(SyncAccount account, CancellationToken cancellationToken)
    {
        var client = _clients[account.Account.Channel];
        var startFrom = _time.GetUtcNow() - _options.InitialSyncWindow;
        var cursor = account.Cursor;
        var imported = 0;
        string? error = null;
        try
        {
            for (var pages = 0; ; pages++)
            {
                if (pages == MaxPagesPerRound)
                {
                    LogPageLimit(account.Account.ToString(), MaxPagesPerRound);
                    break;
                }
                // Also before the first page: an account may wait long for its turn among the round's parallel ones.
                if (!await StillConnectedAsync(account, cancellationToken))
                {
                    // Disconnected (or connected again) since the round read it: its credentials are not used again,
                    // and nothing is recorded for it (a new connection's own round reports).
                    LogConnectionGone(account.Account.ToString(), imported);
                    return;
                }
                var page = await client.FetchChangedOrdersAsync(account.Account, cursor, startFrom, cancellationToken);
                if (!page.IsSuccess)
                {
                    error = page.FailureReason!;
                    if (page.NextCursor.Length == 0)
                    {
                        break;
                    }
                    // Part of the account failed (an Amazon region): its place is kept in the cursor, the rest goes on.
                }
                // Set aside before the others are stored: a client reports an order set aside once (Shopify's overlap
                // reads it again unchanged), so a store failure below must not lose it.
                foreach (var order in page.Unreadable)
                {
                    LogOrderUnreadable(account.Account.ToString(), account.Account.Channel, order.OrderId, order.Reason);
                    _setAside.Add(account.Key, order);
                }
                foreach (var order in page.Orders)
                {
                    await _linker.UpsertAsync(account.Account.TenantId, order, cancellationToken);
                    _setAside.Imported(account.Key, order.OrderId);
                    imported++;
                }
                cursor = page.NextCursor;
                if (!page.HasMore)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store failed under us: the cursor stays before the page that could not be stored.
            LogStoreFailed(e, account.Account.ToString());
            error = $"storing the orders failed ({e.GetType().Name})";
        }

        var now = _time.GetUtcNow();
        if (error is null)
        {
            LogAccountSynced(account.Account.ToString(), imported);
        }
        else
        {
            LogAccountFailed(account.Account.ToString(), imported, error);
        }
        // The orders set aside and not imported since are named where the account's sync state is reported, beside any
        // failure; the round still counts as synced when nothing else failed, since every other order was imported.
        var lastError = string.Join("; ", new[] { error ?? "", Skipped(account.Account.Channel, _setAside.Of(account.Key)) }.Where(e => e.Length > 0));
        await RecordAsync(account, cursor, error is null ? now : null, lastError, cancellationToken);
    }

    /// <summary>At most this many skipped orders are named in an account's last error; the log names every one.</summary>
    private const int MaxNamedUnreadable = 5;

    /// <summary>"" when every order was read; else how many were skipped, the first few named with why.</summary>
    private static string Skipped(string channel, IReadOnlyList<UnreadableOrder> unreadable) => unreadable.Count == 0 ? "" :
        $"{unreadable.Count} {channel} order(s) could not be read and were skipped (read again when the marketplace next " +
        "changes them, or when the account is connected again): " + string.Join("; ", unreadable.Take(MaxNamedUnreadable)) +
        (unreadable.Count > MaxNamedUnreadable ? $"; and {unreadable.Count - MaxNamedUnreadable} more (see the log)" : "");

    private async Task RecordAsync(SyncAccount account, string cursor, DateTimeOffset? syncedAt, string error, CancellationToken cancellationToken)
    {
        if (!account.Stored)
        {
            _configuredCursors[account.Key] = cursor;
        }
        else
        {
            try
            {
                if (!await _orders.RecordSyncAsync(
                    account.Account.TenantId, account.Account.Channel, account.ConnectedAt, cursor, syncedAt, error, cancellationToken))
                {
                    // Connected again during the round (the new connection's reset cursor stands, and its own round reports), or
                    // disconnected: an update of the connection the round read, never an insert, so nothing is brought back.
                    LogConnectionReplaced(account.Account.ToString());
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRecordFailed(e, account.Account.ToString());
            }
        }
        var previous = _status.TryGetValue(account.Key, out var known) ? known.LastSyncedAt : null;
        _status[account.Key] = new AccountSyncStatus(account.Account.TenantId, account.Account.Channel, syncedAt ?? previous, error);
    }

    // ---- FBA shipments report ----

    private async Task FbaReportLoopAsync(CancellationToken stoppingToken)
    {
        if (_amazon is null)
        {
            return;
        }
        try
        {
            // The report's parcels attach to stored orders: let the first order sync store them.
            await _firstRound.Task.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(_options.Amazon.FbaReportInterval, _time);
            do
            {
                IReadOnlyList<SyncAccount> accounts;
                try
                {
                    accounts = await AccountsAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogAccountsUnreadable(e);
                    continue;
                }
                foreach (var account in accounts.Where(a => a.Account.Channel == AmazonMarketplaceClient.ChannelName))
                {
                    // Reports take minutes: an account disconnected meanwhile is not asked with its removed credentials.
                    if (await StillConnectedForReportsAsync(account, stoppingToken))
                    {
                        await FbaReportAsync(_amazon, account, stoppingToken);
                    }
                    if (await StillConnectedForReportsAsync(account, stoppingToken))
                    {
                        await McfOrdersAsync(_amazon, account, stoppingToken);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary><see cref="StillConnectedAsync"/>, false when the store cannot say: the account waits for the next tick.</summary>
    private async Task<bool> StillConnectedForReportsAsync(SyncAccount account, CancellationToken cancellationToken)
    {
        try
        {
            return await StillConnectedAsync(account, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreFailed(e, account.Account.ToString());
            return false;
        }
    }

    private async Task FbaReportAsync(AmazonMarketplaceClient amazon, SyncAccount account, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Each region's report starts from that region's last one: a region that failed is asked again from its own point.
        var report = await amazon.FetchFbaShipmentsAsync(account.Account,
            region => _fbaReportedAt.TryGetValue(RegionKey(account, region), out var last) ? last - FbaReportOverlap : now - _options.InitialSyncWindow,
            cancellationToken);
        if (!report.IsSuccess)
        {
            // The failed regions are asked again at the next tick, from the same point; the others' parcels are applied.
            LogFbaReportFailed(account.Account.ToString(), report.FailureReason!);
        }
        if (report.ReadRegions.Count == 0)
        {
            return;
        }
        // The next report starts a day before this one: rows whose order is not stored yet are kept and tried again.
        var orders = _pendingFba.WithKept(account.Key, account.ConnectedAt, report.PackagesByOrderId, now);
        var attached = 0;
        var attachedLater = 0;
        var unattached = new List<PendingFbaOrder>();
        try
        {
            foreach (var order in orders)
            {
                var link = new OrderLink(AmazonMarketplaceClient.ChannelName, order.OrderId);
                if (await _linker.AttachPackagesAsync(account.Account.TenantId, link, order.Packages, cancellationToken) is null)
                {
                    unattached.Add(order);
                    continue;
                }
                attached++;
                attachedLater += order.FromEarlierReport ? 1 : 0;
            }
            // Only once every row was tried: a store failure above leaves the window and the kept rows as they were.
            var dropped = _pendingFba.Keep(account.Key, account.ConnectedAt, unattached, now);
            foreach (var region in report.ReadRegions)
            {
                _fbaReportedAt[RegionKey(account, region)] = now;
            }
            LogFbaReportApplied(account.Account.ToString(), report.PackagesByOrderId.Count, attached, attachedLater,
                unattached.Count - dropped, dropped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreFailed(e, account.Account.ToString());
        }
    }

    // ---- Multi-Channel Fulfillment orders ----

    private async Task McfOrdersAsync(AmazonMarketplaceClient amazon, SyncAccount account, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // A parcel's tracking moves without its order being updated: read a day again to keep Amazon's status fresh.
        var page = await amazon.FetchMcfOrdersAsync(account.Account,
            region => _mcfListedAt.TryGetValue(RegionKey(account, region), out var last) ? last - FbaReportOverlap : now - _options.InitialSyncWindow,
            cancellationToken);
        if (!page.IsSuccess)
        {
            // The failed regions are asked again at the next tick, from the same point; the others' orders are applied.
            LogMcfFailed(account.Account.ToString(), page.FailureReason!);
        }
        if (page.ReadRegions.Count == 0)
        {
            return;
        }
        // Set aside as a round sets an order aside: named in the account's last error from its next round until imported.
        // The next listings read it again while their day of overlap lists it: it is logged when it is news only.
        foreach (var order in page.Unreadable)
        {
            if (_setAside.Add(account.Key, order))
            {
                LogOrderUnreadable(account.Account.ToString(), account.Account.Channel, order.OrderId, order.Reason);
            }
            // Not read again as an open order: that would only fail the same way at every round.
            _openMcf.Forget(ConnectionKey(account), order.OrderId);
        }
        try
        {
            foreach (var order in page.Orders)
            {
                var (_, parcels, onSalesOrders) = await _linker.UpsertAsync(account.Account.TenantId, order, cancellationToken);
                _openMcf.Update(ConnectionKey(account), order.OrderId, order.PurchasedAt ?? now, [.. parcels, .. onSalesOrders], now);
                _setAside.Imported(account.Key, order.OrderId);
            }
            foreach (var region in page.ReadRegions)
            {
                _mcfListedAt[RegionKey(account, region)] = now;
            }
            LogMcfApplied(account.Account.ToString(), page.Orders.Count);
            await ReadOpenMcfOrdersAsync(amazon, account, page.Orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal), now, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreFailed(e, account.Account.ToString());
        }
    }

    /// <summary>
    /// Reads again the MCF orders whose parcels only Amazon's package tracking can move and that this round's listing
    /// did not bring (their order last changed when it shipped). One that Amazon no longer gives is let go; one whose
    /// read failed for now is tried at the next round.
    /// </summary>
    private async Task ReadOpenMcfOrdersAsync(
        AmazonMarketplaceClient amazon, SyncAccount account, IReadOnlySet<string> justRead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = ConnectionKey(account);
        var due = _openMcf.Due(connection, justRead, now);
        var read = 0;
        foreach (var (orderId, since) in due)
        {
            var page = await amazon.FetchMcfOrderAsync(account.Account, orderId, cancellationToken);
            if (!page.IsSuccess)
            {
                LogOrderFetchFailed(account.Account.ToString(), orderId, page.FailureReason!);
                if (!page.Transient)
                {
                    _openMcf.Forget(connection, orderId);
                }
                continue;
            }
            foreach (var unreadable in page.Unreadable)
            {
                // Let go as one Amazon no longer gives: reading it every round would only fail the same way. Named in the
                // account's last error until imported, as an order the listing could not read.
                _setAside.Add(account.Key, unreadable);
                LogOrderUnreadable(account.Account.ToString(), account.Account.Channel, unreadable.OrderId, unreadable.Reason);
            }
            if (page.Orders.Count == 0)
            {
                _openMcf.Forget(connection, orderId);
            }
            foreach (var order in page.Orders)
            {
                var (_, parcels, onSalesOrders) = await _linker.UpsertAsync(account.Account.TenantId, order, cancellationToken);
                _openMcf.Update(connection, order.OrderId, since, [.. parcels, .. onSalesOrders], now);
                _setAside.Imported(account.Key, order.OrderId);
            }
            read++;
        }
        if (due.Count > 0)
        {
            LogOpenMcfRead(account.Account.ToString(), read, due.Count);
        }
    }

    // ---- accounts ----

    /// <summary>Every account to sync (or only those of one tenant and channel): stored connections first, then configured ones.</summary>
    private async Task<IReadOnlyList<SyncAccount>> AccountsAsync(CancellationToken cancellationToken, (string TenantId, string Channel)? only = null)
    {
        var accounts = new List<SyncAccount>();
        foreach (var connection in await _orders.ListConnectionsAsync(cancellationToken))
        {
            if (!_clients.ContainsKey(connection.Channel) || (only is { } o && (o.TenantId != connection.TenantId || o.Channel != connection.Channel)))
            {
                continue;
            }
            var key = $"stored:{connection.TenantId}:{connection.Channel}";
            IReadOnlyDictionary<string, string> credentials;
            try
            {
                credentials = _protector.Unprotect(connection.TenantId, connection.Channel, connection.EncryptedCredentials);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Wrong or missing key, or a damaged row: say so on the connection, never what the row holds.
                var account = new SyncAccount(key, new MarketplaceAccount(connection.TenantId, connection.Channel, new Dictionary<string, string>(), []),
                    Stored: true, connection.Cursor, connection.ConnectedAt);
                var reason = $"the stored credentials cannot be decrypted ({e.GetType().Name}); check {MarketplaceSecurityOptions.KeyName} or connect again";
                LogAccountFailed(account.Account.ToString(), 0, reason);
                await RecordAsync(account, connection.Cursor, null, reason, cancellationToken);
                continue;
            }
            accounts.Add(new SyncAccount(key,
                new MarketplaceAccount(connection.TenantId, connection.Channel, credentials, connection.MarketplaceIds), Stored: true, connection.Cursor,
                connection.ConnectedAt));
        }
        for (var i = 0; i < _options.Accounts.Count; i++)
        {
            var configured = _options.Accounts[i];
            var channel = configured.Channel.Trim().ToLowerInvariant();
            if (!_clients.ContainsKey(channel) || (only is { } o && (o.TenantId != configured.Tenant.Trim() || o.Channel != channel)))
            {
                continue;
            }
            var key = ConfiguredKey(i);
            accounts.Add(new SyncAccount(key,
                new MarketplaceAccount(configured.Tenant.Trim(), channel, configured.Credentials, configured.MarketplaceIds),
                Stored: false, _configuredCursors.TryGetValue(key, out var cursor) ? cursor : ""));
        }
        return accounts;
    }

    private static string ConfiguredKey(int index) => $"config:{index}";

    /// <summary>
    /// Whether a stored connection is still the one <paramref name="account"/> was read from (not disconnected nor
    /// connected again since), asked of the store so a DisconnectMarketplace on any node stops this node's round at its
    /// next call to the marketplace. Configured accounts only change with the configuration. Throws when the store fails.
    /// </summary>
    private async Task<bool> StillConnectedAsync(SyncAccount account, CancellationToken cancellationToken)
    {
        if (!account.Stored)
        {
            return true;
        }
        var stored = await _orders.FindConnectionAsync(account.Account.TenantId, account.Account.Channel, cancellationToken);
        return stored?.ConnectedAt == account.ConnectedAt;
    }

    /// <param name="ConnectedAt">When a stored connection was made: a connection made again is a new one (unused for configured accounts).</param>
    private sealed record SyncAccount(string Key, MarketplaceAccount Account, bool Stored, string Cursor, DateTimeOffset ConnectedAt = default);

    /// <summary>
    /// Where an account's Amazon region is in the FBA report and MCF reads: regions move on independently, and a
    /// connection made again (other marketplaces, maybe another seller) starts afresh from the initial sync window, as
    /// its order cursor does. The entries of a replaced connection stay behind: a few bytes per ConnectMarketplace.
    /// </summary>
    private static string RegionKey(SyncAccount account, string region) =>
        $"{ConnectionKey(account)}|{region}";

    /// <summary>One connection of an account: connected again, it is another (see <see cref="RegionKey"/>).</summary>
    private static string ConnectionKey(SyncAccount account) => $"{account.Key}|{account.ConnectedAt.UtcTicks}";

    // ---- log ----

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Marketplace sync: {Account} done, {Orders} order(s) imported")]
    private partial void LogAccountSynced(string account, int orders);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Marketplace sync: {Account} failed after {Orders} order(s): {Reason}")]
    private partial void LogAccountFailed(string account, int orders, string reason);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Error, Message = "Marketplace sync: storing the orders of {Account} failed")]
    private partial void LogStoreFailed(Exception exception, string account);

    [LoggerMessage(EventId = 5404, Level = LogLevel.Error, Message = "Marketplace sync: recording the sync state of {Account} failed")]
    private partial void LogRecordFailed(Exception exception, string account);

    [LoggerMessage(EventId = 5405, Level = LogLevel.Error, Message = "Marketplace sync: the marketplace connections could not be read")]
    private partial void LogAccountsUnreadable(Exception exception);

    [LoggerMessage(EventId = 5406, Level = LogLevel.Warning, Message = "Marketplace sync: {Account} still had pages after {Pages}; the next round continues")]
    private partial void LogPageLimit(string account, int pages);

    [LoggerMessage(EventId = 5407, Level = LogLevel.Warning, Message = "FBA shipments report for {Account} failed: {Reason}")]
    private partial void LogFbaReportFailed(string account, string reason);

    [LoggerMessage(EventId = 5408, Level = LogLevel.Information, Message = "FBA shipments report for {Account}: {Orders} order(s) listed, " +
        "{Attached} stored order(s) updated ({AttachedLater} of them listed by an earlier report), {Kept} order(s) not stored yet kept for the next report, " +
        "{Dropped} given up (older than the initial sync window, or too many)")]
    private partial void LogFbaReportApplied(string account, int orders, int attached, int attachedLater, int kept, int dropped);

    [LoggerMessage(EventId = 5411, Level = LogLevel.Warning, Message = "Multi-Channel Fulfillment orders for {Account} failed: {Reason}")]
    private partial void LogMcfFailed(string account, string reason);

    [LoggerMessage(EventId = 5412, Level = LogLevel.Information, Message = "Multi-Channel Fulfillment orders for {Account}: {Orders} order(s) upserted")]
    private partial void LogMcfApplied(string account, int orders);

    [LoggerMessage(EventId = 5414, Level = LogLevel.Information,
        Message = "Multi-Channel Fulfillment orders for {Account}: {Read} of {Due} order(s) with a parcel only Amazon tracks read again")]
    private partial void LogOpenMcfRead(string account, int read, int due);

    [LoggerMessage(EventId = 5413, Level = LogLevel.Information,
        Message = "Marketplace sync: {Account} was connected again or disconnected during the round; the round's cursor is not recorded")]
    private partial void LogConnectionReplaced(string account);

    [LoggerMessage(EventId = 5416, Level = LogLevel.Information,
        Message = "Marketplace sync: {Account} was disconnected or connected again during the round; it stopped after {Orders} order(s), recording nothing")]
    private partial void LogConnectionGone(string account, int orders);

    [LoggerMessage(EventId = 5415, Level = LogLevel.Warning,
        Message = "Marketplace sync: {Account}: {Channel} order '{OrderId}' could not be read and was skipped (the rest of its page imported, or its notification answered): {Reason}")]
    private partial void LogOrderUnreadable(string account, string channel, string orderId, string reason);

    [LoggerMessage(EventId = 5409, Level = LogLevel.Information, Message = "Marketplace sync: {Account} order {OrderId} synced on notice")]
    private partial void LogOrderSynced(string account, string orderId);

    [LoggerMessage(EventId = 5410, Level = LogLevel.Warning, Message = "Marketplace sync: {Account} order {OrderId} could not be fetched: {Reason}")]
    private partial void LogOrderFetchFailed(string account, string orderId, string reason);
}

/// <summary>The last sync of one account: when it last succeeded, and the error of the last attempt ("" when it succeeded).</summary>
public sealed record AccountSyncStatus(string TenantId, string Channel, DateTimeOffset? LastSyncedAt, string LastError);

/// <summary>
/// One <c>Marketplaces:Accounts:N</c> entry as ListMarketplaceConnections shows it: its key, the names of its
/// credentials, and the last sync of it on this node (null before the first).
/// </summary>
public sealed record ConfiguredAccountState(
    string ConfigurationKey, string Channel, IReadOnlyList<string> MarketplaceIds, IReadOnlyList<string> CredentialKeys, AccountSyncStatus? Status);

/// <summary>What <see cref="MarketplaceSync.SyncOrderAsync"/> did.</summary>
public sealed record OrderSyncResult(OrderSyncOutcome Outcome, OrderState? Order = null, string Reason = "", bool Transient = false)
{
    public static readonly OrderSyncResult NotConnected = new(OrderSyncOutcome.NotConnected);

    public static OrderSyncResult Synced(OrderState? order) => new(OrderSyncOutcome.Synced, order);

    public static OrderSyncResult Failed(string reason, bool transient) => new(OrderSyncOutcome.Failed, null, reason, transient);

    /// <summary>
    /// Of two accounts' failures, the one that asks for a retry: the order may be on the account that failed for now
    /// (its notification must be redelivered), whatever another account answered for good ("no such order").
    /// </summary>
    public OrderSyncResult OrWorse(OrderSyncResult failure) => Outcome == OrderSyncOutcome.Failed && Transient ? this : failure;
}

public enum OrderSyncOutcome
{
    /// <summary>The order was fetched and stored.</summary>
    Synced,
    /// <summary>The tenant has no account on that channel.</summary>
    NotConnected,
    /// <summary>The marketplace could not give the order (see the reason).</summary>
    Failed,
}
