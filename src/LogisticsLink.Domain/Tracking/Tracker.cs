using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// The pure heart of tracking: previous state + new information → new state and the list of changes.
/// Every rule about how a status may move lives here, so it can be tested without I/O.
/// </summary>
public static class Tracker
{
    /// <summary>A new shipment, as registered by a caller.</summary>
    public static ShipmentChangeSet Register(
        string id, string tenantId, string carrier, string trackingNumber, OrderLink order,
        IReadOnlyDictionary<string, string> labels, DateTimeOffset now, DateTimeOffset? promisedBy = null, bool byCaller = false)
    {
        var state = new ShipmentState
        {
            Id = id,
            TenantId = tenantId,
            Carrier = carrier,
            TrackingNumber = trackingNumber,
            Status = TrackingStatus.Pending,
            Order = order,
            PromisedBy = promisedBy,
            Labels = labels,
            TrackedByCaller = byCaller,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            NextCheckAt = now,
        };
        return new ShipmentChangeSet(state, [], ChangeKinds.Created, TrackingStatus.Unspecified);
    }

    /// <summary>
    /// Applies a carrier snapshot. <paramref name="knownEvents"/> is the stored history (any order).
    /// Rules: events are de-duplicated; the status follows the carrier, but never moves backwards without newer
    /// evidence, and a terminal status changes only when a newer event arrives (EXPIRED, ours rather than the carrier's,
    /// gives way to any status the carrier knows); "not found" never erases a known status;
    /// an estimate dated before the one kept (<see cref="CarrierSnapshot.ObservedAt"/>) does not replace it.
    /// </summary>
    public static ShipmentChangeSet Apply(
        ShipmentState previous, IReadOnlyCollection<TrackingEvent> knownEvents, CarrierSnapshot snapshot,
        DateTimeOffset now, TrackerRules rules) =>
        Apply(previous, KnownEvents.Of(knownEvents), snapshot, now, rules);

