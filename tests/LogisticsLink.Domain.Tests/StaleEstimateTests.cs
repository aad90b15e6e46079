using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// A pushed estimate is dated by the push (<see cref="CarrierSnapshot.ObservedAt"/>); one dated before the estimate kept
/// (sent before the last poll or a newer push, delivered late) must not replace it. Polls are current when applied.
/// </summary>
public sealed class StaleEstimateTests
{
    private static CarrierSnapshot Poll(DateTimeOffset eta, DeliveryWindow? window = null) => new(null, [], EstimatedDelivery: eta, DeliveryWindow: window);

    private static CarrierSnapshot Push(DateTimeOffset eta, DateTimeOffset sentAt, DeliveryWindow? window = null) =>
        new(null, [], EstimatedDelivery: eta, DeliveryWindow: window, ObservedAt: sentAt);

    [Fact]
    public void An_estimate_only_push_sent_before_the_last_poll_keeps_the_polled_estimate()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Poll(Hours(50)));
        var polled = history.State;
        history.At(Hours(3));

        var result = history.Apply(Push(Hours(30), sentAt: Hours(1)));

        Assert.Equal(Hours(50), result.State.EstimatedDelivery);
        Assert.Equal(Hours(2), result.State.EstimatedDeliveryAsOf);
        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(polled.Version, result.State.Version);
    }

    [Fact]
    public void A_push_sent_before_a_newer_push_but_arriving_after_it_does_not_undo_it()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        history.Apply(Push(Hours(40), sentAt: Minutes(50)));
        history.At(Hours(3));
        // Sent at 0:55, after the first (0:50), but both arrive late: the first received at 1:00 must not outrank it.
        history.Apply(Push(Hours(44), sentAt: Minutes(55)));
        history.At(Hours(4));

        var result = history.Apply(Push(Hours(30), sentAt: Minutes(52)));

        Assert.Equal(Hours(44), result.State.EstimatedDelivery);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void A_push_sent_after_the_last_poll_moves_the_estimate_either_way()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Poll(Hours(50)));
        history.At(Hours(4));

        var result = history.Apply(Push(Hours(30), sentAt: Hours(3)));

        Assert.Equal(Hours(30), result.State.EstimatedDelivery);
        Assert.Equal(Hours(3), result.State.EstimatedDeliveryAsOf);
        Assert.True(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void A_poll_always_replaces_a_pushed_estimate()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Push(Hours(30), sentAt: Hours(2)));
        history.At(Hours(5));

        var result = history.Apply(Poll(Hours(60)));

        Assert.Equal(Hours(60), result.State.EstimatedDelivery);
        // As of the check itself: not stored apart.
        Assert.Null(result.State.EstimatedDeliveryAsOf);
        Assert.Equal(Hours(5), result.State.LastCheckedAt);
    }

    [Fact]
    public void An_old_push_still_gives_an_estimate_when_none_is_kept()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(new CarrierSnapshot(null, [Scan.InTransit(Hours(1))]));
        history.At(Hours(4));

        var result = history.Apply(Push(Hours(30), sentAt: Hours(1)));

        Assert.Equal(Hours(30), result.State.EstimatedDelivery);
        Assert.True(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void The_window_of_an_estimate_not_taken_is_not_taken_either()
    {
        var kept = new DeliveryWindow(Hours(48), Hours(50));
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Poll(Hours(50), kept));
        history.At(Hours(3));

        var result = history.Apply(Push(Hours(30), sentAt: Hours(1), new DeliveryWindow(Hours(28), Hours(30))));

        Assert.Equal((Hours(50), kept), (result.State.EstimatedDelivery, result.State.DeliveryWindow));
    }

    [Fact]
    public void A_push_dated_ahead_of_the_server_clock_counts_as_now()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        // The sender's clock runs an hour ahead: its push must not outrank the ones that follow it.
        history.Apply(Push(Hours(30), sentAt: Hours(3)));
        history.At(Hours(2.5));

        var result = history.Apply(Push(Hours(36), sentAt: Hours(2.25)));

        Assert.Equal(Hours(36), result.State.EstimatedDelivery);
    }

    [Fact]
    public void A_polled_estimate_keeps_its_date_when_a_later_check_brings_none()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Poll(Hours(50)));
        history.At(Hours(4));
        // A scan pushed without an estimate moves the check on, not the date of the estimate kept.
        history.Apply(new CarrierSnapshot(null, [Scan.InTransit(Hours(3))]));
        history.At(Hours(5));

        var result = history.Apply(Push(Hours(30), sentAt: Hours(3)));

        Assert.Equal(Hours(30), result.State.EstimatedDelivery);
    }

    [Fact]
    public void A_shipment_stored_before_estimates_were_dated_compares_with_its_last_check()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Poll(Hours(50)));
        var legacy = history.State with { EstimatedDeliveryAsOf = null };

        var stale = Tracker.Apply(legacy, [], Push(Hours(30), sentAt: Hours(1)), Hours(3), TrackerRules.Default);
        var fresh = Tracker.Apply(legacy, [], Push(Hours(30), sentAt: Hours(2.5)), Hours(3), TrackerRules.Default);

        Assert.Equal(Hours(50), stale.State.EstimatedDelivery);
        Assert.Equal(Hours(30), fresh.State.EstimatedDelivery);
    }
}
