using Google.Protobuf;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.Storage.Sql;

namespace LogisticsLink.Server.Orders;

/// <summary>
/// Joins orders to shipments: every tracking number of an order becomes a tracked shipment linked to it (carrying
/// the order's promise), and the order's own state and risks are committed to the same change log as shipments.
/// </summary>
public sealed partial class OrderLinker(
    IOrderStore orders, ISupportStore support, ShipmentTracker tracker, ChangeHub hub, TimeProvider time, ILogger<OrderLinker> logger)
{
    private const int MaxConflictRetries = 5;

    /// <summary>Creates or updates an order and its shipments; idempotent per (tenant, channel, order id).</summary>
    public async Task<(OrderState Order, IReadOnlyList<ShipmentState> Shipments)> UpsertAsync(
        string tenantId, ImportedOrder imported, CancellationToken cancellationToken)
    {
        var link = new OrderLink(imported.Channel, imported.OrderId);
        var firstShipped = await LinkPackagesAsync(tenantId, link, imported.LatestDeliveryDate, imported.Packages, cancellationToken);
        return await CommitAsync(tenantId, link, existing => (existing ?? NewOrder(tenantId, imported)) with
        {
            FulfillmentChannel = imported.FulfillmentChannel,
            Status = imported.Status,
            MarketplaceId = imported.MarketplaceId,
            BuyerLanguage = imported.BuyerLanguage,
            PurchasedAt = imported.PurchasedAt,
            LatestShipDate = imported.LatestShipDate,
            LatestDeliveryDate = imported.LatestDeliveryDate,
            IsPrime = imported.IsPrime,
            OrderName = imported.OrderName,
            ShippedAt = Earliest(existing?.ShippedAt, firstShipped),
        }, cancellationToken);
    }

    /// <summary>
    /// Links more parcels to a stored order without touching what the marketplace said about the order itself (FBA
    /// parcels from Amazon's shipments report, a Shopify fulfillment webhook). Null when the order is not stored.
    /// </summary>
    public async Task<(OrderState Order, IReadOnlyList<ShipmentState> Shipments)?> AttachPackagesAsync(
        string tenantId, OrderLink link, IReadOnlyList<ImportedPackage> packages, CancellationToken cancellationToken)
    {
        if (await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken) is not { } stored)
        {
            return null;
        }
        var firstShipped = await LinkPackagesAsync(tenantId, link, stored.State.LatestDeliveryDate, packages, cancellationToken);
        return await CommitAsync(tenantId, link, existing => (existing ?? stored.State) with
        {
            ShippedAt = Earliest(existing?.ShippedAt, firstShipped),
        }, cancellationToken);
    }

    /// <summary>Registers and links each parcel; the earliest time one was shipped, or null when none was linked.</summary>
    private async Task<DateTimeOffset?> LinkPackagesAsync(
        string tenantId, OrderLink link, DateTimeOffset? promisedBy, IReadOnlyList<ImportedPackage> packages, CancellationToken cancellationToken)
    {
        DateTimeOffset? firstShipped = null;
        foreach (var package in packages)
        {
            var number = Api.TrackingRequests.NormalizeNumber(package.TrackingNumber);
            var carrier = package.Carrier.Length > 0 ? package.Carrier : OrderPackages.DetectCarrier(number);
            if (carrier is null)
            {
                LogPackageSkipped(link.Channel, link.OrderId, package.CarrierName);
                continue;
            }
            var stored = await tracker.RegisterAsync(tenantId, carrier, number, link, ShipmentState.EmptyLabels, cancellationToken);
            stored = await tracker.ChangeAsync(stored,
                (s, now, rules) => Tracker.LinkOrder(s, link, promisedBy, now, rules), cancellationToken);
            if (package.AmazonStatus is { } amazonStatus)
            {
                // FBA and MCF parcels: Amazon's word is what the buyer sees. A newer carrier scan still wins (Tracker rules).
                var snapshot = new CarrierSnapshot(amazonStatus, [], package.EstimatedArrival, StatusDescription: package.AmazonStatusText);
                await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.Apply(s, [], snapshot, now, rules), cancellationToken);
            }
            else if (package.EstimatedArrival is { } eta && stored.State.EstimatedDelivery is null)
            {
                var snapshot = new CarrierSnapshot(null, [], eta);
                await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.Apply(s, [], snapshot, now, rules), cancellationToken);
            }
            var shippedAt = package.ShippedAt ?? stored.State.CreatedAt;
            firstShipped = firstShipped is { } f && f < shippedAt ? f : shippedAt;
        }
        return firstShipped;
    }

    /// <summary>Judges an order's risks again (one of its shipments changed, or time passed).</summary>
    public async Task ReassessAsync(string tenantId, OrderLink link, CancellationToken cancellationToken)
    {
        if (await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken) is not null)
        {
            await CommitAsync(tenantId, link, existing => existing!, cancellationToken);
        }
    }

    /// <summary>
    /// Judges an order again after a claim was registered on it, so CLAIM_OPEN and the claims' deadlines go out on the
    /// stream as an order change. Null when the order is not stored.
    /// </summary>
    public async Task<OrderState?> ClaimsChangedAsync(string tenantId, OrderLink link, CancellationToken cancellationToken)
    {
        if (await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken) is null)
        {
            return null;
        }
        return (await CommitAsync(tenantId, link, existing => existing!, cancellationToken, claimsChanged: true)).Item1;
    }

    private async Task<(OrderState, IReadOnlyList<ShipmentState>)> CommitAsync(
        string tenantId, OrderLink link, Func<OrderState?, OrderState> update, CancellationToken cancellationToken, bool claimsChanged = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
            var shipments = await orders.ListOrderShipmentsAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
            var now = time.GetUtcNow();
            var next = update(existing?.State);
            next = next with
            {
                ShippedAt = Earliest(next.ShippedAt, shipments.Count > 0 ? shipments.Min(s => s.CreatedAt) : null),
            };
            // Claims only come through RegisterClaim: an order never flagged CLAIM_OPEN has none, and is not asked for them.
            var claims = claimsChanged || existing?.State.Risks.Any(r => r.Kind == RiskKind.ClaimOpen) == true
                ? await support.ListClaimsAsync(tenantId, link.Channel, link.OrderId, cancellationToken)
                : [];
            next = next with { Risks = OrderRisks.Evaluate(next, shipments, now, claims) };
            if (existing is not null && SameOrder(existing.State, next))
            {
                return (existing.State, shipments);
            }
            next = next with { Version = (existing?.State.Version ?? 0) + 1, UpdatedAt = now };
            var payload = OrderMapper.ToChange(next, shipments, claims).ToByteArray();
            try
            {
                var committed = await orders.CommitOrderAsync(new OrderCommit(next, existing?.Revision ?? 0, payload), cancellationToken);
                hub.OnCommitted(new ChangeRecord(committed.Sequence, tenantId, SqlShipmentStore.OrderLogKey(link.Channel, link.OrderId),
                    ChangeKinds.OrderChanged, TrackingStatus.Unspecified, TrackingStatus.Unspecified, next.Version, committed.CommittedAt, payload));
                return (next, shipments);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateOrderException && attempt < MaxConflictRetries)
            {
                // Another writer moved the order on between our read and write: read again.
            }
        }
    }

    private OrderState NewOrder(string tenantId, ImportedOrder imported)
    {
        var now = time.GetUtcNow();
        return new OrderState { TenantId = tenantId, Channel = imported.Channel, OrderId = imported.OrderId, CreatedAt = now, UpdatedAt = now };
    }

    private static bool SameOrder(OrderState a, OrderState b) =>
        a with { Risks = b.Risks, Version = b.Version, UpdatedAt = b.UpdatedAt } == b && a.Risks.SameAs(b.Risks);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && (b is not { } y || x <= y) ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a {Channel} order {OrderId} package from carrier '{CarrierName}': no carrier could be decided for its number")]
    private partial void LogPackageSkipped(string channel, string orderId, string carrierName);
}
