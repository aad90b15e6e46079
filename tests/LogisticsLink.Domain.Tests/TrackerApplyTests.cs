using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>Tracker.Apply with genuinely new carrier information.</summary>
public sealed class TrackerApplyTests
{
    [Fact]
    public void New_events_are_added_newest_first_and_stamped_with_the_ingest_time()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        var label = Scan.InfoReceived(Minutes(10));
        var pickup = Scan.InTransit(Hours(1));

        // The carrier lists its scans oldest first; the contract wants newest first.
        var result = history.Apply(label, pickup);

        Assert.Equal(new[] { pickup.DedupKey, label.DedupKey }, result.AddedEvents.Select(e => e.DedupKey));
        Assert.Equal(new[] { Hours(1), Minutes(10) }, result.AddedEvents.Select(e => e.OccurredAt));
        Assert.All(result.AddedEvents, e => Assert.Equal(Hours(2), e.IngestedAt));
    }

    [Fact]
    public void Without_an_overall_status_the_newest_event_decides_the_status()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));

        var result = history.Apply(Scan.InTransit(Hours(1)), Scan.InfoReceived(Minutes(10)));

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(TrackingStatus.Pending, result.PreviousStatus);
    }

    [Fact]
    public void First_real_news_reports_status_changed_and_events_added_and_bumps_the_version_once()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));

        var result = history.Apply(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)));

        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(2, result.State.Version);
        Assert.Equal(Hours(2), result.State.UpdatedAt);
    }

    [Fact]
    public void Apply_records_when_the_carrier_was_asked_and_the_time_of_the_newest_scan()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));

        var result = history.Apply(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)));

        Assert.Equal(Hours(1), result.State.LastEventAt);
        Assert.Equal(Hours(2), result.State.LastCheckedAt);
    }

    [Fact]
    public void The_status_detail_and_description_come_from_the_newest_event()
    {
        var history = ShipmentHistory.Registered().At(Hours(8));

        var result = history.Apply(
            Scan.InTransit(Hours(1)),
            Scan.Of(TrackingStatus.Exception, Hours(6), detail: "exception.customs_hold", description: "Held by customs"),
            Scan.InfoReceived(Minutes(10)));

        Assert.Equal(TrackingStatus.Exception, result.State.Status);
        Assert.Equal("exception.customs_hold", result.State.StatusDetail);
        Assert.Equal("Held by customs", result.State.StatusDescription);
    }

    [Fact]
    public void The_carriers_overall_status_is_used_when_it_gives_one()
    {
        var history = ShipmentHistory.Registered().At(Hours(3));
        var snapshot = new CarrierSnapshot(
            TrackingStatus.OutForDelivery,
            [Scan.InTransit(Hours(1))],
            StatusDetail: "out_for_delivery.vehicle",
            StatusDescription: "On the delivery vehicle");

        var result = history.Apply(snapshot);

        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        // The newest event does not carry that status, so the carrier's own summary describes it.
        Assert.Equal("out_for_delivery.vehicle", result.State.StatusDetail);
        Assert.Equal("On the delivery vehicle", result.State.StatusDescription);
    }

    [Fact]
    public void A_second_refresh_adds_only_the_new_scan_and_moves_the_status_on()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        history.Apply(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)));
        history.At(Hours(6));
        var outForDelivery = Scan.OutForDelivery(Hours(5));

        // Carriers resend their whole history on every poll.
        var result = history.Apply(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), outForDelivery);

        Assert.Equal(new[] { outForDelivery.DedupKey }, result.AddedEvents.Select(e => e.DedupKey));
        Assert.Equal(TrackingStatus.OutForDelivery, result.State.Status);
        Assert.Equal(TrackingStatus.InTransit, result.PreviousStatus);
        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(3, result.State.Version);
        Assert.Equal(Hours(5), result.State.LastEventAt);
        Assert.Equal(Hours(6), result.State.LastCheckedAt);
        Assert.Equal("Out for delivery", result.State.StatusDescription);
    }

    [Fact]
    public void A_new_scan_with_the_same_status_adds_events_without_a_status_change()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(5));
        var hub = Scan.Of(TrackingStatus.InTransit, Hours(4), rawCode: "DP", description: "Departed hub", location: Scan.Paris);

        var result = history.Apply(hub);

        Assert.Equal(ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal("Departed hub", result.State.StatusDescription);
        Assert.Equal(Hours(4), result.State.LastEventAt);
    }

    [Fact]
    public void A_refresh_with_nothing_new_changes_only_the_bookkeeping()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        var before = history.State;
        history.At(Hours(4));

        var result = history.Apply(Snapshot.Empty);

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.False(result.HasChanges);
        Assert.Empty(result.AddedEvents);
        Assert.Equal(before.Version, result.State.Version);
        Assert.Equal(before.UpdatedAt, result.State.UpdatedAt);
        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(Hours(4), result.State.LastCheckedAt);
    }

    [Fact]
    public void The_tracking_url_follows_the_carrier_and_an_empty_one_keeps_the_previous()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));

        history.Apply(new CarrierSnapshot(null, [Scan.InfoReceived(Minutes(10))], TrackingUrl: "https://carrier.example/t/1"));
        Assert.Equal("https://carrier.example/t/1", history.State.TrackingUrl);

        history.After(TimeSpan.FromHours(1)).Apply(Snapshot.Empty);
        Assert.Equal("https://carrier.example/t/1", history.State.TrackingUrl);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://carrier.example/t/1")]
    [InlineData("/t/1")]
    [InlineData("not a url")]
    public void A_tracking_url_that_is_not_an_absolute_web_address_keeps_the_previous(string url)
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        history.Apply(new CarrierSnapshot(null, [Scan.InfoReceived(Minutes(10))], TrackingUrl: "https://carrier.example/t/1"));

        history.After(TimeSpan.FromHours(1)).Apply(new CarrierSnapshot(null, [], TrackingUrl: url));

        Assert.Equal("https://carrier.example/t/1", history.State.TrackingUrl);
    }

    [Fact]
    public void Apply_does_not_touch_identity_order_or_labels()
    {
        var history = ShipmentHistory.Registered().At(Hours(2));
        var registered = history.State;

        var state = history.Apply(Scan.InTransit(Hours(1))).State;

        Assert.Equal(registered.Id, state.Id);
        Assert.Equal(registered.TenantId, state.TenantId);
        Assert.Equal(registered.TrackingNumber, state.TrackingNumber);
        Assert.Equal(registered.CreatedAt, state.CreatedAt);
        Assert.Equal(registered.Order, state.Order);
        Assert.Same(registered.Labels, state.Labels);
    }
}