    /// <summary>
    /// The same, given only what is needed of the stored history (<see cref="KnownEvents"/>), so that a refresh costs
    /// the same however long the history has grown.
    /// </summary>
    public static ShipmentChangeSet Apply(
        ShipmentState previous, KnownEvents known, CarrierSnapshot snapshot, DateTimeOffset now, TrackerRules rules)
    {
        var added = NewEvents(known.DedupKeys, snapshot.Events, now);
        // What "newer" is measured against: the newest scan we hold, or, when a status came from a carrier summary
        // without scans, the moment we learnt it. A terminal status the summary gave ahead of the scans is dated by when
        // we learnt it too, so a scan older than that (pushed later by a webhook) cannot undo it.
        var reference = Latest(previous.LastEventAt, TerminalFromSummarySince(previous, known))
            ?? (previous.Status.IsUnknown() ? null : previous.LastCheckedAt);
        var newestAdded = added.Count > 0 ? added[0] : null;
        var hasNewerEvidence = newestAdded is not null && (reference is null || newestAdded.EffectiveAt > reference);

        var newest = Newest(known.Newest, added);
        // A newer scan is the best evidence there is, since a carrier's overall status often lags its own scans; but a
        // summary that is further along than the scan (FedEx reports out-for-delivery only there) is believed.
        var summary = snapshot.Status is { } reported && reported.IsDefined() ? reported : (TrackingStatus?)null;
        var candidate = hasNewerEvidence
            ? summary is { } ahead && ahead.Progress() > newestAdded!.Status.Progress() ? ahead : newestAdded!.Status
            : summary ?? newest?.Status ?? previous.Status;

        // A snapshot that lacks a scan we already hold (pushed by a webhook while this poll was under way, or a
        // tracking API lagging its own push) describes an older moment: its summary and ETA must not undo newer news.
        // (Its scans are not ingested yet: they count as received now.)
        var lagging = Newest(null, snapshot.Events) is { } snapshotNewest && snapshotNewest.EffectiveAsOf(now) < previous.LastEventAt;
        var status = DecideStatus(previous.Status, candidate, hasNewerEvidence, lagging);
        if (status.IsUnknown() && IsPastUnknownDeadline(previous, now, rules))
        {
            status = TrackingStatus.Expired;
        }

        var statusChanged = status != previous.Status;
        var (detail, description) = (previous.StatusDetail, previous.StatusDescription);
        var reworded = false;
        if (status == TrackingStatus.Expired && statusChanged)
        {
            (detail, description) = (ExpiredDetail, ExpiredDescription);
        }
        else if (statusChanged || added.Count > 0)
        {
            // Describe the status with the newest event that carries it; else with the carrier's own summary. Our
            // "no information in time" wording never describes a status the carrier gave.
            (detail, description) = newest is not null && newest.Status == status
                ? (newest.StatusDetail, newest.Description)
                : status == candidate && snapshot.StatusDescription.Length > 0
                    ? (snapshot.StatusDetail, snapshot.StatusDescription)
                    : previous.Status == TrackingStatus.Expired && statusChanged ? ("", "") : (detail, description);
        }
        else if (!lagging && DescribesKeptStatus(snapshot, status, newest))
        {
            // The carrier's own words for the status kept (a "no information yet" answer on a parcel registered PENDING,
            // a summary reworded): no scan describes it, so the summary does, detail and text together as above.
            (detail, description) = (snapshot.StatusDetail, snapshot.StatusDescription);
            reworded = (detail, description) != (previous.StatusDetail, previous.StatusDescription);
        }

        // The estimate follows the newest information: a lagging snapshot, or a push dated before the estimate kept (sent
        // before the last poll or before a newer push, and delivered late), keeps it; any estimate still beats none.
        var observedAt = ObservedAt(snapshot, now);
        var olderThanKept = previous.EstimatedDelivery is not null && observedAt < (previous.EstimatedDeliveryAsOf ?? previous.LastCheckedAt);
        var takesEstimate = snapshot.EstimatedDelivery is not null && (previous.EstimatedDelivery is null || !(lagging || olderThanKept));
        var eta = takesEstimate ? snapshot.EstimatedDelivery : previous.EstimatedDelivery;
        // Kept only when it is not this check's own time: a poll's estimate is as of the check (LastCheckedAt), which
        // leaves most rows without it. An estimate not taken keeps its date, which the check moving on must not change.
        var etaAsOf = takesEstimate ? observedAt : previous.EstimatedDeliveryAsOf ?? previous.LastCheckedAt;
        if (eta is null || etaAsOf == now)
        {
            etaAsOf = null;
        }
        // When the parcel was delivered: the latest delivery scan; the moment we learnt it only while no scan says so.
        // A delivery scan that comes after the summary said delivered replaces that stand-in.
        var deliveredAt = status != TrackingStatus.Delivered
            ? null
            : statusChanged || added.Any(e => e.Status == TrackingStatus.Delivered)
                ? LatestDelivered(known.LatestDeliveredAt, added) ?? now
                : previous.DeliveredAt;

        var kinds = ChangeKinds.None;
        if (statusChanged) kinds |= ChangeKinds.StatusChanged;
        if (added.Count > 0) kinds |= ChangeKinds.EventsAdded;
        // The window belongs to the estimate it ends: a snapshot whose estimate is not taken does not bring its window either.
        var window = takesEstimate || snapshot.EstimatedDelivery is null
            ? snapshot.DeliveryWindow ?? (eta == previous.EstimatedDelivery ? previous.DeliveryWindow : null)
            : previous.DeliveryWindow;
        var proof = snapshot.ProofOfDelivery is { IsEmpty: false } pod ? pod : previous.ProofOfDelivery;
        if (eta != previous.EstimatedDelivery || window != previous.DeliveryWindow) kinds |= ChangeKinds.EtaChanged;
        // New words for the same status are news to whoever shows status_description (a dashboard); the same words every
        // poll are none. (New words with a new status or new scans come with those kinds already.)
        if (proof != previous.ProofOfDelivery || reworded) kinds |= ChangeKinds.DetailsChanged;
        if (previous.Stale) kinds |= ChangeKinds.StaleChanged;

        var state = previous with
        {
            Status = status,
            StatusDetail = detail,
            StatusDescription = description,
            // Every adapter's snapshot passes here: the one place that decides which tracking page is kept (only
            // http(s); most polls bring the page already kept, so only a different one is parsed).
            TrackingUrl = snapshot.TrackingUrl != previous.TrackingUrl && WebAddress.IsHttp(snapshot.TrackingUrl) ? snapshot.TrackingUrl : previous.TrackingUrl,
            EstimatedDelivery = eta,
            EstimatedDeliveryAsOf = etaAsOf,
            DeliveryWindow = window,
            ProofOfDelivery = proof,
            DeliveredAt = deliveredAt,
            LastEventAt = newest is null ? previous.LastEventAt : Max(previous.LastEventAt, newest.EffectiveAt),
            FirstScanAt = EarliestPhysicalScan(previous.FirstScanAt, added),
            LastCheckedAt = now,
            SummaryTerminalSince = status.IsTerminal() && status is not (TrackingStatus.Delivered or TrackingStatus.Expired) && newest?.Status != status
                ? statusChanged ? now : previous.SummaryTerminalSince ?? previous.LastCheckedAt
                : null,
            Stale = false,
            ConsecutiveFailures = 0,
        };
        return Finish(previous, state, added, kinds, now, rules);
    }

