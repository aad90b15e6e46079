using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests.Orders;

/// <summary>Which risk flags a shipment carries, judged by the Tracker on every change.</summary>
public sealed class ShipmentRisksTests
{
    private static readonly TrackerRules Rules = TrackerRules.Default;
    private static readonly OrderLink Order = new("amazon", "113-1234567-1234567");

    private static ShipmentState Linked(DateTimeOffset? promisedBy) =>
        Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, T0, promisedBy).State;

    private static ShipmentChangeSet Apply(ShipmentState state, DateTimeOffset now, DateTimeOffset? eta, params TrackingEvent[] scans) =>
        Tracker.Apply(state, [], new CarrierSnapshot(null, scans, eta), now, Rules);

    [Theory]
    [InlineData(TrackingStatus.Exception, RiskKind.Exception)]
    [InlineData(TrackingStatus.AttemptFailed, RiskKind.AttemptFailed)]
    [InlineData(TrackingStatus.Returning, RiskKind.Returning)]
    [InlineData(TrackingStatus.Returned, RiskKind.Returning)]
    [InlineData(TrackingStatus.Lost, RiskKind.Lost)]
    public void A_trouble_status_raises_its_flag_with_action_required(TrackingStatus status, RiskKind kind)
    {
        var result = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1)), Scan.Of(status, Hours(1.5)));

        var flag = Assert.Single(result.State.Risks);
        Assert.Equal(kind, flag.Kind);
        Assert.True(flag.ActionRequired);
        Assert.Equal(Hours(1.5), flag.Since);
        Assert.True(result.Kinds.HasFlag(ChangeKinds.RisksChanged));
    }

    [Fact]
    public void An_eta_after_the_promised_day_raises_delayed_and_an_eta_back_within_clears_it()
    {
        var promise = Hours(72);
        var late = Apply(Linked(promise), Hours(2), Hours(96), Scan.InTransit(Hours(1)));

        var flag = Assert.Single(late.State.Risks);
        Assert.Equal(RiskKind.Delayed, flag.Kind);
        Assert.True(flag.ActionRequired);
        Assert.Contains("after the promised", flag.Reason);

        var back = Apply(late.State, Hours(3), Hours(70), Scan.OutForDelivery(Hours(2.5)));
        Assert.Empty(back.State.Risks);
        Assert.True(back.Kinds.HasFlag(ChangeKinds.RisksChanged));
    }

    [Fact]
    public void An_estimate_with_a_time_is_compared_with_the_promise_as_an_instant()
    {
        // Amazon.com's "by 27 November" ends at 2026-11-28T07:59:59Z; a carrier window ending at 5 pm Eastern on the
        // 28th is the same UTC day, and still a day late.
        var promise = new DateTimeOffset(2026, 11, 28, 7, 59, 59, TimeSpan.Zero);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var shipment = Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, now, promise).State;

        var nextAfternoon = Apply(shipment, now, new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.FromHours(-5)), Scan.InTransit(now.AddHours(-1)));
        var promisedEvening = Apply(shipment, now, new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.FromHours(-8)), Scan.InTransit(now.AddHours(-1)));

        var flag = Assert.Single(nextAfternoon.State.Risks);
        Assert.Equal(RiskKind.Delayed, flag.Kind);
        Assert.Equal("Carrier estimate 2026-11-28 22:00 UTC is after the promised 2026-11-28 07:59 UTC", flag.Reason);
        Assert.Empty(promisedEvening.State.Risks);
    }

    [Theory]
    // amazon.com's "by 27 November" (23:59:59 Pacific), amazon.de's (23:59:59 CET), amazon.co.jp's (23:59:59 JST).
    [InlineData("2026-11-28T07:59:59Z", "2026-11-27", false)]
    [InlineData("2026-11-28T07:59:59Z", "2026-11-28", true)]
    [InlineData("2026-11-27T22:59:59Z", "2026-11-27", false)]
    [InlineData("2026-11-27T22:59:59Z", "2026-11-28", true)]
    [InlineData("2026-11-27T14:59:59Z", "2026-11-27", false)]
    [InlineData("2026-11-27T14:59:59Z", "2026-11-28", true)]
    public void A_carrier_date_without_a_time_is_compared_with_the_buyers_promised_day(string promisedBy, string estimate, bool delayed)
    {
        var promise = DateTimeOffset.Parse(promisedBy, System.Globalization.CultureInfo.InvariantCulture);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var shipment = Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, now, promise).State;

        var result = Apply(shipment, now, DateOnlyPromise.Of(DateOnly.Parse(estimate, System.Globalization.CultureInfo.InvariantCulture)), Scan.InTransit(now.AddHours(-1)));

        Assert.Equal(delayed, result.State.Risks.Any(r => r.Kind == RiskKind.Delayed));
        if (delayed)
        {
            Assert.EndsWith($"is after the promised {promise.UtcDateTime:yyyy-MM-dd HH:mm} UTC (the buyer's 2026-11-27)", result.State.Risks[0].Reason);
        }
    }

    [Fact]
    public void A_promise_that_passed_undelivered_is_delayed_but_a_delivered_parcel_is_not()
    {
        var promise = Hours(24);
        var inTransit = Apply(Linked(promise), Hours(2), null, Scan.InTransit(Hours(1))).State;

        var passed = Tracker.Reassess(inTransit, Hours(25), Rules);
        Assert.Equal(RiskKind.Delayed, Assert.Single(passed.State.Risks).Kind);
        Assert.Equal(promise, passed.State.Risks[0].Since);

        var delivered = Apply(passed.State, Hours(26), null, Scan.Delivered(Hours(25.5)));
        Assert.Empty(delivered.State.Risks);
    }

    [Fact]
    public void A_promise_of_a_date_is_not_passed_before_that_day_ends()
    {
        var promise = DateOnlyPromise.Of(new DateOnly(2025, 3, 12));
        var now = new DateTimeOffset(2025, 3, 12, 6, 0, 0, TimeSpan.Zero);
        var inTransit = Apply(Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, now, promise).State,
            now, null, Scan.InTransit(now.AddHours(-1))).State;

        Assert.Empty(Tracker.Reassess(inTransit, new DateTimeOffset(2025, 3, 12, 18, 0, 0, TimeSpan.Zero), Rules).State.Risks);
        var passed = Tracker.Reassess(inTransit, new DateTimeOffset(2025, 3, 13, 0, 0, 1, TimeSpan.Zero), Rules);
        var flag = Assert.Single(passed.State.Risks);
        Assert.Equal((RiskKind.Delayed, new DateTimeOffset(2025, 3, 13, 0, 0, 0, TimeSpan.Zero)), (flag.Kind, flag.Since));
    }

    [Fact]
    public void No_scan_for_longer_than_the_status_threshold_is_stalled_and_since_is_kept()
    {
        var inTransit = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1))).State;

        Assert.Empty(Tracker.Reassess(inTransit, Hours(48), Rules).State.Risks);
        var stalled = Tracker.Reassess(inTransit, Hours(50), Rules);
        var flag = Assert.Single(stalled.State.Risks);
        Assert.Equal(RiskKind.Stalled, flag.Kind);
        Assert.Equal(Hours(49), flag.Since);

        var later = Tracker.Reassess(stalled.State, Hours(60), Rules);
        Assert.Equal(Hours(49), Assert.Single(later.State.Risks).Since);
    }

    [Fact]
    public void A_stalled_parcel_reassessed_later_is_not_a_change()
    {
        var inTransit = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1))).State;
        var stalled = Tracker.Reassess(inTransit, Hours(50), Rules);

        var later = Tracker.Reassess(stalled.State, Hours(60), Rules);

        // The reason names the last scan, not a growing age: the client computes the age from it or from since.
        Assert.Equal("No carrier scan since 2025-03-10 09:00 UTC (limit 48 h)", Assert.Single(later.State.Risks).Reason);
        Assert.False(later.HasChanges);
    }

    [Fact]
    public void A_stalled_parcel_polled_later_with_the_same_history_is_not_a_change()
    {
        var scan = Scan.InTransit(Hours(1));
        var stalled = Tracker.Apply(Linked(null), [], new CarrierSnapshot(null, [scan]), Hours(50), Rules);
        Assert.Equal(RiskKind.Stalled, Assert.Single(stalled.State.Risks).Kind);

        var polled = Tracker.Apply(stalled.State, stalled.AddedEvents, new CarrierSnapshot(null, [scan]), Hours(52), Rules);

        Assert.Equal(ChangeKinds.None, polled.Kinds);
    }

    [Fact]
    public void A_linked_number_without_a_scan_after_the_grace_has_no_valid_tracking()
    {
        var registered = Linked(null);
        var notFound = Tracker.Apply(registered, [], CarrierSnapshot.NotFound(), Hours(47), Rules);
        Assert.Empty(notFound.State.Risks);

        var expired = Tracker.Apply(notFound.State, [], CarrierSnapshot.NotFound(), Hours(49), Rules);
        var flag = Assert.Single(expired.State.Risks);
        Assert.Equal(RiskKind.NoValidTracking, flag.Kind);

        var scanned = Apply(expired.State, Hours(50), null, Scan.InTransit(Hours(49.5)));
        Assert.Empty(scanned.State.Risks);
    }

    // Valid tracking is asked of the parcels the seller ships (marketplaces.md lines 690-691): one Amazon ships for an
    // FBA or MCF order carries Amazon's status, never a scan of ours, and the seller can do nothing about its tracking.
    [Fact]
    public void A_parcel_amazon_ships_never_has_no_valid_tracking_and_marking_one_clears_the_flag()
    {
        var flagged = Tracker.Apply(Tracker.Reassess(Linked(null), Hours(49), Rules).State, [],
            new CarrierSnapshot(TrackingStatus.InTransit, [], null, StatusDescription: "Shipped by Amazon"), Hours(50), Rules);
        Assert.Contains(flagged.State.Risks, r => r.Kind == RiskKind.NoValidTracking);

        var marked = Tracker.MarkShippedByAmazon(flagged.State, Hours(51), Rules);

        Assert.True(marked.State.ShippedByAmazon);
        Assert.Empty(marked.State.Risks);
        Assert.True(marked.Kinds.HasFlag(ChangeKinds.RisksChanged));
        var later = Tracker.Reassess(marked.State, Hours(24 * 20), Rules).State;
        Assert.Empty(later.Risks);
        Assert.Null(RiskClock.NextCheck(later, Hours(24 * 20), Rules.Risks));
    }

    [Fact]
    public void A_number_with_only_a_label_created_event_has_no_valid_tracking_after_the_grace()
    {
        var labelled = Apply(Linked(null), Hours(1), null, Scan.InfoReceived(Hours(0.5)));
        Assert.Empty(labelled.State.Risks);

        var flag = Assert.Single(Tracker.Reassess(labelled.State, Hours(49), Rules).State.Risks);
        Assert.Equal(RiskKind.NoValidTracking, flag.Kind);
        Assert.Equal(T0 + Rules.Risks.ValidTrackingGrace, flag.Since);

        var scanned = Apply(labelled.State, Hours(50), null, Scan.InTransit(Hours(49.5)));
        Assert.Empty(scanned.State.Risks);
    }

    [Theory]
    [InlineData(TrackingStatus.InTransit)]
    [InlineData(TrackingStatus.OutForDelivery)]
    [InlineData(TrackingStatus.Exception)]
    public void A_summary_status_without_a_physical_scan_keeps_no_valid_tracking(TrackingStatus summary)
    {
        // The carrier's summary is further along than its only event, "label created": no physical scan yet.
        var labelled = Tracker.Apply(Linked(null), [], new CarrierSnapshot(TrackingStatus.InfoReceived, [Scan.InfoReceived(Hours(1))]), Hours(2), Rules);
        var flagged = Tracker.Reassess(labelled.State, Hours(49), Rules).State;
        Assert.Contains(flagged.Risks, r => r.Kind == RiskKind.NoValidTracking);

        var ahead = Tracker.Apply(flagged, labelled.AddedEvents, new CarrierSnapshot(summary, [Scan.InfoReceived(Hours(1))]), Hours(50), Rules);

        Assert.Equal(summary, ahead.State.Status);
        Assert.Null(ahead.State.FirstScanAt);
        var flag = Assert.Single(ahead.State.Risks, r => r.Kind == RiskKind.NoValidTracking);
        Assert.Equal(T0 + Rules.Risks.ValidTrackingGrace, flag.Since);

        var scanned = Tracker.Apply(ahead.State, labelled.AddedEvents, new CarrierSnapshot(summary, [Scan.InfoReceived(Hours(1)), Scan.InTransit(Hours(50.5))]), Hours(51), Rules);
        Assert.DoesNotContain(scanned.State.Risks, r => r.Kind == RiskKind.NoValidTracking);
    }

    [Theory]
    [InlineData(TrackingStatus.Delivered)]
    [InlineData(TrackingStatus.Cancelled)]
    public void A_delivered_parcel_or_a_voided_label_has_no_no_valid_tracking_flag(TrackingStatus summary)
    {
        var labelled = Tracker.Apply(Linked(null), [], new CarrierSnapshot(TrackingStatus.InfoReceived, [Scan.InfoReceived(Hours(1))]), Hours(2), Rules);

        var ended = Tracker.Apply(labelled.State, labelled.AddedEvents, new CarrierSnapshot(summary, [Scan.InfoReceived(Hours(1))]), Hours(50), Rules);

        Assert.Equal(summary, ended.State.Status);
        Assert.Null(ended.State.FirstScanAt);
        Assert.DoesNotContain(ended.State.Risks, r => r.Kind == RiskKind.NoValidTracking);
    }

    [Fact]
    public void An_unlinked_number_never_has_no_valid_tracking()
    {
        var state = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;

        Assert.Empty(Tracker.Reassess(state, Hours(100), Rules).State.Risks);
    }

    [Fact]
    public void Reassessing_with_nothing_new_is_not_a_change()
    {
        var inTransit = Apply(Linked(Hours(72)), Hours(2), Hours(48), Scan.InTransit(Hours(1))).State;

        var again = Tracker.Reassess(inTransit, Hours(3), Rules);

        Assert.False(again.HasChanges);
    }

    [Fact]
    public void Configured_thresholds_are_used()
    {
        var rules = TrackerRules.Default with { Risks = new RiskRules { StalledInTransit = TimeSpan.FromHours(4) } };
        var inTransit = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1))).State;

        Assert.Equal(RiskKind.Stalled, Assert.Single(Tracker.Reassess(inTransit, Hours(6), rules).State.Risks).Kind);
    }

    [Fact]
    public void Registering_again_judges_risks_with_the_configured_rules()
    {
        // 50 h without a scan: stalled by the default 48 h, not by a configured 96 h.
        var patient = TrackerRules.Default with { Risks = new RiskRules { StalledInTransit = TimeSpan.FromHours(96) } };
        var inTransit = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1))).State;

        var again = Tracker.UpdateDetails(inTransit, Order, null, Hours(51), patient);

        Assert.Empty(again.State.Risks);
        Assert.False(again.HasChanges);
    }

    [Fact]
    public void Registering_again_keeps_a_flag_the_configured_rules_raised()
    {
        // A configured 4 h raised STALLED; the default 48 h would clear it.
        var eager = TrackerRules.Default with { Risks = new RiskRules { StalledInTransit = TimeSpan.FromHours(4) } };
        var inTransit = Apply(Linked(null), Hours(2), null, Scan.InTransit(Hours(1))).State;
        var stalled = Tracker.Reassess(inTransit, Hours(6), eager).State;

        var again = Tracker.UpdateDetails(stalled, Order, null, Hours(6.5), eager);

        Assert.Equal(RiskKind.Stalled, Assert.Single(again.State.Risks).Kind);
        Assert.False(again.HasChanges);
    }

    [Fact]
    public void Linking_an_order_carries_its_promise_and_is_a_details_change()
    {
        var state = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;

        var linked = Tracker.LinkOrder(state, Order, Hours(24), listedByMarketplace: false, Hours(1), Rules);

        Assert.Equal(Order, linked.State.Order);
        Assert.Equal(Hours(24), linked.State.PromisedBy);
        Assert.True(linked.Kinds.HasFlag(ChangeKinds.DetailsChanged));
        Assert.False(Tracker.LinkOrder(linked.State, Order, Hours(24), listedByMarketplace: false, Hours(2), Rules).HasChanges);
    }

    [Fact]
    public void Only_a_parcel_the_marketplace_listed_for_that_order_is_unlinked_when_it_stops_listing_it()
    {
        var state = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;
        var byCaller = Tracker.LinkOrder(state, Order, Hours(24), listedByMarketplace: false, Hours(1), Rules).State;
        var listed = Tracker.LinkOrder(byCaller, Order, Hours(24), listedByMarketplace: true, Hours(2), Rules);

        Assert.True(listed.State.ListedByMarketplace);
        Assert.True(listed.Kinds.HasFlag(ChangeKinds.DetailsChanged));
        // A later link that is not the marketplace's list (FBA report, a caller) keeps the mark while the order is the same.
        Assert.False(Tracker.LinkOrder(listed.State, Order, Hours(24), listedByMarketplace: false, Hours(3), Rules).HasChanges);
        Assert.False(Tracker.UnlinkOrder(byCaller, Order, Hours(3), Rules).HasChanges);
        Assert.False(Tracker.UnlinkOrder(listed.State, new OrderLink("amazon", "other"), Hours(3), Rules).HasChanges);

        var unlinked = Tracker.UnlinkOrder(listed.State, Order, Hours(3), Rules);

        Assert.True(unlinked.State.Order.IsNone);
        Assert.Null(unlinked.State.PromisedBy);
        Assert.False(unlinked.State.ListedByMarketplace);
        Assert.True(unlinked.Kinds.HasFlag(ChangeKinds.DetailsChanged));
    }

    [Fact]
    public void A_parcel_whose_package_is_now_tracked_by_another_number_leaves_its_order_whoever_linked_it()
    {
        var state = Tracker.Register("shp_1", "t", "amazon", "AFTN0000000023", OrderLink.None, ShipmentState.EmptyLabels, T0).State;
        // MCF imports link without the marketplace's mark: they never list every parcel.
        var linked = Tracker.LinkOrder(state, Order, Hours(24), listedByMarketplace: false, Hours(1), Rules).State;

        Assert.False(Tracker.UnlinkReplaced(linked, new OrderLink("amazon", "other"), Hours(2), Rules).HasChanges);
        var unlinked = Tracker.UnlinkReplaced(linked, Order, Hours(2), Rules);

        Assert.True(unlinked.State.Order.IsNone);
        Assert.Null(unlinked.State.PromisedBy);
        Assert.True(unlinked.Kinds.HasFlag(ChangeKinds.DetailsChanged));
    }

    [Fact]
    public void Moving_a_parcel_to_another_order_drops_the_marketplaces_mark()
    {
        var state = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;
        var listed = Tracker.LinkOrder(state, Order, Hours(24), listedByMarketplace: true, Hours(1), Rules).State;
        var other = new OrderLink("manual", "other");

        Assert.False(Tracker.LinkOrder(listed, other, null, listedByMarketplace: false, Hours(2), Rules).State.ListedByMarketplace);
        Assert.False(Tracker.UpdateDetails(listed, other, null, Hours(2), Rules).State.ListedByMarketplace);
        Assert.True(Tracker.UpdateDetails(listed, Order, null, Hours(2), Rules).State.ListedByMarketplace);
    }

    [Fact]
    public void The_stated_ship_time_is_kept_until_restated_and_leaves_with_the_order()
    {
        var state = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;
        var stated = Tracker.LinkOrder(state, Order, Hours(24), listedByMarketplace: true, Hours(1), Rules, statedShippedAt: Hours(-2));

        Assert.Equal(Hours(-2), stated.State.StatedShippedAt);
        // An import that says nothing of it (a fulfillment webhook, Orders v0) keeps it; a new statement replaces it,
        // and is a change to commit.
        Assert.False(Tracker.LinkOrder(stated.State, Order, Hours(24), listedByMarketplace: false, Hours(2), Rules).HasChanges);
        var restated = Tracker.LinkOrder(stated.State, Order, Hours(24), listedByMarketplace: true, Hours(2), Rules, statedShippedAt: Hours(-1));
        Assert.Equal(Hours(-1), restated.State.StatedShippedAt);
        Assert.True(restated.Kinds.HasFlag(ChangeKinds.DetailsChanged));
        // What one order's marketplace said is not another order's.
        var other = new OrderLink("manual", "other");
        Assert.Null(Tracker.LinkOrder(stated.State, other, null, listedByMarketplace: false, Hours(3), Rules).State.StatedShippedAt);
        Assert.Null(Tracker.UpdateDetails(stated.State, other, null, Hours(3), Rules).State.StatedShippedAt);
        Assert.Equal(Hours(-2), Tracker.UpdateDetails(stated.State, Order, null, Hours(3), Rules).State.StatedShippedAt);
        Assert.Null(Tracker.UnlinkOrder(stated.State, Order, Hours(3), Rules).State.StatedShippedAt);
    }

    [Fact]
    public void Window_and_proof_of_delivery_are_kept_from_the_carrier()
    {
        var window = new DeliveryWindow(Hours(30), Hours(34));
        var pod = new ProofOfDelivery("J. MARTIN", "Front door", HasSignature: true, HasPhoto: false);
        var withWindow = Tracker.Apply(Linked(null), [], new CarrierSnapshot(null, [Scan.OutForDelivery(Hours(29))], Hours(34), DeliveryWindow: window), Hours(29.5), Rules);
        Assert.Equal(window, withWindow.State.DeliveryWindow);

        var delivered = Tracker.Apply(withWindow.State, [], new CarrierSnapshot(null, [Scan.Delivered(Hours(31))], ProofOfDelivery: pod), Hours(32), Rules);

        Assert.Equal(pod, delivered.State.ProofOfDelivery);
        Assert.True(delivered.Kinds.HasFlag(ChangeKinds.DetailsChanged));
    }
}
