using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>OrderService over real gRPC: orders joined to tracked shipments, validation, tenancy, connections.</summary>
public sealed class OrderServiceTests
{
    private static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static UpsertOrderRequest Fbm(string orderId, params string[] numbers)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "amazon", OrderId = orderId, FulfillmentChannel = FulfillmentChannel.Merchant, Status = "Shipped",
                MarketplaceId = "A13V1IB3VIYZZH", BuyerLanguage = "fr-FR",
                PurchasedAt = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
                LatestShipDate = Timestamp.FromDateTimeOffset(now.AddDays(1)),
                LatestDeliveryDate = Timestamp.FromDateTimeOffset(now.AddDays(5)),
            },
        };
        request.Shipments.Add(numbers.Select(n => new OrderShipment { TrackingNumber = n }));
        return request;
    }

    [Fact]
    public async Task An_upserted_order_tracks_its_numbers_and_a_second_upsert_changes_nothing()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();

        var request = Fbm("171-0000001-0000001", Numbers.Sandbox(0), Numbers.Sandbox(1));
        var created = await orders.UpsertOrderAsync(request);
        var again = await orders.UpsertOrderAsync(request);

        Assert.Equal(2, created.Shipments.Count);
        Assert.All(created.Shipments, s =>
        {
            Assert.Equal("sandbox", s.Carrier);
            Assert.Equal("171-0000001-0000001", s.Order.OrderId);
            Assert.Equal(created.LatestDeliveryDate, s.PromisedBy);
        });
        Assert.Equal(1UL, created.Version);
        Assert.Equal(created.Version, again.Version);
        Assert.Equal(FulfillmentChannel.Merchant, again.FulfillmentChannel);
        var fetched = await orders.GetOrderAsync(new GetOrderRequest { Channel = "AMAZON", OrderId = "171-0000001-0000001" });
        Assert.Equal("fr-FR", fetched.BuyerLanguage);
        Assert.Equal(2, fetched.Shipments.Count);
        var shipment = await server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = created.Shipments[0].Id });
        Assert.Equal("amazon", shipment.Order.Channel);
    }

    [Fact]
    public async Task A_manual_order_can_be_marked_Prime_and_comes_back_so_from_Get_and_List()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var prime = Fbm("171-0000011-0000011", Numbers.Sandbox(0));
        prime.Order.Channel = "manual";
        prime.Order.IsPrime = true;
        var plain = Fbm("171-0000012-0000012");
        plain.Order.Channel = "manual";

        var created = await orders.UpsertOrderAsync(prime);
        await orders.UpsertOrderAsync(plain);
        var fetched = await orders.GetOrderAsync(new GetOrderRequest { Channel = "manual", OrderId = "171-0000011-0000011" });
        var listed = await orders.ListOrdersAsync(new ListOrdersRequest { Channel = "manual" });
        prime.Order.IsPrime = false;
        var unmarked = await orders.UpsertOrderAsync(prime);

        Assert.True(created.IsPrime);
        Assert.True(fetched.IsPrime);
        Assert.Equal([("171-0000012-0000012", false), ("171-0000011-0000011", true)], listed.Orders.Select(o => (o.OrderId, o.IsPrime)));
        Assert.False(unmarked.IsPrime);
        Assert.Equal(created.Version + 1, unmarked.Version);
    }

    [Fact]
    public async Task A_parcel_a_caller_links_carries_its_orders_promise_and_follows_it()
    {
        await using var server = await TestServer.StartAsync();
        var (orders, client) = (server.Orders(), server.Client());
        var known = Fbm("171-0000021-0000021");
        await orders.UpsertOrderAsync(known);
        async Task<Timestamp?> PromiseOf(string id) => (await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = id })).PromisedBy;
        Task<Shipment> Track(string number, string orderId) => client.TrackShipmentAsync(new TrackShipmentRequest
        {
            TrackingNumber = number, Order = new OrderReference { Channel = "amazon", OrderId = orderId },
        }).ResponseAsync;

        // Linked to a known order: its promise. Linked to an order not known yet: none, until the order arrives.
        var toKnown = await Track(Numbers.Sandbox(0), known.Order.OrderId);
        var toLater = await Track(Numbers.Sandbox(1), "171-0000022-0000022");
        Assert.Equal(known.Order.LatestDeliveryDate, toKnown.PromisedBy);
        Assert.Null(toLater.PromisedBy);
        var later = Fbm("171-0000022-0000022");
        later.Order.LatestDeliveryDate = Timestamp.FromDateTimeOffset(later.Order.LatestDeliveryDate.ToDateTimeOffset().AddDays(2));
        await orders.UpsertOrderAsync(later);
        Assert.Equal(later.Order.LatestDeliveryDate, await PromiseOf(toLater.Id));

        // Moved to the other order: that order's promise, not the first one's.
        var moved = await Track(toKnown.TrackingNumber, later.Order.OrderId);
        Assert.Equal(later.Order.LatestDeliveryDate, moved.PromisedBy);

        // The order's promise changes without its parcels listed again: they follow it.
        later.Order.LatestDeliveryDate = Timestamp.FromDateTimeOffset(later.Order.LatestDeliveryDate.ToDateTimeOffset().AddDays(1));
        await orders.UpsertOrderAsync(later);
        Assert.Equal(later.Order.LatestDeliveryDate, await PromiseOf(toLater.Id));
        Assert.Equal(later.Order.LatestDeliveryDate, await PromiseOf(moved.Id));
    }

    [Fact]
    public async Task A_parcel_in_trouble_moved_to_another_order_takes_its_risk_along_and_leaves_the_first_order_clear()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:00.100" });
        var (orders, client) = (server.Orders(), server.Client());
        // Scenario 6 ends LOST: a flag that stays as long as the parcel does.
        var first = Fbm("171-0000041-0000041", Numbers.Sandbox(6));
        await orders.UpsertOrderAsync(first);
        var second = Fbm("171-0000042-0000042");
        await orders.UpsertOrderAsync(second);
        Task<Order> Get(string id) => orders.GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = id }).ResponseAsync;
        await Eventually.UntilAsync(async () => (await Get(first.Order.OrderId)).Risks.Any(r => r.Kind == RiskKind.Lost),
            "the first order carries its parcel's LOST flag");

        await client.TrackShipmentAsync(new TrackShipmentRequest
        {
            TrackingNumber = first.Shipments[0].TrackingNumber,
            Order = new OrderReference { Channel = "amazon", OrderId = second.Order.OrderId },
        });

        await Eventually.UntilAsync(async () =>
            (await Get(first.Order.OrderId)).Risks.Count == 0 && (await Get(second.Order.OrderId)).Risks.Any(r => r.Kind == RiskKind.Lost),
            "the flag moved with the parcel", TimeSpan.FromSeconds(10));
        var lost = await orders.ListOrdersAsync(new ListOrdersRequest { RiskKinds = { RiskKind.Lost } });
        Assert.Equal(second.Order.OrderId, Assert.Single(lost.Orders).OrderId);
    }

    [Fact]
    public async Task Bad_orders_are_refused_field_by_field_and_nothing_is_written()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var number = Numbers.Sandbox(0);
        var request = Fbm("171-0000002-0000002", number, "12");
        request.Order.Channel = "";
        request.Order.LatestDeliveryDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-3));
        request.Shipments.Add(new OrderShipment { TrackingNumber = number });
        request.Shipments.Add(new OrderShipment { Carrier = "sandbox", TrackingNumber = "1Z999AA10123456784" });

        var error = await Assert.ThrowsAsync<RpcException>(() => orders.UpsertOrderAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("order.channel", error.Status.Detail);
        Assert.Contains("order.latest_delivery_date", error.Status.Detail);
        Assert.Contains("shipments[1].tracking_number", error.Status.Detail);
        Assert.Contains("shipments[2].tracking_number", error.Status.Detail);
        // A number that is not a sandbox number under carrier "sandbox" names that shipment's number.
        Assert.Contains("shipments[3].tracking_number", error.Status.Detail);
        var list = await server.Client().ListShipmentsAsync(new ListShipmentsRequest());
        Assert.Empty(list.Shipments);
        var empty = await orders.ListOrdersAsync(new ListOrdersRequest());
        Assert.Empty(empty.Orders);
    }

    [Fact]
    public async Task List_filters_are_checked_like_the_single_order_rpcs_and_an_empty_one_is_no_filter()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var client = server.Client();
        var created = await orders.UpsertOrderAsync(Fbm("171-0000006-0000006", Numbers.Sandbox(0)));

        var badChannel = await Assert.ThrowsAsync<RpcException>(() => orders.ListOrdersAsync(new ListOrdersRequest { Channel = "amazon!!" }).ResponseAsync);
        var longStatus = await Assert.ThrowsAsync<RpcException>(() => orders.ListOrdersAsync(new ListOrdersRequest { Status = new string('S', 65) }).ResponseAsync);
        var longOrderId = await Assert.ThrowsAsync<RpcException>(() => client.ListShipmentsAsync(new ListShipmentsRequest { OrderId = new string('1', 129) }).ResponseAsync);
        // Spelled as GetOrder takes them: channel in any case, ids and statuses trimmed.
        var byChannel = await orders.ListOrdersAsync(new ListOrdersRequest { Channel = " AMAZON ", Status = " Shipped " });
        var byOrder = await client.ListShipmentsAsync(new ListShipmentsRequest { OrderId = " 171-0000006-0000006 " });
        var every = await orders.ListOrdersAsync(new ListOrdersRequest { Channel = "", Status = "" });
        var all = await client.ListShipmentsAsync(new ListShipmentsRequest { OrderId = "" });

        Assert.All(new[] { badChannel, longStatus, longOrderId }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.StartsWith("channel:", badChannel.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("status:", longStatus.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("order_id:", longOrderId.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(created.OrderId, Assert.Single(byChannel.Orders).OrderId);
        Assert.Equal(created.Shipments[0].Id, Assert.Single(byOrder.Shipments).Id);
        Assert.Equal(created.OrderId, Assert.Single(every.Orders).OrderId);
        Assert.Equal(created.Shipments[0].Id, Assert.Single(all.Shipments).Id);
    }

    [Fact]
    public async Task Another_tenants_order_is_not_found()
    {
        await using var server = await TestServer.StartAsync();
        await server.Orders().UpsertOrderAsync(Fbm("171-0000003-0000003", Numbers.Sandbox(0)));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Orders(TestServer.KeyB).GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = "171-0000003-0000003" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Empty((await server.Orders(TestServer.KeyB).ListOrdersAsync(new ListOrdersRequest())).Orders);
    }

    [Fact]
    public async Task An_unshipped_order_past_its_ship_date_is_flagged_and_listed_by_risk()
    {
        await using var server = await TestServer.StartAsync();
        var orders = server.Orders();
        var late = Fbm("171-0000004-0000004");
        late.Order.PurchasedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-4));
        late.Order.LatestShipDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-2));
        late.Order.Status = "Unshipped";
        await orders.UpsertOrderAsync(late);
        var fba = Fbm("171-0000005-0000005", Numbers.Sandbox(0));
        fba.Order.FulfillmentChannel = FulfillmentChannel.Amazon;
        await orders.UpsertOrderAsync(fba);

        var risky = await orders.ListOrdersAsync(new ListOrdersRequest { RiskKinds = { RiskKind.LateShipment } });
        var amazon = await orders.ListOrdersAsync(new ListOrdersRequest { FulfillmentChannel = FulfillmentChannel.Amazon });
        var paged = await orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1 });
        var rest = await orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1, PageToken = paged.NextPageToken });

        var flagged = Assert.Single(risky.Orders);
        Assert.Equal("171-0000004-0000004", flagged.OrderId);
        var flag = Assert.Single(flagged.Risks);
        Assert.Equal(RiskKind.LateShipment, flag.Kind);
        Assert.True(flag.ActionRequired);
        Assert.Equal("171-0000005-0000005", Assert.Single(amazon.Orders).OrderId);
        Assert.Equal("171-0000005-0000005", Assert.Single(paged.Orders).OrderId);
        Assert.Equal("171-0000004-0000004", Assert.Single(rest.Orders).OrderId);
        Assert.Equal("", rest.NextPageToken);
    }

    [Fact]
    public async Task Marketplace_credentials_need_the_encryption_key_and_are_stored_encrypted_and_never_returned()
    {
        var connect = new ConnectMarketplaceRequest
        {
            Channel = "amazon",
            Credentials = { ["client_id"] = "amzn1.application-oa2-client.abc", ["client_secret"] = "super-secret-value", ["refresh_token"] = "Atzr|refresh-secret" },
            MarketplaceIds = { "A13V1IB3VIYZZH" },
        };
        await using (var keyless = await TestServer.StartAsync())
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => keyless.Orders().ConnectMarketplaceAsync(connect).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Contains("Marketplaces:EncryptionKey", refused.Status.Detail);
        }

        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Marketplaces:EncryptionKey"] = EncryptionKey });
        var bad = await Assert.ThrowsAsync<RpcException>(() => server.Orders().ConnectMarketplaceAsync(
            new ConnectMarketplaceRequest { Channel = "shopify", Credentials = { ["shop_domain"] = "x.myshopify.com" } }).ResponseAsync);
        Assert.Contains("credentials[access_token]", bad.Status.Detail);
        // The shop's token would go to that host at every sync: refused when connecting, not stored.
        var foreign = await Assert.ThrowsAsync<RpcException>(() => server.Orders().ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "shopify", Credentials = { ["shop_domain"] = "https://shop.example.com/", ["access_token"] = "shpat_0123456789" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, foreign.StatusCode);
        Assert.Contains("credentials[shop_domain]: shop_domain 'shop.example.com' is not a shop's myshopify.com domain", foreign.Status.Detail);

        var connection = await server.Orders().ConnectMarketplaceAsync(connect);

        Assert.Equal(["client_id", "client_secret", "refresh_token"], connection.CredentialKeys);
        Assert.DoesNotContain("super-secret-value", connection.ToString());
        var stored = Assert.Single(await server.Get<IOrderStore>().ListConnectionsAsync(CancellationToken.None));
        Assert.Equal(["A13V1IB3VIYZZH"], stored.MarketplaceIds);
        Assert.DoesNotContain("super-secret-value", System.Text.Encoding.UTF8.GetString(stored.EncryptedCredentials));
        var decrypted = server.Get<LogisticsLink.Server.Orders.CredentialProtector>().Unprotect(stored.TenantId, "amazon", stored.EncryptedCredentials);
        Assert.Equal("super-secret-value", decrypted["client_secret"]);
    }

    [Fact]
    public async Task Connections_are_listed_with_their_sync_state_and_a_disconnected_one_is_gone_with_its_credentials()
    {
        OrderStoreGate? gate = null;
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Marketplaces:EncryptionKey"] = EncryptionKey },
            services: services => gate = OrderStoreGate.Install(services));
        // No sync round reads the connections: none may call a real marketplace, nor race the sync state recorded below.
        gate!.BeforeEach(nameof(IOrderStore.ListConnectionsAsync), args => Task.Delay(Timeout.Infinite, (CancellationToken)args[0]!));
        var orders = server.Orders();
        var tenantB = server.Orders(TestServer.KeyB);
        await orders.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "amazon", MarketplaceIds = { "A13V1IB3VIYZZH" },
            Credentials = { ["client_id"] = "amzn1.application-oa2-client.abc", ["client_secret"] = "super-secret-value", ["refresh_token"] = "Atzr|refresh-secret" },
        });
        await orders.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "shopify", Credentials = { ["shop_domain"] = "seller.myshopify.com", ["access_token"] = "shpat_secret-token" },
        });
        await tenantB.ConnectMarketplaceAsync(new ConnectMarketplaceRequest
        {
            Channel = "shopify", Credentials = { ["shop_domain"] = "other.myshopify.com", ["access_token"] = "shpat_other-token" },
        });
        await orders.UpsertOrderAsync(Fbm("171-0000009-0000009", Numbers.Sandbox(0)));
        // The Amazon account's last round failed: the operator must see it without reading the logs.
        var store = server.Get<IOrderStore>();
        var amazon = (await store.FindConnectionAsync("tenant-a", "amazon", CancellationToken.None))!;
        var syncedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await store.RecordSyncAsync("tenant-a", "amazon", amazon.ConnectedAt, "cursor", syncedAt, "amazon: the refresh token was revoked", CancellationToken.None);

        var listed = await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest());

        Assert.Equal(["amazon", "shopify"], listed.Connections.Select(c => c.Channel));
        var failing = listed.Connections[0];
        Assert.Equal(("amazon: the refresh token was revoked", syncedAt), (failing.LastError, failing.LastSyncedAt.ToDateTimeOffset()));
        Assert.Equal(["client_id", "client_secret", "refresh_token"], failing.CredentialKeys);
        Assert.Equal(["A13V1IB3VIYZZH"], failing.MarketplaceIds);
        Assert.Null(listed.Connections[1].LastSyncedAt);
        Assert.Equal(["access_token", "shop_domain"], listed.Connections[1].CredentialKeys);
        Assert.Equal("", listed.Connections[1].LastError);
        Assert.All(listed.Connections, c => Assert.Equal("", c.ConfigurationKey));
        Assert.All(listed.Connections, c => Assert.NotNull(c.ConnectedAt));
        Assert.DoesNotContain("super-secret-value", listed.ToString());
        Assert.DoesNotContain("shpat_secret-token", listed.ToString());
        Assert.Equal(["shopify"], (await tenantB.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.Select(c => c.Channel));

        var removed = await orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = " Amazon " });

        Assert.Equal(("amazon", "amazon: the refresh token was revoked"), (removed.Connection.Channel, removed.Connection.LastError));
        Assert.Equal(["shopify"], (await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.Select(c => c.Channel));
        Assert.Null(await store.FindConnectionAsync("tenant-a", "amazon", CancellationToken.None));
        // The orders stay; the other tenant's connection on the same channel is not the caller's to remove.
        Assert.Single((await orders.GetOrderAsync(new GetOrderRequest { Channel = "amazon", OrderId = "171-0000009-0000009" })).Shipments);
        var again = await Assert.ThrowsAsync<RpcException>(() => orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "amazon" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        Assert.Contains("No amazon connection", again.Status.Detail);
        var foreign = await Assert.ThrowsAsync<RpcException>(() => tenantB.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "ebay" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => orders.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "etsy" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("channel: must be one of amazon, shopify, ebay", unknown.Status.Detail);
        await tenantB.DisconnectMarketplaceAsync(new DisconnectMarketplaceRequest { Channel = "shopify" });
        Assert.Equal(["shopify"], (await orders.ListMarketplaceConnectionsAsync(new ListMarketplaceConnectionsRequest())).Connections.Select(c => c.Channel));
    }

    [Fact]
    public async Task A_bad_encryption_key_stops_the_server_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestServer.StartAsync(settings: new Dictionary<string, string> { ["Marketplaces:EncryptionKey"] = "dG9vIHNob3J0" }));

        Assert.Contains("Marketplaces:EncryptionKey", error.Message);
    }
}
