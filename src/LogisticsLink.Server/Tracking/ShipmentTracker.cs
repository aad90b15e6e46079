using System.Collections.Concurrent;
using Google.Protobuf;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// The one write path for shipments: carrier answer → <see cref="Tracker"/> decides → store commits → hub fans out.
/// Refreshes are single-flight per shipment: however many callers ask at once, the carrier is asked once.
/// </summary>
public sealed partial class ShipmentTracker(
    IShipmentStore store,
    IOrderStore orders,
    CarrierGateway carriers,
    ChangeHub hub,
    ShipmentCache cache,
    KnownEventsCache knownEvents,
    OrderReviewQueue orderReviews,
    IOptions<SchedulerOptions> scheduler,
    IOptions<RiskRules> risks,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ShipmentTracker> logger)
{
    /// <summary>The <c>source</c> of events that a carrier or an aggregator pushed to the server.</summary>
    public const string PushSource = "webhook";

    private const int MaxConflictRetries = 5;
    // One refresh in flight per shipment, started lazily so a lost GetOrAdd race starts nothing.
    private readonly ConcurrentDictionary<string, Lazy<Task<(StoredShipment, bool)>>> _refreshing = new(StringComparer.Ordinal);

    /// <summary>Tracks a parcel; returns the existing shipment when the tenant already tracks it.</summary>
    /// <param name="byCaller">A caller asked to track it (TrackShipment), not an order's import.</param>
    public async Task<StoredShipment> RegisterAsync(
        string tenantId, string carrier, string trackingNumber, OrderLink order,
        IReadOnlyDictionary<string, string> labels, bool byCaller, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await store.FindParcelAsync(tenantId, carrier, trackingNumber, cancellationToken);
            var now = time.GetUtcNow();
            try
            {
                if (existing is null)
                {
                    var id = "shp_" + Guid.CreateVersion7(now).ToString("N");
                    return await CommitAsync(
                        Tracker.Register(id, tenantId, carrier, trackingNumber, order, labels, now, byCaller: byCaller), 0, "", cancellationToken);
                }
                var update = Tracker.UpdateDetails(existing.State, order, labels, now, Rules, byCaller);
                update = Rescheduled(update, existing.State, now);
                // Whether a caller tracks it, whether it is polled: nothing a subscriber sees, stored all the same.
                return update.HasChanges || update.State.NotPolled != existing.State.NotPolled
                    || update.State.TrackedByCaller != existing.State.TrackedByCaller
                    ? await CommitAsync(update, existing.Revision, "", cancellationToken)
                    : existing;
            }
            catch (Exception e) when (e is DuplicateShipmentException or ConcurrencyConflictException && attempt < MaxConflictRetries)
            {
                // Someone else registered or changed it between our read and write: read again.
            }
        }
    }

    /// <summary>
    /// Asks the carrier about a shipment now. Concurrent calls for one shipment share one carrier call, and a caller
    /// whose data was checked at or after <paramref name="freshEnoughSince"/> by a refresh that just finished gets that
    /// result instead of a new call. The work runs on the server's lifetime, not the caller's: a caller that gives up
    /// does not waste the answer.
    /// </summary>
    public async Task<StoredShipment> RefreshAsync(StoredShipment shipment, DateTimeOffset? freshEnoughSince = null)
    {
        var (result, fromStore) = await _refreshing.GetOrAdd(shipment.State.Id, _ => new(() => RunRefreshAsync(shipment, freshEnoughSince))).Value;
        if (fromStore && freshEnoughSince is { } since && !(result.State.LastCheckedAt >= since))
        {
            // Joined a flight that, accepting an older check than this caller does, answered with one instead of asking
            // the carrier: one more flight, which asks unless a check fresh enough for this caller has landed meanwhile.
            // (A flight that asked the carrier is shared by everyone who joined it, however late: one call for all.)
            (result, _) = await _refreshing.GetOrAdd(shipment.State.Id, _ => new(() => RunRefreshAsync(result, since))).Value;
        }
        return result;
    }

    public bool IsRefreshing(string shipmentId) => _refreshing.ContainsKey(shipmentId);

    /// <returns>The shipment after the refresh, and whether it came from the store without asking the carrier.</returns>
    private async Task<(StoredShipment Shipment, bool FromStore)> RunRefreshAsync(StoredShipment shipment, DateTimeOffset? freshEnoughSince)
    {
        var token = lifetime.ApplicationStopping;
        try
        {
            await Task.Yield();
            // Other nodes may refresh the same shipment; one carrier call at a time, cluster-wide.
            await using var exclusive = await store.LockRefreshAsync(shipment.State.Id, token);
            if (freshEnoughSince is { } since)
            {
                // The caller read its copy before another flight finished: that flight's answer is fresh enough.
                var latest = await store.FindAsync(shipment.State.TenantId, shipment.State.Id, token);
                if (latest?.State.LastCheckedAt >= since)
                {
                    return (latest, true);
                }
                shipment = latest ?? shipment;
            }
            if (shipment.State.NotPolled)
            {
                // Its carrier's connector cannot know it: what is stored (the marketplace's status for an FBA/MCF parcel) is
                // the freshest there is, and no later flight would do better (so not reported as a stored answer to try again).
                return (shipment, false);
            }
            if (await IsDeliveredByAmazonAsync(shipment.State, token))
            {
                LogStoppedPollingAmazonDelivered(shipment.State.Id, shipment.State.Order.OrderId);
                return (await ChangeAsync(shipment, Tracker.StopPolling, token), false);
            }
            var result = await AskCarrierAsync(shipment.State, token);
            return (await ApplyResultAsync(shipment, result, token), false);
        }
        finally
        {
            _refreshing.TryRemove(shipment.State.Id, out _);
        }
    }

    /// <summary>
    /// Applies what a carrier pushed (a webhook) exactly as a poll's answer is applied: <see cref="Tracker.Apply"/>
    /// against the stored history (so a scan already known adds nothing), the next check rescheduled, one commit
    /// re-applied on a concurrent write, then the hub. Every event is recorded with the source
    /// <see cref="PushSource"/>. Needs no refresh lock: the commit's revision check orders it against polls.
    /// </summary>
    public Task<StoredShipment> ApplyPushedAsync(StoredShipment shipment, CarrierSnapshot snapshot, CancellationToken cancellationToken)
    {
        var pushed = snapshot with { Events = snapshot.Events.Select(e => e with { Source = PushSource }).ToList() };
        return ApplyResultAsync(shipment, CarrierResult.Success(pushed), cancellationToken);
    }

    private async Task<StoredShipment> ApplyResultAsync(StoredShipment shipment, CarrierResult result, CancellationToken token)
    {
        var state = shipment.State;
        var current = shipment;
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            KnownEvents? known = null;
            ShipmentChangeSet changes;
            if (result.Snapshot is { } snapshot)
            {
                known = knownEvents.Find(state.Id, current.State.Version) ?? await store.GetKnownEventsAsync(state.Id, token);
                changes = Tracker.Apply(current.State, known, snapshot, now, Rules);
            }
            else
            {
                changes = Tracker.MarkRefreshFailed(current.State, now, Rules);
            }
            changes = WithNextCheck(changes, now, result.Snapshot is null ? result.RetryNotBefore : null);
            try
            {
                var committed = await CommitAsync(changes, current.Revision, result.Snapshot?.PayloadSha256 ?? "", token);
                if (known is not null)
                {
                    knownEvents.Remember(committed.State, known.With(changes.AddedEvents));
                }
                return committed;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                current = await store.FindAsync(state.TenantId, state.Id, token)
                    ?? throw new InvalidOperationException($"Shipment {state.Id} disappeared while a carrier's answer was applied.");
            }
        }
    }

    /// <summary>
    /// An FBA or MCF parcel Amazon delivers itself that an earlier version stored without marking it
    /// <see cref="ShipmentState.NotPolled"/> (and that no import reaches back far enough to mark now): told apart at its
    /// next check, once, by its order, so that neither a migration nor a sweep at start-up reads every shipment.
    /// </summary>
    private async Task<bool> IsDeliveredByAmazonAsync(ShipmentState state, CancellationToken token) =>
        AmazonDeliveredParcels.MayBeDeliveredByAmazon(state)
        && await orders.FindOrderAsync(state.TenantId, state.Order.Channel, state.Order.OrderId, token) is { } order
        && AmazonDeliveredParcels.IsDeliveredByAmazon(state, order.State);

    private async Task<CarrierResult> AskCarrierAsync(ShipmentState state, CancellationToken token)
    {
        CarrierResult result;
        try
        {
            result = await carriers.TrackAsync(state.Carrier, new CarrierRequest(state.TrackingNumber, state.CreatedAt), token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // An adapter bug must cost one refresh, never the loop.
            result = CarrierResult.Failure(e.Message);
        }
        if (result.DailyQuotaSpent)
        {
            // Until the reset every refresh of the carrier's parcels is refused: the carrier's quota logged the day
            // being spent once, at Warning; one line per parcel would flood the log.
            LogRefreshRefused(state.Carrier, state.Id, result.FailureReason ?? "");
        }
        else if (!result.IsSuccess)
        {
            LogRefreshFailed(state.Carrier, state.Id, result.FailureReason ?? "");
        }
        return result;
    }

    private TrackerRules Rules => new(scheduler.Value.ExpireUnknownAfter) { Risks = risks.Value };

    /// <summary>When the carrier is asked next, from the shipment's new status (none once it is terminal).</summary>
    /// <summary>
    /// A decision that changes the status, or whether the parcel is polled, moves its next check as a carrier's answer
    /// does (an EXPIRED parcel Amazon's status brings back is due again; one no longer polled is never due).
    /// </summary>
    private ShipmentChangeSet Rescheduled(ShipmentChangeSet changes, ShipmentState before, DateTimeOffset now) =>
        changes.Kinds.HasFlag(ChangeKinds.StatusChanged) || changes.State.NotPolled != before.NotPolled ? WithNextCheck(changes, now) : changes;

    /// <param name="notBefore">A refused carrier's "not before" (<see cref="CarrierResult.RetryNotBefore"/>).</param>
    private ShipmentChangeSet WithNextCheck(ShipmentChangeSet changes, DateTimeOffset now, DateTimeOffset? notBefore = null)
    {
        var next = RefreshSchedule.NextCheck(
            changes.State, now, scheduler.Value.Intervals, Random.Shared.NextDouble(), carriers.CadenceOf(changes.State.Carrier), notBefore);
        return changes with { State = changes.State with { NextCheckAt = next } };
    }

    /// <summary>
    /// Applies a decision that needs no carrier call (linking to an order, re-judging risks as time passes, Amazon's
    /// status for an FBA/MCF parcel) to the latest stored state, reading again when another writer got there first.
    /// A decision that changes the status reschedules the next check as a carrier's answer does: an EXPIRED parcel
    /// (never polled) that Amazon's status brings back must be polled again; so does one whose carrier is no longer to
    /// be asked (<see cref="ShipmentState.NotPolled"/>), which is then never due. A decision that changes nothing a
    /// subscriber sees (when the risks are due to be judged again, that the carrier is not to be asked) is stored
    /// without a change-log entry: a sweep that found nothing new must not find the same shipment again.
    /// </summary>
    public async Task<StoredShipment> ChangeAsync(
        StoredShipment shipment, Func<ShipmentState, DateTimeOffset, TrackerRules, ShipmentChangeSet> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var changes = decide(shipment.State, now, Rules);
            if (!changes.HasChanges && changes.State.RiskCheckAt == shipment.State.RiskCheckAt && changes.State.NotPolled == shipment.State.NotPolled
                && changes.State.ShippedByAmazon == shipment.State.ShippedByAmazon)
            {
                return shipment;
            }
            changes = Rescheduled(changes, shipment.State, now);
            try
            {
                return await CommitAsync(changes, shipment.Revision, "", cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                shipment = await store.FindAsync(shipment.State.TenantId, shipment.State.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Shipment {shipment.State.Id} disappeared during a change.");
            }
        }
    }

    private async Task<StoredShipment> CommitAsync(
        ShipmentChangeSet changes, long expectedRevision, string payloadSha256, CancellationToken cancellationToken)
    {
        var payload = changes.HasChanges ? ShipmentMapper.ToChange(changes).ToByteArray() : null;
        var reviews = changes.HasChanges ? OrdersToReview(changes) : [];
        var committed = await store.CommitAsync(
            new ShipmentCommit(changes.State, expectedRevision, changes.AddedEvents, changes.Kinds, changes.PreviousStatus, payload, payloadSha256)
            {
                OrdersToReview = reviews,
            },
            cancellationToken);
        cache.Invalidate(changes.State.Id);
        if (committed.Sequence > 0)
        {
            var s = changes.State;
            hub.OnCommitted(new ChangeRecord(
                committed.Sequence, s.TenantId, s.Id, changes.Kinds, changes.PreviousStatus, s.Status, s.Version, committed.CommittedAt, payload!));
            foreach (var order in reviews)
            {
                orderReviews.Enqueue(s.TenantId, order);
            }
        }
        return new StoredShipment(changes.State, committed.Revision);
    }

    /// <summary>
    /// The orders to judge again after a change: marked in its transaction (so a restart or a failed judgement loses
    /// none, <see cref="OrderReviewer"/>'s sweep finds them), then queued to be judged at once.
    /// </summary>
    private static IReadOnlyList<OrderLink> OrdersToReview(ShipmentChangeSet changes)
    {
        var orders = new List<OrderLink>(2);
        var s = changes.State;
        if (!s.Order.IsNone && (changes.OrderLinkChanged || (changes.Kinds & OrderReviewQueue.RelevantKinds) != 0))
        {
            orders.Add(s.Order);
        }
        // A parcel that moved to another order (or was unlinked) must stop counting in the one it left: its risks,
        // its ship time. The new order is judged above even when the parcel's own flags did not change.
        if (changes.OrderLinkChanged && !changes.PreviousOrder.IsNone)
        {
            orders.Add(changes.PreviousOrder);
        }
        return orders;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Shipment {ShipmentId} is a parcel Amazon delivers itself for FBA/MCF order {OrderId}: no longer polled through Amazon Shipping, which cannot know it")]
    private partial void LogStoppedPollingAmazonDelivered(string shipmentId, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh of {Carrier} shipment {ShipmentId} failed: {Reason}")]
    private partial void LogRefreshFailed(string carrier, string shipmentId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refresh of {Carrier} shipment {ShipmentId} refused: {Reason}")]
    private partial void LogRefreshRefused(string carrier, string shipmentId, string reason);
}
