using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>Late, reordered and flickering carrier information never moves the status backwards without newer evidence.</summary>
public sealed class OutOfOrderTests
{
    private static ShipmentHistory OutForDeliveryAt5h() =>
        ShipmentHistory.WithEvents(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5)));

    [Fact]
    public void A_late_older_scan_is_stored_but_does_not_move_the_status_back()
    {
        var history = OutForDeliveryAt5h();
        var before = history.State;
        history.At(Hours(6));
        var lateHubScan = Scan.Of(TrackingStatus.InTransit, Hours(3), rawCode: "DP", description: "Departed hub");

        var result = history.Apply(lateHubScan);

        Assert.Equal(lateHubScan.DedupKey, Assert.Single(result.AddedEvents).DedupKey);
        Assert.Equal(ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(before.StatusDescription, result.State.StatusDescription);
        Assert.Equal(before.StatusDetail, result.State.StatusDetail);
        Assert.Equal(Hours(5), result.State.LastEventAt);
    }

    [Fact]
    public void Scans_listed_out_of_order_in_one_snapshot_still_give_the_newest_status()
    {
        var history = ShipmentHistory.Registered().At(Hours(6));

        var result = history.Apply(Scan.OutForDelivery(Hours(5)), Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(Hours(5), result.State.LastEventAt);
        Assert.Equal(new[] { Hours(5), Hours(1), Minutes(10) }, result.AddedEvents.Select(e => e.OccurredAt));
    }

    [Fact]
    public void A_carrier_overall_status_that_regresses_without_newer_scans_is_refused()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(6));

        // The carrier's summary flickers back while its event list is unchanged.
        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit,
            Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5))));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(ChangeKinds.None, result.Kinds);
    }

    [Fact]
    public void A_carrier_overall_status_that_regresses_with_no_scans_at_all_is_refused()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(6));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InfoReceived));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
    }

    [Fact]
    public void A_carrier_overall_status_that_regresses_with_only_a_late_scan_is_refused()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(6));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit, Scan.Of(TrackingStatus.InTransit, Hours(3), rawCode: "DP")));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(ChangeKinds.EventsAdded, result.Kinds);
    }

    [Fact]
    public void A_newer_scan_with_an_earlier_stage_status_is_followed()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(9));

        // The van came back to the depot: genuinely newer evidence.
        var result = history.Apply(Scan.Of(TrackingStatus.InTransit, Hours(8), rawCode: "RD", description: "Back at depot"));

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(TrackingStatus.OutForDelivery, result.PreviousStatus);
        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal("Back at depot", result.State.StatusDescription);
        Assert.Equal(Hours(8), result.State.LastEventAt);
    }

    [Fact]
    public void A_carrier_overall_status_that_goes_back_with_a_newer_scan_is_followed()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(9));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.Exception, Scan.Exception(Hours(8))));

        Assert.Equal(TrackingStatus.Exception, result.State.Status);
        Assert.Equal("exception.address_issue", result.State.StatusDetail);
    }

    [Fact]
    public void A_carrier_overall_status_that_moves_forward_is_followed_even_without_scans()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(4));

        var result = history.Apply(new CarrierSnapshot(TrackingStatus.OutForDelivery, [], StatusDescription: "On the van"));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(ChangeKinds.StatusChanged, result.Kinds);
        Assert.Equal("On the van", result.State.StatusDescription);
    }

    /// <summary>
    /// Invariant 3: status never goes backwards by accident. Here the only newer evidence is another
    /// OUT_FOR_DELIVERY scan; the carrier's summary lags behind at IN_TRANSIT. Nothing newer says IN_TRANSIT.
    /// </summary>
    [Fact]
    public void A_lagging_overall_status_does_not_win_over_a_newer_scan_that_contradicts_it()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(7));
        var secondVan = Scan.Of(TrackingStatus.OutForDelivery, Hours(6), rawCode: "OT2", description: "Loaded on second van");

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit,
            Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5)), secondVan));

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
    }

    /// <summary>
    /// A poll's answer that does not yet hold a scan already stored (pushed by a webhook while the poll was under way,
    /// or a tracking API lagging behind its own push) describes an older moment: its summary must not move the status
    /// sideways, nor its ETA replace a newer one.
    /// </summary>
    [Fact]
    public void A_poll_that_lags_behind_a_pushed_scan_does_not_undo_it()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(7));
        var tuesday = Hours(24);
        var wednesday = Hours(48);
        history.Apply(Snapshot.WithEvents(Scan.Of(TrackingStatus.AttemptFailed, Hours(6), rawCode: "NH", description: "Nobody home")) with
        {
            EstimatedDelivery = wednesday,
        });
        var pushed = history.State;
        history.At(Hours(8));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.OutForDelivery,
            Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5))) with { EstimatedDelivery = tuesday });

        Assert.Equal(TrackingStatus.AttemptFailed, pushed.Status);
        Assert.Equal(TrackingStatus.AttemptFailed, result.State.Status);
        Assert.Equal(wednesday, result.State.EstimatedDelivery);
        Assert.Equal(pushed.StatusDescription, result.State.StatusDescription);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
        Assert.False(result.Kinds.HasFlag(ChangeKinds.EtaChanged));
    }

    [Fact]
    public void A_poll_that_holds_every_stored_scan_may_still_move_the_status_sideways()
    {
        var history = OutForDeliveryAt5h();
        history.At(Hours(7));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.AttemptFailed,
            Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5))) with { EstimatedDelivery = Hours(48) });

        Assert.Equal(TrackingStatus.AttemptFailed, result.State.Status);
        Assert.Equal(Hours(48), result.State.EstimatedDelivery);
    }
}