    /// <summary>
    /// A refresh failed: keep the last known state, flag it stale, count the failure. A number still unknown past
    /// <see cref="TrackerRules.ExpireUnknownAfter"/> expires here as it would on a "not found": a carrier that never
    /// answers for it (not configured, or refusing the number) must not keep it polled for ever.
    /// </summary>
    public static ShipmentChangeSet MarkRefreshFailed(ShipmentState previous, DateTimeOffset now, TrackerRules? rules = null)
    {
        rules ??= TrackerRules.Default;
        var state = previous with { Stale = true, ConsecutiveFailures = previous.ConsecutiveFailures + 1 };
        var kinds = previous.Stale ? ChangeKinds.None : ChangeKinds.StaleChanged;
        if (previous.Status.IsUnknown() && IsPastUnknownDeadline(previous, now, rules))
        {
            state = state with { Status = TrackingStatus.Expired, StatusDetail = ExpiredDetail, StatusDescription = ExpiredDescription };
            kinds |= ChangeKinds.StatusChanged;
        }
        return Finish(previous, state, [], kinds, now, rules);
    }

    /// <summary>
    /// Whether the snapshot's summary describes the status kept when neither the status nor the scans moved: it reports
    /// that status in words of its own, and no scan we hold carries that status (a scan's words describe it better).
    /// </summary>
    private static bool DescribesKeptStatus(CarrierSnapshot snapshot, TrackingStatus status, TrackingEvent? newest) =>
        snapshot.Status == status && snapshot.StatusDescription.Length > 0 && newest?.Status != status;

    private const string ExpiredDetail = "expired.no_information";
    private const string ExpiredDescription = "No carrier information was received for this parcel in time.";

    private static bool IsPastUnknownDeadline(ShipmentState shipment, DateTimeOffset now, TrackerRules rules) =>
        now - shipment.CreatedAt >= rules.ExpireUnknownAfter;

    /// <summary>Nothing new from the carrier, but time passed: raises or clears the risks that depend on the clock.</summary>
    public static ShipmentChangeSet Reassess(ShipmentState previous, DateTimeOffset now, TrackerRules rules) =>
        Finish(previous, previous, [], ChangeKinds.None, now, rules);

    /// <summary>
    /// Links the shipment to its order and the order's promise (both may change when the order is re-imported).
    /// <paramref name="listedByMarketplace"/>: the order's marketplace lists the parcel; a link made otherwise keeps
    /// that mark only while the order stays the same. <paramref name="statedShippedAt"/>: when the order's source says
    /// the parcel shipped; a newer statement replaces the kept one (Amazon lets a seller edit a confirmation), silence
    /// keeps it while the order stays the same. A parcel on an order again after it had left one (a fulfillment created
    /// again with the same number) is polled again (<see cref="StaysUnpolled"/>).
    /// </summary>
    public static ShipmentChangeSet LinkOrder(
        ShipmentState previous, OrderLink order, DateTimeOffset? promisedBy, bool listedByMarketplace, DateTimeOffset now, TrackerRules rules,
        DateTimeOffset? statedShippedAt = null)
    {
        var sameOrder = order == previous.Order;
        var listed = listedByMarketplace || (sameOrder && previous.ListedByMarketplace);
        var stated = statedShippedAt ?? (sameOrder ? previous.StatedShippedAt : null);
        var state = previous with
        {
            Order = order, PromisedBy = promisedBy, ListedByMarketplace = listed, StatedShippedAt = stated,
            NotPolled = StaysUnpolled(previous, order, byCaller: false),
        };
        var kinds = !sameOrder || promisedBy != previous.PromisedBy || listed != previous.ListedByMarketplace || stated != previous.StatedShippedAt
            ? ChangeKinds.DetailsChanged
            : ChangeKinds.None;
        return Finish(previous, state, [], kinds, now, rules);
    }

