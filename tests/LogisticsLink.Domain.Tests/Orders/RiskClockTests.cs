using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests.Orders;

/// <summary>
/// When a shipment's flags must be judged again with nothing new from the carrier: each judgement keeps the first
/// instant a time-driven flag can be raised, and a judgement at that instant raises it.
/// </summary>
public sealed class RiskClockTests
{
    private static readonly TrackerRules Rules = TrackerRules.Default;
    private static readonly OrderLink Order = new("amazon", "113-1234567-1234567");

    [Fact]
    public void An_unscanned_linked_parcel_is_due_when_its_tracking_grace_ends_then_when_its_promise_passes_then_never()
    {
        var registered = Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, T0, Hours(72)).State;

        var judged = Tracker.Reassess(registered, Hours(1), Rules).State;
        Assert.Equal(Hours(48).AddTicks(1), judged.RiskCheckAt);
        Assert.Empty(Tracker.Reassess(judged, Hours(48), Rules).State.Risks);

        var graceOver = Tracker.Reassess(judged, judged.RiskCheckAt!.Value, Rules);
        Assert.Contains(graceOver.State.Risks, r => r.Kind == RiskKind.NoValidTracking);
        Assert.Equal(Hours(72).AddTicks(1), graceOver.State.RiskCheckAt);

        var promisePassed = Tracker.Reassess(graceOver.State, graceOver.State.RiskCheckAt!.Value, Rules);
        Assert.Contains(promisePassed.State.Risks, r => r.Kind == RiskKind.Delayed);
        Assert.True(promisePassed.Kinds.HasFlag(ChangeKinds.RisksChanged));
        Assert.Null(promisePassed.State.RiskCheckAt);
    }

    [Fact]
    public void A_new_scan_keeps_the_earlier_check_still_ahead_and_that_check_stores_the_exact_time()
    {
        var registered = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;
        var first = Tracker.Apply(registered, [], new CarrierSnapshot(null, [Scan.InTransit(Hours(1))], null), Hours(2), Rules).State;

        // The stall limit moves with every scan; the stored check stays where it was, so its index entry is not rewritten.
        var second = Tracker.Apply(first, [], new CarrierSnapshot(null, [Scan.InTransit(Hours(1)), Scan.InTransit(Hours(3))], null), Hours(4), Rules).State;
        Assert.Equal(first.RiskCheckAt, second.RiskCheckAt);

        var early = Tracker.Reassess(second, second.RiskCheckAt!.Value, Rules);
        Assert.DoesNotContain(early.State.Risks, r => r.Kind == RiskKind.Stalled);
        Assert.Equal(Hours(3) + RiskRules.Default.StalledInTransit + TimeSpan.FromTicks(1), early.State.RiskCheckAt);
        Assert.False(early.HasChanges);
    }

    [Fact]
    public void A_parcel_a_carrier_summary_calls_in_transit_without_a_physical_scan_is_still_due_when_its_grace_ends()
    {
        var registered = Tracker.Register("shp_1", "t", "ups", "1Z001", Order, ShipmentState.EmptyLabels, T0).State;

        var summary = Tracker.Apply(registered, [], new CarrierSnapshot(TrackingStatus.InTransit, [Scan.InfoReceived(Hours(1))], null), Hours(2), Rules).State;

        Assert.Equal(Hours(48).AddTicks(1), summary.RiskCheckAt);
        Assert.Contains(Tracker.Reassess(summary, summary.RiskCheckAt!.Value, Rules).State.Risks, r => r.Kind == RiskKind.NoValidTracking);
    }

    [Fact]
    public void A_scanned_parcel_is_due_when_its_last_scan_grows_too_old_for_its_status_and_a_delivered_one_never()
    {
        var registered = Tracker.Register("shp_1", "t", "ups", "1Z001", OrderLink.None, ShipmentState.EmptyLabels, T0).State;

        var moving = Tracker.Apply(registered, [], new CarrierSnapshot(null, [Scan.InTransit(Hours(1))], null), Hours(2), Rules).State;
        Assert.Equal(Hours(1) + RiskRules.Default.StalledInTransit + TimeSpan.FromTicks(1), moving.RiskCheckAt);
        Assert.Contains(Tracker.Reassess(moving, moving.RiskCheckAt!.Value, Rules).State.Risks, r => r.Kind == RiskKind.Stalled);

        var delivered = Tracker.Apply(moving, [], new CarrierSnapshot(null, [Scan.Of(TrackingStatus.Delivered, Hours(3))], null), Hours(4), Rules).State;
        Assert.Null(delivered.RiskCheckAt);
    }
}
