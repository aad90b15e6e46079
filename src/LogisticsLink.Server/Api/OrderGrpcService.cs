using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Marketplaces;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Support;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;
using DomainFulfillment = LogisticsLink.Domain.Orders.FulfillmentChannel;
using DomainMetrics = LogisticsLink.Domain.Orders.SellerMetrics;

namespace LogisticsLink.Server.Api;

/// <summary>The OrderService contract: validates, scopes every call to the caller's tenant, delegates.</summary>
public sealed class OrderGrpcService(
    IOrderStore orders,
    OrderLinker linker,
    CarrierGateway carriers,
    CredentialProtector protector,
    MarketplaceOptions marketplaces,
    MarketplaceSync sync,
    OpenClaims claims,
    IOptions<RiskRules> risks,
    TimeProvider time) : OrderService.OrderServiceBase
{
    private static readonly TimeSpan DefaultMetricsWindow = TimeSpan.FromDays(30);

    public override async Task<Order> UpsertOrder(UpsertOrderRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var imported = OrderRequests.Upsert(violations, request, time.GetUtcNow());
        violations.ThrowIfAny();
        if (imported.Packages.FirstOrDefault(p => !carriers.IsEnabled(p.Carrier)) is { } disabled)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Carrier '{disabled.Carrier}' is not enabled on this server."));
        }
        var (order, shipments, _) = await linker.UpsertAsync(tenant, imported, context.CancellationToken);
        return OrderMapper.ToProto(order, shipments, await claims.OfAsync(tenant, order, context.CancellationToken));
    }

    public override async Task<Order> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var (channel, orderId) = OrderRequests.OrderKey(violations, request.Channel, request.OrderId);
        violations.ThrowIfAny();
        var stored = await orders.FindOrderByIdOrNameAsync(tenant, channel, orderId, "order_id", context.CancellationToken)
            ?? throw Violations.NotFound($"No {channel} order '{orderId}' is known.");
        return OrderMapper.ToProto(stored.State,
            await orders.ListOrderShipmentsAsync(tenant, channel, stored.State.OrderId, context.CancellationToken),
            await claims.OfAsync(tenant, stored.State, context.CancellationToken));
    }

    public override async Task<ListOrdersResponse> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        // Filters follow the single-order rules: a channel or status no order could have is refused, not answered with nothing.
        var channel = SupportRequests.Channel(violations, "channel", request.Channel);
        var status = OrderRequests.Status(violations, "status", request.Status);
        if (!System.Enum.IsDefined((DomainFulfillment)request.FulfillmentChannel))
        {
            violations.Add("fulfillment_channel", $"'{request.FulfillmentChannel}' is not a fulfillment channel");
        }
        var risks = OrderRequests.RiskKinds(violations, request.RiskKinds);
        var pageSize = OrderRequests.PageSize(violations, request.PageSize);
        var before = PageTokens.Decode(violations, PageTokens.Orders, request.PageToken);
        violations.ThrowIfAny();

        var page = await orders.ListOrdersAsync(tenant, new OrderQuery(
            channel, (DomainFulfillment)request.FulfillmentChannel, risks, status, null, null, pageSize, before),
            context.CancellationToken);
        var response = new ListOrdersResponse { NextPageToken = PageTokens.Encode(PageTokens.Orders, page.NextKey) };
        foreach (var order in page.Orders)
        {
            var shipments = await orders.ListOrderShipmentsAsync(tenant, order.Channel, order.OrderId, context.CancellationToken);
            response.Orders.Add(OrderMapper.ToProto(order, shipments, await claims.OfAsync(tenant, order, context.CancellationToken)));
        }
        return response;
    }

    public override async Task<MarketplaceConnection> ConnectMarketplace(ConnectMarketplaceRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var (channel, credentials, marketplaceIds) = OrderRequests.Connect(violations, request);
        // Refused now rather than stored and failing every sync: the access token is never sent to such a host.
        if (channel == ShopifyMarketplaceClient.ChannelName && credentials.TryGetValue("shop_domain", out var shop) && shop.Length > 0
            && ShopifyMarketplaceClient.ShopDomainProblem(shop, marketplaces) is { } problem)
        {
            violations.Add("credentials[shop_domain]", problem);
        }
        violations.ThrowIfAny();
        if (!protector.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"{MarketplaceSecurityOptions.KeyName} is not configured: credentials cannot be stored encrypted."));
        }
        var now = time.GetUtcNow();
        await orders.SaveConnectionAsync(new MarketplaceConnectionRecord(
            tenant, channel, protector.Protect(tenant, channel, credentials), marketplaceIds, now, "", null, ""), context.CancellationToken);
        return new MarketplaceConnection
        {
            Channel = channel,
            MarketplaceIds = { marketplaceIds },
            CredentialKeys = { credentials.Keys.Order(StringComparer.Ordinal) },
            ConnectedAt = Timestamp.FromDateTimeOffset(now),
        };
    }

    public override async Task<ListMarketplaceConnectionsResponse> ListMarketplaceConnections(
        ListMarketplaceConnectionsRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var response = new ListMarketplaceConnectionsResponse();
        foreach (var stored in await orders.ListTenantConnectionsAsync(tenant, context.CancellationToken))
        {
            response.Connections.Add(MarketplaceConnectionMapper.ToProto(stored, protector));
        }
        response.Connections.Add(sync.ConfiguredAccountsOf(tenant).Select(MarketplaceConnectionMapper.ToProto));
        return response;
    }

    public override async Task<DisconnectMarketplaceResponse> DisconnectMarketplace(DisconnectMarketplaceRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var channel = OrderRequests.MarketplaceChannel(violations, "channel", request.Channel);
        violations.ThrowIfAny();
        if (await orders.DeleteConnectionAsync(tenant, channel, context.CancellationToken) is { } removed)
        {
            return new DisconnectMarketplaceResponse { Connection = MarketplaceConnectionMapper.ToProto(removed, protector) };
        }
        // Configuration is read at start-up and on every node: an RPC removing it here would see it come back.
        var configured = sync.ConfiguredAccountsOf(tenant).Where(a => a.Channel == channel).Select(a => a.ConfigurationKey).ToList();
        if (configured.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The {channel} account of this tenant is given in the server's configuration ({string.Join(", ", configured)}), not connected " +
                "with ConnectMarketplace: remove it from the configuration to stop its sync."));
        }
        throw Violations.NotFound($"No {channel} connection is known for this tenant (never connected, or disconnected already).");
    }

    public override async Task<V1.SellerMetrics> GetSellerMetrics(GetSellerMetricsRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var now = time.GetUtcNow();
        var violations = new Violations();
        var askedTo = RequestTimes.BusinessDate(violations, "to", request.To);
        var askedFrom = RequestTimes.BusinessDate(violations, "from", request.From);
        violations.ThrowIfAny();
        var to = askedTo ?? now;
        var from = askedFrom ?? to - DefaultMetricsWindow;
        if (from >= to)
        {
            throw Violations.Single("from", "must be before to");
        }
        if (to - from > TimeSpan.FromDays(366))
        {
            throw Violations.Single("from", "the window is at most 366 days");
        }
        var window = new List<(OrderState, IReadOnlyList<Domain.Shipments.ShipmentState>)>();
        for (var before = 0L; ;)
        {
            var page = await orders.ListOrdersAsync(tenant,
                new OrderQuery("", DomainFulfillment.Unspecified, [], "", from, to, OrderRequests.MaxPageSize, before), context.CancellationToken);
            foreach (var order in page.Orders)
            {
                window.Add((order, await orders.ListOrderShipmentsAsync(tenant, order.Channel, order.OrderId, context.CancellationToken)));
            }
            if (page.NextKey == 0)
            {
                break;
            }
            before = page.NextKey;
        }
        var metrics = DomainMetrics.Compute(window, from, to, now, await OrdersWithRisksAsync(tenant, context.CancellationToken), risks.Value);
        var response = new V1.SellerMetrics
        {
            ValidTrackingRate = metrics.ValidTrackingRate,
            ShippedPackageCount = (uint)metrics.ShippedPackages,
            ValidTrackingCount = (uint)metrics.ValidTrackingPackages,
            OnTimeDeliveryRate = metrics.OnTimeDeliveryRate,
            OnTimeEligibleCount = (uint)metrics.OnTimeEligible,
            OnTimeDeliveredCount = (uint)metrics.OnTimeDelivered,
            LateShipmentRate = metrics.LateShipmentRate,
            ShipDueOrderCount = (uint)metrics.ShipDueOrders,
            LateShipmentCount = (uint)metrics.LateShipments,
            From = Timestamp.FromDateTimeOffset(from),
            To = Timestamp.FromDateTimeOffset(to),
        };
        response.OpenRisks.Add(metrics.OpenRisks.OrderBy(r => r.Key).Select(r => new RiskCount { Kind = (V1.RiskKind)r.Key, Count = (uint)r.Value }));
        return response;
    }

    /// <summary>Every order of the tenant carrying any risk, whatever its dates: the open risks are not windowed.</summary>
    private async Task<List<OrderState>> OrdersWithRisksAsync(string tenant, CancellationToken cancellationToken)
    {
        var anyRisk = System.Enum.GetValues<Domain.Risks.RiskKind>().Where(k => k != Domain.Risks.RiskKind.Unspecified).ToList();
        var found = new List<OrderState>();
        for (var before = 0L; ;)
        {
            var page = await orders.ListOrdersAsync(tenant,
                new OrderQuery("", DomainFulfillment.Unspecified, anyRisk, "", null, null, OrderRequests.MaxPageSize, before), cancellationToken);
            found.AddRange(page.Orders);
            if (page.NextKey == 0)
            {
                return found;
            }
            before = page.NextKey;
        }
    }
}