    /// <summary>
    /// The marketplace no longer lists the parcel for <paramref name="order"/> (cancelled, or replaced by another
    /// number): it leaves the order, and the order's promise with it. Nothing changes when the parcel is linked to
    /// another order meanwhile, or was linked by a caller rather than the marketplace. One the carrier never scanned is a
    /// label nobody will send (voided with its fulfillment): no longer polled, rather than asked about until it expires,
    /// unless a caller tracks it on its own. One on its way still is: it is a real parcel, and its end comes by itself.
    /// </summary>
    public static ShipmentChangeSet UnlinkOrder(ShipmentState previous, OrderLink order, DateTimeOffset now, TrackerRules rules)
    {
        if (!previous.ListedByMarketplace || previous.Order != order)
        {
            return Finish(previous, previous, [], ChangeKinds.None, now, rules);
        }
        var left = WithoutOrder(previous);
        if (previous.FirstScanAt is null && !previous.Status.IsTerminal() && !previous.TrackedByCaller)
        {
            return Unpolled(previous, left, ChangeKinds.DetailsChanged, now, rules);
        }
        return Finish(previous, left, [], ChangeKinds.DetailsChanged, now, rules);
    }

    /// <summary>
    /// The marketplace now tracks the same package by another number (an MCF package Amazon first knew only by its own
    /// <c>AFTN…</c>, an Amazon Shipping label an earlier version stored bare and Amazon places in <c>AMZN_US</c>): this
    /// parcel leaves <paramref name="order"/>, whoever linked it, since the order has the package already, and is no
    /// longer polled, since the new number is (also when an earlier import unlinked it already). Nothing changes when it
    /// is linked to another order meanwhile: that order's parcel is that order's business.
    /// </summary>
    public static ShipmentChangeSet UnlinkReplaced(ShipmentState previous, OrderLink order, DateTimeOffset now, TrackerRules rules)
    {
        if (previous.Order != order && !previous.Order.IsNone)
        {
            return Finish(previous, previous, [], ChangeKinds.None, now, rules);
        }
        return Unpolled(previous, WithoutOrder(previous), previous.Order.IsNone ? ChangeKinds.None : ChangeKinds.DetailsChanged, now, rules);
    }

    /// <summary>
    /// From now on the parcel's carrier is never asked about it (<see cref="ShipmentState.NotPolled"/>). A stale flag
    /// goes: it came from asking a carrier that could not know the parcel.
    /// </summary>
    public static ShipmentChangeSet StopPolling(ShipmentState previous, DateTimeOffset now, TrackerRules rules) =>
        Unpolled(previous, previous, ChangeKinds.None, now, rules);

    /// <summary>
    /// Amazon ships the parcel (<see cref="ShipmentState.ShippedByAmazon"/>): a NO_VALID_TRACKING flag it carries goes,
    /// since its tracking is not the seller's to make valid.
    /// </summary>
    public static ShipmentChangeSet MarkShippedByAmazon(ShipmentState previous, DateTimeOffset now, TrackerRules rules) =>
        Finish(previous, previous with { ShippedByAmazon = true }, [], ChangeKinds.None, now, rules);

    /// <summary>
    /// Whether the parcel stays unpolled. One left without an order (a voided label its marketplace dropped, a number
    /// replaced by another) is polled again once it is on an order again or a caller tracks it: someone says it is
    /// live. One Amazon delivers itself stays on its order, and the Amazon import marks it again when it lists it.
    /// </summary>
    private static bool StaysUnpolled(ShipmentState previous, OrderLink order, bool byCaller) =>
        previous.NotPolled && !(previous.Order.IsNone && (byCaller || !order.IsNone));

