using Grpc.Core;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// ListMarketplaceConnections and DisconnectMarketplace against the running sync: the sandbox gives tenant-a an account
/// on each marketplace in configuration, tenant-b connects its own.
/// </summary>
public sealed class MarketplaceDisconnectTests
{
    [Fact]
    public async Task An_account_given_in_configuration_is_listed_with_its_sync_state_and_only_configuration_removes_it()
    {
        await using var server = await SandboxMarketplaceServer.StartAsync();
        var orders = server.Orders();

        ListMarketplaceConnectionsResponse? listed = null;
        await Eventually.UntilAsync(async () =>
            (listed = await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.All(c => c.LastSyncedAt is not null),
            "the configured accounts' first sync is listed");

        Assert.Equal([("amazon", "Marketplaces:Accounts:0"), ("shopify", "Marketplaces:Accounts:1"), ("ebay", "Marketplaces:Accounts:2")],
            listed!.Connections.Select(c => (c.Channel, c.ConfigurationKey)));
        Assert.All(listed.Connections, c => Assert.Null(c.ConnectedAt));
        Assert.Equal(["access_token", "shop_domain"], listed.Connections[1].CredentialKeys);
        Assert.DoesNotContain(SandboxMarketplaces.ShopifyAccessToken, listed.ToString());
        Assert.Equal(SandboxMarketplaces.AmazonMarketplaceIds, listed.Connections[0].MarketplaceIds);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "shopify" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("Marketplaces:Accounts:1", refused.Status.Detail);
        Assert.Contains("remove it from the configuration", refused.Status.Detail);

        // A connection of the same channel made over the API beside it is the caller's to remove; the configured one stays.
        await orders.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "shopify",
            Credentials = { ["shop_domain"] = SandboxMarketplaces.ShopDomain, ["access_token"] = SandboxMarketplaces.ShopifyAccessToken },
        });
        Assert.Equal(["shopify", "amazon", "shopify", "ebay"],
            (await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.Select(c => c.Channel));
        var removed = await orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "shopify" });
        Assert.Equal("", removed.Connection.ConfigurationKey);
        Assert.Equal(["Marketplaces:Accounts:0", "Marketplaces:Accounts:1", "Marketplaces:Accounts:2"],
            (await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.Select(c => c.ConfigurationKey));
        var second = await Assert.ThrowsAsync<RpcException>(() =>
            orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "shopify" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, second.StatusCode);
    }

    [Fact]
    public async Task A_connection_removed_while_a_round_reads_it_is_not_brought_back_nor_synced_again()
    {
        // tenant-b's account reads Canada (North America), then Germany (Europe): one page per region.
        var gate = new AmazonSearchGate(Canada);
        var germanSearches = new AmazonSearchCounter(AmazonDemoCatalogue.De);
        OrderStoreGate? store = null;
        await using var server = await SandboxMarketplaceServer.StartAsync(services: services =>
        {
            services.AddHttpClient(nameof(AmazonMarketplaceClient)).AddHttpMessageHandler(gate.Handler).AddHttpMessageHandler(germanSearches.Handler);
            store = OrderStoreGate.Install(services);
        });
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon",
            Credentials = { ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
                ["refresh_token"] = SandboxMarketplaces.AmazonRefreshToken },
            MarketplaceIds = { Canada, AmazonDemoCatalogue.De },
        });
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // The seller revoked the app: the operator removes the account while a round is asking Amazon with it.
        var removed = await tenantB.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "amazon" });
        var roundsStarted = 0;
        store!.BeforeEach(nameof(IOrderStore.ListConnectionsAsync), _ =>
        {
            Interlocked.Increment(ref roundsStarted);
            return Task.CompletedTask;
        });
        gate.Open();
        await gate.Answered.WaitAsync(TimeSpan.FromSeconds(30));
        // Every round reads the connections first, and the next one starts when the held one has ended.
        await Eventually.UntilAsync(() => Volatile.Read(ref roundsStarted) >= 2, "two more rounds started after the held one");

        Assert.Equal("amazon", removed.Connection.Channel);
        // The held round stops with the page it was reading: Europe is not asked with the removed credentials.
        Assert.Equal(0, germanSearches.Count);
        Assert.DoesNotContain(await server.Get<IOrderStore>().ListConnectionsAsync(CancellationToken.None), c => c.TenantId == "tenant-b");
        Assert.Empty((await tenantB.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections);
        Assert.Equal(OrderSyncOutcome.NotConnected,
            (await server.Get<MarketplaceSync>().SyncOrderAsync("tenant-b", "amazon", "113-5550001-0000010", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_connection_removed_while_it_waits_for_its_turn_in_a_round_is_never_asked()
    {
        // Accounts stored before tenant-b's, each reading Japan only, take every parallel slot of the round while their
        // search is held; tenant-b's German account waits for its turn. Japan: Amazon's Far East region, which the demo
        // seller's account does not read; with the same sandbox credentials it would otherwise share their region's
        // searchOrders budget (20 searches, then one per 3 minutes), and its own searches could leave none for them.
        var aheadOfB = Enumerable.Range(0, MarketplaceSync.MaxParallelAccounts).Select(i => $"tenant-0{i}").ToList();
        var hold = new AmazonSearchHold(Japan, aheadOfB.Count);
        var germanSearches = new AmazonSearchCounter(AmazonDemoCatalogue.De);
        OrderStoreGate? store = null;
        await using var server = await SandboxMarketplaceServer.StartAsync(services: services =>
        {
            services.AddHttpClient(nameof(AmazonMarketplaceClient)).AddHttpMessageHandler(hold.Handler).AddHttpMessageHandler(germanSearches.Handler);
            store = OrderStoreGate.Install(services);
        });
        // No round reads the connections until all are stored: the round that reads them holds all the slots.
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store!.BeforeEach(nameof(IOrderStore.ListConnectionsAsync), _ => stored.Task);
        var protector = server.Get<LogisticsLink.Server.Orders.CredentialProtector>();
        var credentials = new Dictionary<string, string>
        {
            ["client_id"] = SandboxMarketplaces.AmazonClientId, ["client_secret"] = SandboxMarketplaces.AmazonClientSecret,
            ["refresh_token"] = SandboxMarketplaces.AmazonRefreshToken,
        };
        foreach (var tenant in aheadOfB)
        {
            await server.Get<IOrderStore>().SaveConnectionAsync(new MarketplaceConnectionRecord(
                tenant, "amazon", protector.Protect(tenant, "amazon", credentials), [Japan], DateTimeOffset.UtcNow, "", null, ""), CancellationToken.None);
        }
        var tenantB = server.Orders(TestServer.KeyB);
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon", Credentials = { credentials }, MarketplaceIds = { AmazonDemoCatalogue.De },
        });
        stored.SetResult();
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        await tenantB.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "amazon" });
        var roundsStarted = 0;
        store.BeforeEach(nameof(IOrderStore.ListConnectionsAsync), _ =>
        {
            Interlocked.Increment(ref roundsStarted);
            return Task.CompletedTask;
        });
        hold.Open();
        await Eventually.UntilAsync(() => Volatile.Read(ref roundsStarted) >= 2, "two more rounds started after the held one");

        Assert.Equal(0, germanSearches.Count);
    }

    private const string Canada = "A2EUQ1WTGCTBG2";
    private const string Japan = "A1VC38T7YXB528";
}
