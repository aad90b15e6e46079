using Google.Protobuf;
using LogisticsLink.Carriers;
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
/// A parcel the marketplace listed for the order and lists no more (its fulfillment cancelled, its number replaced)
/// leaves the order, so that nobody answers the buyer about a number that will never move; so does a parcel whose
/// package the marketplace now tracks by another number (<see cref="ImportedPackage.Replaces"/>). The order's ship time is
/// decided again at every commit from the parcels linked then (<see cref="OrderShipTime"/>), so a parcel that left
/// stops counting in it.
/// </summary>
public sealed partial class OrderLinker(
    IOrderStore orders, IShipmentStore shipments, ISupportStore support, ShipmentTracker tracker, ChangeHub hub, TimeProvider time,
    ILogger<OrderLinker> logger)
{
    // Two bounds, not one: a round judged again because a parcel changed meanwhile is not a lost write, and must not use up
    // the tries a write conflict after it is owed (nor the other way round).
    private const int MaxConflictRetries = 5;
    private const int MaxRejudgements = 5;

    /// <summary>Creates or updates an order and its shipments; idempotent per (tenant, channel, order id).</summary>
    /// <returns>
    /// The order, the shipments linked to it, and the order's parcels that stay on the order of another channel they
    /// ship (an MCF order's, see <see cref="LinkPackagesAsync"/>): not the order's, but still its packages.
    /// </returns>
    public async Task<(OrderState Order, IReadOnlyList<ShipmentState> Shipments, IReadOnlyList<ShipmentState> OnSalesOrders)> UpsertAsync(
        string tenantId, ImportedOrder imported, CancellationToken cancellationToken)
    {
        var link = new OrderLink(imported.Channel, imported.OrderId);
        if (await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken) is { } held
            && IsOlderThanHeld(imported, held.State))
        {
            // A webhook's fetch and a periodic sync raced, and this copy is the older one: its parcel list is older too,
            // so it neither links nor drops a parcel. The order is judged again as any commit would.
            LogStaleSnapshot(link.Channel, link.OrderId, imported.LastUpdatedAt!.Value, held.State.MarketplaceUpdatedAt!.Value);
            var (kept, keptShipments) = await CommitAsync(tenantId, link, existing => existing, cancellationToken);
            return (kept!, keptShipments, []);
        }
        var onSalesOrders = new List<ShipmentState>();
        var linked = await LinkPackagesAsync(tenantId, link, imported.LatestDeliveryDate, imported.Packages, imported.ListsEveryPackage,
            imported.FulfillmentChannel == FulfillmentChannel.ThirdParty ? onSalesOrders : null, cancellationToken);
        await ReconcileLinkedAsync(tenantId, link, linked, imported.ListsEveryPackage, imported.LatestDeliveryDate, cancellationToken);
        // Checked again at the commit: a newer copy may have been committed while this one linked its parcels.
        var (order, shipments) = await CommitAsync(tenantId, link, existing => existing is not null && IsOlderThanHeld(imported, existing)
            ? existing
            : FromSnapshot(tenantId, imported, existing), cancellationToken);
        return (order!, shipments, onSalesOrders);
    }

    /// <summary>The order as the marketplace's snapshot states it, on top of what is stored of it.</summary>
    private OrderState FromSnapshot(string tenantId, ImportedOrder imported, OrderState? existing) =>
        (existing ?? NewOrder(tenantId, imported)) with
        {
            // An import without a time (an internal system's) has nothing to compare: the time held stays for the next.
            MarketplaceUpdatedAt = imported.LastUpdatedAt ?? existing?.MarketplaceUpdatedAt,
            FulfillmentChannel = imported.FulfillmentChannel,
            Status = imported.Status,
            MarketplaceId = imported.MarketplaceId,
            BuyerLanguage = imported.BuyerLanguage,
            PurchasedAt = imported.PurchasedAt,
            LatestShipDate = imported.LatestShipDate,
            LatestDeliveryDate = imported.LatestDeliveryDate,
            IsPrime = imported.IsPrime,
            OrderName = imported.OrderName,
        };

    /// <summary>
    /// Links more parcels to a stored order without touching what the marketplace said about the order itself (FBA
    /// parcels from Amazon's shipments report). How many parcels were linked (a parcel whose carrier or number is
    /// unusable is skipped); null when the order is not stored. Not the marketplace's list of the order's parcels (an
    /// Amazon import never lists FBA's), so it marks nothing as listed by the marketplace.
    /// </summary>
    public Task<int?> AttachPackagesAsync(
        string tenantId, OrderLink link, IReadOnlyList<ImportedPackage> packages, CancellationToken cancellationToken) =>
        AttachAsync(tenantId, link, packages, listedByMarketplace: false, cancellationToken);

    /// <summary>
    /// Links the parcels of one of the order's own fulfillments in the marketplace (a Shopify fulfillment webhook), as
    /// <see cref="AttachPackagesAsync"/> does, but as parcels the marketplace lists: the next import that lists the
    /// order's every parcel without them undoes the link. A late or repeated notice of a fulfillment cancelled since so
    /// does not keep its parcel on the order.
    /// </summary>
    public Task<int?> AttachFulfillmentAsync(
        string tenantId, OrderLink link, IReadOnlyList<ImportedPackage> packages, CancellationToken cancellationToken) =>
        AttachAsync(tenantId, link, packages, listedByMarketplace: true, cancellationToken);

    private async Task<int?> AttachAsync(
        string tenantId, OrderLink link, IReadOnlyList<ImportedPackage> packages, bool listedByMarketplace, CancellationToken cancellationToken)
    {
        if (await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken) is not { } stored)
        {
            return null;
        }
        var linked = await LinkPackagesAsync(tenantId, link, stored.State.LatestDeliveryDate, packages, listedByMarketplace, keptOnSalesOrders: null, cancellationToken);
        await CommitAsync(tenantId, link, existing => existing ?? stored.State, cancellationToken);
        return linked.Count;
    }

    /// <summary>
    /// Registers and links each parcel with the ship time the marketplace stated for it (kept with the parcel, so the
    /// order's ship time can be decided again later); the ids of the shipments linked.
    /// </summary>
    /// <param name="keptOnSalesOrders">
    /// Given when the order is a fulfillment of a sale made elsewhere (Amazon MCF shipping a Shopify or eBay order): a
    /// parcel already on an order of another channel stays there, since that is the order the buyer knows and asks
    /// about, and the MCF connector wrote the same number into it. It still takes Amazon's status, and is added here.
    /// </param>
    private async Task<HashSet<string>> LinkPackagesAsync(
        string tenantId, OrderLink link, DateTimeOffset? promisedBy, IReadOnlyList<ImportedPackage> packages, bool listed,
        List<ShipmentState>? keptOnSalesOrders, CancellationToken cancellationToken)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            var number = Api.TrackingRequests.NormalizeNumber(package.TrackingNumber);
            var carrier = package.Carrier.Length > 0 ? package.Carrier : OrderPackages.DetectCarrier(number);
            if (carrier is null)
            {
                LogPackageSkipped(link.Channel, link.OrderId, package.CarrierName);
                continue;
            }
            // The same rule as TrackShipment's: a marketplace's number is free text ("N/A", "see notes"), and a number no
            // caller could track must not be polled, counted in risks or quoted to a buyer. The rest of the order imports.
            if (Api.TrackingRequests.NumberProblem(number, carrier) is { } problem)
            {
                LogPackageNumberRefused(link.Channel, link.OrderId, package.CarrierName, problem);
                continue;
            }
            number = Api.TrackingRequests.StoredForm(number, carrier);
            if (keptOnSalesOrders is not null && await shipments.FindParcelAsync(tenantId, carrier, number, cancellationToken) is { } onSale
                && !onSale.State.Order.IsNone && onSale.State.Order.Channel != link.Channel)
            {
                LogPackageKeptOnSalesOrder(link.OrderId, carrier, number, onSale.State.Order.Channel, onSale.State.Order.OrderId);
                keptOnSalesOrders.Add((await TakeAmazonStatusAsync(onSale, package, cancellationToken)).State);
                await UnlinkReplacedAsync(tenantId, link, package, carrier, number, linked, cancellationToken);
                continue;
            }
            var stored = await tracker.RegisterAsync(tenantId, carrier, number, link, ShipmentState.EmptyLabels, byCaller: false, cancellationToken);
            stored = await tracker.ChangeAsync(stored,
                (s, now, rules) => Tracker.LinkOrder(s, link, promisedBy, listed, now, rules, package.ShippedAt), cancellationToken);
            linked.Add(stored.State.Id);
            await TakeAmazonStatusAsync(stored, package, cancellationToken);
            await UnlinkReplacedAsync(tenantId, link, package, carrier, number, linked, cancellationToken);
        }
        return linked;
    }

    /// <summary>
    /// The package now tracked by its carrier's number was tracked before by another (an MCF package's <c>AFTN…</c>, an
    /// Amazon Shipping label an earlier version stored bare, <c>TBA…</c>, that Amazon places in <c>AMZN_US</c>): that
    /// parcel leaves the order, so the order counts one package once, in its risks, ship time and evidence, and it is no
    /// longer polled (also when an earlier import unlinked it already): asking about it would only spend the carrier's
    /// calls. Only once the new number is on an order: a package whose new number was refused keeps the parcel it had.
    /// The parcel itself is kept, with its history.
    /// </summary>
    private async Task UnlinkReplacedAsync(
        string tenantId, OrderLink link, ImportedPackage package, string carrier, string number, HashSet<string> linkedNow,
        CancellationToken cancellationToken)
    {
        if (package.Replaces is not { } former)
        {
            return;
        }
        var formerNumber = Api.TrackingRequests.StoredForm(Api.TrackingRequests.NormalizeNumber(former.TrackingNumber), former.Carrier);
        if ((former.Carrier, formerNumber) == (carrier, number)
            || await shipments.FindParcelAsync(tenantId, former.Carrier, formerNumber, cancellationToken) is not { } stored
            || linkedNow.Contains(stored.State.Id) || (stored.State.Order != link && !stored.State.Order.IsNone))
        {
            return;
        }
        var wasLinked = stored.State.Order == link;
        var after = await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.UnlinkReplaced(s, link, now, rules), cancellationToken);
        if (wasLinked && after.State.Order.IsNone)
        {
            LogReplacedPackageUnlinked(link.Channel, link.OrderId, former.Carrier, formerNumber, carrier, number);
        }
    }

    /// <summary>
    /// FBA and MCF parcels: Amazon ships them (so their tracking is not the seller's to make valid, see
    /// <see cref="ShipmentState.ShippedByAmazon"/>), and Amazon's word is what the buyer sees. A newer carrier scan still wins (Tracker rules). One
    /// that Amazon delivers itself takes its status from Amazon's import only and is never polled: the <c>amazon</c>
    /// connector is Amazon Shipping, which tracks the labels sellers buy from it, not the parcels Amazon ships from its
    /// own stock (reference: marketplaces.md §1.7, carriers.md §1.8).
    /// </summary>
    private async Task<StoredShipment> TakeAmazonStatusAsync(StoredShipment stored, ImportedPackage package, CancellationToken cancellationToken)
    {
        if (package.ShippedByAmazon && !stored.State.ShippedByAmazon)
        {
            stored = await tracker.ChangeAsync(stored, Tracker.MarkShippedByAmazon, cancellationToken);
        }
        if (package.ShippedByAmazon && stored.State.Carrier == CarrierCodes.Amazon && !stored.State.NotPolled)
        {
            stored = await tracker.ChangeAsync(stored, Tracker.StopPolling, cancellationToken);
        }
        if (package.AmazonStatus is { } amazonStatus)
        {
            var snapshot = new CarrierSnapshot(amazonStatus, [], package.EstimatedArrival, StatusDescription: package.AmazonStatusText);
            return await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.Apply(s, [], snapshot, now, rules), cancellationToken);
        }
        if (package.EstimatedArrival is { } eta && stored.State.EstimatedDelivery is null)
        {
            var snapshot = new CarrierSnapshot(null, [], eta);
            return await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.Apply(s, [], snapshot, now, rules), cancellationToken);
        }
        return stored;
    }

    /// <summary>
    /// The order's other linked parcels (a caller's or 3PL's, or ones this import did not list): a parcel the
    /// marketplace listed before and <paramref name="listsEvery"/> import no longer lists leaves the order; the others
    /// take the order's promise, which may have changed.
    /// </summary>
    private async Task ReconcileLinkedAsync(
        string tenantId, OrderLink link, HashSet<string> listedNow, bool listsEvery, DateTimeOffset? promisedBy, CancellationToken cancellationToken)
    {
        foreach (var linked in await orders.ListOrderShipmentsAsync(tenantId, link.Channel, link.OrderId, cancellationToken))
        {
            var dropped = listsEvery && linked.ListedByMarketplace;
            if (listedNow.Contains(linked.Id) || (!dropped && linked.PromisedBy == promisedBy)
                || await shipments.FindAsync(tenantId, linked.Id, cancellationToken) is not { } stored)
            {
                continue;
            }
            if (!dropped)
            {
                await TakePromiseAsync(stored, link, promisedBy, cancellationToken);
                continue;
            }
            var after = await tracker.ChangeAsync(stored, (s, now, rules) => Tracker.UnlinkOrder(s, link, now, rules), cancellationToken);
            if (after.State.Order.IsNone)
            {
                LogPackageDropped(link.Channel, link.OrderId, linked.Carrier, linked.TrackingNumber);
            }
        }
    }

    /// <summary>
    /// A caller linked a parcel to an order (TrackShipment with an order reference): it carries that order's promise, or
    /// none while the order is not known (an UpsertOrder gives it one later).
    /// </summary>
    public async Task<StoredShipment> CarryPromiseAsync(string tenantId, StoredShipment shipment, CancellationToken cancellationToken)
    {
        var link = shipment.State.Order;
        if (link.IsNone)
        {
            return shipment;
        }
        var order = await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
        var promisedBy = order?.State.LatestDeliveryDate;
        return await TakePromiseAsync(shipment, link, promisedBy, cancellationToken);
    }

    /// <summary>Gives a parcel still linked to <paramref name="link"/> that order's promise; one moved meanwhile is left as it is.</summary>
    private Task<StoredShipment> TakePromiseAsync(StoredShipment shipment, OrderLink link, DateTimeOffset? promisedBy, CancellationToken cancellationToken) =>
        tracker.ChangeAsync(shipment, (s, now, rules) => s.Order == link
            ? Tracker.LinkOrder(s, link, promisedBy, listedByMarketplace: false, now, rules)
            : Tracker.Reassess(s, now, rules), cancellationToken);

    /// <summary>
    /// Judges an order's risks again (one of its shipments changed, or time passed), and records that it was judged on
    /// every change marked for it, also when it is not stored (a parcel linked to an order never imported).
    /// </summary>
    public Task ReassessAsync(string tenantId, OrderLink link, CancellationToken cancellationToken) =>
        CommitAsync(tenantId, link, existing => existing, cancellationToken);

    /// <summary>
    /// Judges an order again after a claim was registered on it, so CLAIM_OPEN and the claims' deadlines go out on the
    /// stream as an order change. Null when the order is not stored.
    /// </summary>
    public async Task<OrderState?> ClaimsChangedAsync(string tenantId, OrderLink link, CancellationToken cancellationToken) =>
        (await CommitAsync(tenantId, link, existing => existing, cancellationToken)).Order;

    /// <summary>
    /// Decides the order from what is stored now and commits it when it changed: <paramref name="update"/> gives the
    /// order before its ship time and risks are decided, or null when there is none to store. A shipment change after
    /// the reads marks the order again: what was decided is stored all the same (an order whose parcels change faster
    /// than it is judged must not be starved), and the order is decided again at once; after a few rounds it is left
    /// marked, for the review queue the change also went to, or for the order sweep. The order's risks are never left
    /// decided on a shipment state that a later change replaced with nothing to judge it again. A write that another
    /// writer of the order got in before is decided again too, with tries of its own: out of them with nothing of this
    /// call's stored, the conflict is the caller's (a webhook answers it 503 retry).
    /// </summary>
    private async Task<(OrderState? Order, IReadOnlyList<ShipmentState> Shipments)> CommitAsync(
        string tenantId, OrderLink link, Func<OrderState?, OrderState?> update, CancellationToken cancellationToken)
    {
        // What this call committed: once stored, a later judgement that loses to other writers fails nobody (they wrote on
        // top of it, and judge the order themselves).
        (OrderState Order, IReadOnlyList<ShipmentState> Shipments)? stored = null;
        var conflicts = 0;
        var rejudgements = 0;
        bool JudgeAgain()
        {
            if (rejudgements == MaxRejudgements)
            {
                return false;
            }
            rejudgements++;
            return true;
        }
        while (true)
        {
            // Read before the shipments: a shipment change committed after this read has moved the mark by the time of
            // the commit, which then reports the order still to judge.
            var mark = await orders.FindReviewMarkAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
            var existing = await orders.FindOrderAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
            var shipments = await orders.ListOrderShipmentsAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
            var now = time.GetUtcNow();
            try
            {
                if (update(existing?.State) is not { } next)
                {
                    // No order to judge: the marks are done with all the same.
                    if (await RecordReviewedAsync(tenantId, link, mark, cancellationToken) && JudgeAgain())
                    {
                        continue;
                    }
                    return (null, shipments);
                }
                // Never carried over from the stored order: a parcel that left it or was voided must stop counting.
                next = next with { ShippedAt = OrderShipTime.Of(next, shipments) };
                // Read for every order, not only one flagged CLAIM_OPEN already: any judgement flags a claim stored unflagged.
                var claims = await support.ListClaimsAsync(tenantId, link.Channel, link.OrderId, cancellationToken);
                next = next with { Risks = OrderRisks.Evaluate(next, shipments, now, claims) };
                var quiet = false;
                if (existing is not null && SameOrder(existing.State, next))
                {
                    if (existing.State.MarketplaceUpdatedAt == next.MarketplaceUpdatedAt)
                    {
                        if (await RecordReviewedAsync(tenantId, link, mark, cancellationToken) && JudgeAgain())
                        {
                            continue;
                        }
                        return (existing.State, shipments);
                    }
                    // Only the marketplace's time moved: kept for judging later copies, but nothing a subscriber sees changed.
                    quiet = true;
                    next = next with { Version = existing.State.Version, UpdatedAt = existing.State.UpdatedAt };
                }
                else
                {
                    next = next with { Version = (existing?.State.Version ?? 0) + 1, UpdatedAt = now };
                }
                var payload = quiet ? null : OrderMapper.ToChange(next, shipments, claims).ToByteArray();
                var committed = await orders.CommitOrderAsync(
                    new OrderCommit(next, existing?.Revision ?? 0, payload) { ReviewMark = mark.Marked }, cancellationToken);
                if (payload is not null)
                {
                    hub.OnCommitted(new ChangeRecord(committed.Sequence, tenantId, SqlShipmentStore.OrderLogKey(link.Channel, link.OrderId),
                        ChangeKinds.OrderChanged, TrackingStatus.Unspecified, TrackingStatus.Unspecified, next.Version, committed.CommittedAt, payload));
                }
                stored = (next, shipments);
                // A parcel change committed between our reads and the commit: decide again on the parcels as they stand
                // now. So also for a new order, which such a change had no stored order to mark.
                if ((committed.ReviewPending || existing is null) && JudgeAgain())
                {
                    continue;
                }
                return (next, shipments);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateOrderException && conflicts < MaxConflictRetries)
            {
                // Another writer moved the order on between our reads and write: read again.
                conflicts++;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateOrderException && stored is { } ours)
            {
                // Out of tries, with this call's order stored already.
                return ours;
            }
        }
    }

    /// <summary>
    /// Records a judgement that changed nothing; true when the order was marked again meanwhile. With no mark pending
    /// when read there is nothing to record: a mark since came with its own review.
    /// </summary>
    private async Task<bool> RecordReviewedAsync(string tenantId, OrderLink link, OrderReviewMark mark, CancellationToken cancellationToken) =>
        mark.Pending && await orders.RecordReviewedAsync(tenantId, link.Channel, link.OrderId, mark.Marked, cancellationToken);

    private OrderState NewOrder(string tenantId, ImportedOrder imported)
    {
        var now = time.GetUtcNow();
        return new OrderState { TenantId = tenantId, Channel = imported.Channel, OrderId = imported.OrderId, CreatedAt = now, UpdatedAt = now };
    }

    /// <summary>What subscribers see of the order is unchanged (the marketplace's last-update time is not part of it).</summary>
    private static bool SameOrder(OrderState a, OrderState b) =>
        a with { Risks = b.Risks, Version = b.Version, UpdatedAt = b.UpdatedAt, MarketplaceUpdatedAt = b.MarketplaceUpdatedAt } == b
        && a.Risks.SameAs(b.Risks);

    /// <summary>
    /// The marketplace changed the order after the copy being imported was taken: the held snapshot is the newer one.
    /// Equal times are not older (Shopify's have whole seconds: two changes in one second must both apply).
    /// </summary>
    private static bool IsOlderThanHeld(ImportedOrder imported, OrderState held) =>
        imported.LastUpdatedAt is { } incoming && held.MarketplaceUpdatedAt is { } heldAt && incoming < heldAt;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Kept {Channel} order {OrderId} as the marketplace last changed it at {HeldAt}: the copy imported now dates from {SnapshotAt}")]
    private partial void LogStaleSnapshot(string channel, string orderId, DateTimeOffset snapshotAt, DateTimeOffset heldAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a {Channel} order {OrderId} package from carrier '{CarrierName}': no carrier could be decided for its number")]
    private partial void LogPackageSkipped(string channel, string orderId, string carrierName);

    // Not the number itself: it is whatever the merchant typed, and the reason says what is wrong with it.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a {Channel} order {OrderId} package from carrier '{CarrierName}': its tracking number {Problem}")]
    private partial void LogPackageNumberRefused(string channel, string orderId, string carrierName, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCF order {OrderId}: {Carrier} parcel {TrackingNumber} stays on {Channel} order {SalesOrderId}, the sale it ships")]
    private partial void LogPackageKeptOnSalesOrder(string orderId, string carrier, string trackingNumber, string channel, string salesOrderId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Unlinked {Carrier} parcel {TrackingNumber} from {Channel} order {OrderId}: the same package is now tracked as {NewCarrier} {NewTrackingNumber}")]
    private partial void LogReplacedPackageUnlinked(
        string channel, string orderId, string carrier, string trackingNumber, string newCarrier, string newTrackingNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unlinked {Carrier} parcel {TrackingNumber} from {Channel} order {OrderId}: the marketplace no longer lists it (cancelled or replaced)")]
    private partial void LogPackageDropped(string channel, string orderId, string carrier, string trackingNumber);
}