    /// <summary>
    /// <paramref name="state"/>, no longer polled. A stale flag goes with the polling: it came from asking a carrier that
    /// could not know the parcel.
    /// </summary>
    private static ShipmentChangeSet Unpolled(
        ShipmentState previous, ShipmentState state, ChangeKinds kinds, DateTimeOffset now, TrackerRules rules) =>
        Finish(previous, state with { NotPolled = true, Stale = false, ConsecutiveFailures = 0 }, [],
            kinds | (previous.Stale ? ChangeKinds.StaleChanged : ChangeKinds.None), now, rules);

    /// <summary>The parcel out of its order: the order's promise, listing and stated ship time go with it.</summary>
    private static ShipmentState WithoutOrder(ShipmentState s) =>
        s with { Order = OrderLink.None, PromisedBy = null, ListedByMarketplace = false, StatedShippedAt = null };

    /// <summary>
    /// The caller registered the same parcel again, possibly with a new order reference or labels. Its risks are judged
    /// with the configured <paramref name="rules"/> like every other path, so a retry that brings nothing new is no change.
    /// <paramref name="byCaller"/>: a caller tracks it (TrackShipment), so it is polled from now on also when its
    /// marketplace stops listing it, and polled again when that happened already (<see cref="StaysUnpolled"/>).
    /// </summary>
    public static ShipmentChangeSet UpdateDetails(
        ShipmentState previous, OrderLink? order, IReadOnlyDictionary<string, string>? labels, DateTimeOffset now, TrackerRules rules,
        bool byCaller = false)
    {
        var newOrder = order is null || order.IsNone ? previous.Order : order;
        var newLabels = labels is null || labels.Count == 0 ? previous.Labels : labels;
        var changed = newOrder != previous.Order || !SameLabels(newLabels, previous.Labels);
        var sameOrder = newOrder == previous.Order;
        var state = previous with
        {
            Order = newOrder,
            Labels = newLabels,
            // Another order's promise, marketplace listing and stated ship time are not this one's (OrderLinker sets
            // the new promise).
            PromisedBy = sameOrder ? previous.PromisedBy : null,
            ListedByMarketplace = previous.ListedByMarketplace && sameOrder,
            StatedShippedAt = sameOrder ? previous.StatedShippedAt : null,
            TrackedByCaller = previous.TrackedByCaller || byCaller,
            NotPolled = StaysUnpolled(previous, newOrder, byCaller),
        };
        return Finish(previous, state, [], changed ? ChangeKinds.DetailsChanged : ChangeKinds.None, now, rules);
    }

    private static ShipmentChangeSet Finish(
        ShipmentState previous, ShipmentState state, IReadOnlyList<TrackingEvent> added, ChangeKinds kinds, DateTimeOffset now,
        TrackerRules rules)
    {
        var risks = ShipmentRisks.Evaluate(state, now, rules.Risks);
        if (!risks.SameAs(previous.Risks))
        {
            kinds |= ChangeKinds.RisksChanged;
        }
        state = state with { Risks = risks, RiskCheckAt = RiskClock.Keep(previous.RiskCheckAt, RiskClock.NextCheck(state, now, rules.Risks), now) };
        if (kinds != ChangeKinds.None)
        {
            state = state with { Version = previous.Version + 1, UpdatedAt = now };
        }
        return new ShipmentChangeSet(state, added, kinds, previous.Status) { PreviousOrder = previous.Order };
    }

    private static TrackingStatus DecideStatus(TrackingStatus previous, TrackingStatus candidate, bool hasNewerEvidence, bool lagging)
    {
        if (candidate == previous || !candidate.IsDefined())
        {
            return previous;
        }
        // "Not found" after we already know something is a carrier hiccup, not news.
        if (candidate.IsUnknown() && !previous.IsUnknown())
        {
            return previous;
        }
        // EXPIRED is our verdict that the carrier told us nothing in time, not the carrier's word: once the carrier knows
        // the parcel, the verdict is wrong whatever the dates of its scans (its API often publishes a scan late).
        // Measured by progress it would outrank every carrier status and never be left.
        if (previous == TrackingStatus.Expired)
        {
            return candidate;
        }
        if (previous.IsTerminal())
        {
            return hasNewerEvidence ? candidate : previous;
        }
        // Without newer evidence the status may only move forward; from a lagging snapshot not even sideways.
        if (!hasNewerEvidence && (candidate.Progress() < previous.Progress() || lagging && candidate.Progress() == previous.Progress()))
        {
            return previous;
        }
        return candidate;
    }

