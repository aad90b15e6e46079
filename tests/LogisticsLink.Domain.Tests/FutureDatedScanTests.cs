using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// A carrier that gets a scan's zone wrong dates it hours ahead of when we received it. A scan cannot have happened
/// after we held it, so one dated more than a few minutes ahead counts as of its arrival when it tells which scan is newer: the later real scans still move
/// the parcel on, instead of waiting until the wrong time has passed. The scan keeps the carrier's time as evidence.
/// </summary>
public sealed class FutureDatedScanTests
{
    [Fact]
    public void A_scan_dated_after_its_arrival_does_not_outrank_a_later_delivery()
    {
        var history = ShipmentHistory.Registered().At(Hours(5));
        var misdated = Scan.InTransit(Hours(10));
        history.Apply(misdated);
        Assert.Equal(Hours(5), history.State.LastEventAt);

        history.At(Hours(7));
        var result = history.Apply(misdated, Scan.Delivered(Hours(6.5)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(6.5), result.State.DeliveredAt);
        Assert.Equal(Hours(6.5), result.State.LastEventAt);
        Assert.Contains(history.Events, e => e.OccurredAt == Hours(10));
    }

    [Fact]
    public void A_delivery_dated_after_its_arrival_is_delivered_when_it_arrived()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(Hours(4));

        var result = history.Apply(Scan.InTransit(Hours(1)), Scan.Delivered(Hours(9)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(4), result.State.DeliveredAt);
        Assert.Equal(Hours(4), result.State.LastEventAt);
    }

    [Fact]
    public void A_scan_dated_minutes_after_its_arrival_keeps_its_own_time()
    {
        // A carrier clock a little ahead of ours, or a scan made while we were asking, is not a zone error.
        var history = ShipmentHistory.Registered().At(Hours(5));

        var result = history.Apply(Scan.InTransit(Hours(5).AddMinutes(10)));

        Assert.Equal(Hours(5).AddMinutes(10), result.State.LastEventAt);
        Assert.Equal(Hours(5).AddMinutes(10), result.State.FirstScanAt);
    }

    [Fact]
    public void The_stored_history_counts_a_misdated_scan_as_of_its_arrival()
    {
        var misdated = Scan.InTransit(Hours(10)) with { IngestedAt = Hours(5) };
        var delivered = Scan.Delivered(Hours(6)) with { IngestedAt = Hours(6) };

        var known = KnownEvents.Of([misdated, delivered]);

        Assert.Same(delivered, known.Newest);
        Assert.Equal(Hours(6), known.LatestDeliveredAt);
    }
}