    private static List<TrackingEvent> NewEvents(IReadOnlySet<string> known, IReadOnlyList<TrackingEvent> incoming, DateTimeOffset now)
    {
        var seen = new HashSet<string>(incoming.Count, StringComparer.Ordinal);
        var added = new List<TrackingEvent>();
        foreach (var e in incoming)
        {
            if (!e.Status.IsDefined())
            {
                continue;
            }
            var key = e.DedupKey;
            if (!known.Contains(key) && seen.Add(key))
            {
                added.Add(e with { IngestedAt = now });
            }
        }
        // Newest first, like every event list the contract returns.
        added.Sort(static (a, b) => IsNewer(a, b) ? -1 : IsNewer(b, a) ? 1 : 0);
        return added;
    }

    /// <summary>
    /// Whether <paramref name="a"/> happened after <paramref name="b"/>. Scans at one instant (carriers that date events
    /// by the day or the minute) are told apart by how far along the parcel's life they are, not by list order, which
    /// is newest-first at some carriers and oldest-first at others: out-for-delivery and delivered at 14:00 is delivered.
    /// </summary>
    private static bool IsNewer(TrackingEvent a, TrackingEvent b) =>
        a.EffectiveAt > b.EffectiveAt || (a.EffectiveAt == b.EffectiveAt && a.Status.Progress() > b.Status.Progress());

    private static TrackingEvent? Newest(TrackingEvent? knownNewest, IEnumerable<TrackingEvent> added)
    {
        var newest = knownNewest;
        foreach (var e in added)
        {
            if (newest is null || IsNewer(e, newest))
            {
                newest = e;
            }
        }
        return newest;
    }

    private static DateTimeOffset? LatestDelivered(DateTimeOffset? knownLatest, IEnumerable<TrackingEvent> added)
    {
        var latest = knownLatest;
        foreach (var e in added)
        {
            if (e.Status == TrackingStatus.Delivered && (latest is null || e.EffectiveAt > latest))
            {
                latest = e.EffectiveAt;
            }
        }
        return latest;
    }

    /// <summary>
    /// When a terminal status that no stored scan carries was learnt: a summary-only delivery is dated by its
    /// stand-in DeliveredAt (the poll that learnt it), another terminal status by the last check. Null when a scan
    /// backs the status, or the status is not terminal (EXPIRED is ours, not the carrier's).
    /// </summary>
    private static DateTimeOffset? TerminalFromSummarySince(ShipmentState previous, KnownEvents known) =>
        !previous.Status.IsTerminal() || previous.Status == TrackingStatus.Expired ? null
        : previous.Status == TrackingStatus.Delivered ? known.LatestDeliveredAt is null ? previous.DeliveredAt ?? previous.LastCheckedAt : null
        : known.Newest?.Status == previous.Status ? null
        : previous.SummaryTerminalSince ?? previous.LastCheckedAt;

    /// <summary>
    /// When the snapshot's information was current: a push's own time, else (a poll) now. A sender's clock ahead of ours
    /// cannot date news in our future, where it would outrank every later push.
    /// </summary>
    private static DateTimeOffset ObservedAt(CarrierSnapshot snapshot, DateTimeOffset now) =>
        snapshot.ObservedAt is { } at && at < now ? at : now;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && (b is not { } y || x >= y) ? a : b;

    // Every stored event passed through here once as added, so the earliest physical one is never missed.
    private static DateTimeOffset? EarliestPhysicalScan(DateTimeOffset? known, IEnumerable<TrackingEvent> added)
    {
        var earliest = known;
        foreach (var e in added)
        {
            if (e.Status.IsPhysicalScan() && (earliest is null || e.EffectiveAt < earliest))
            {
                earliest = e.EffectiveAt;
            }
        }
        return earliest;
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
