using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// The carrier's own words for a status the shipment already has (a "no information yet" answer on a parcel that was
/// registered PENDING): they reach the shipment without a status change, and only once.
/// </summary>
public sealed class CarrierSummaryTextTests
{
    [Fact]
    public void A_no_information_yet_answer_describes_a_just_registered_shipment()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));

        var result = history.Apply(CarrierSnapshot.NoInformationYet("UPS has no information for this package yet."));

        Assert.Equal(TrackingStatus.Pending, result.State.Status);
        Assert.Equal("UPS has no information for this package yet.", result.State.StatusDescription);
        // A dashboard shows status_description: a subscriber must hear that it changed.
        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal(2, result.State.Version);
    }

    [Fact]
    public void The_same_text_on_the_next_poll_is_no_change()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        history.Apply(CarrierSnapshot.NoInformationYet("DHL has no status for this shipment yet."));
        var described = history.State;
        history.At(Hours(2));

        var result = history.Apply(CarrierSnapshot.NoInformationYet("DHL has no status for this shipment yet."));

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(described.Version, result.State.Version);
        Assert.Equal(described.UpdatedAt, result.State.UpdatedAt);
    }

    [Fact]
    public void A_summary_with_its_detail_replaces_the_carrier_words_kept_for_the_same_status()
    {
        var history = ShipmentHistory.Registered().At(Hours(1));
        history.Apply(CarrierSnapshot.NoInformationYet("UPS has no information for this package yet."));
        history.At(Hours(2));

        var result = history.Apply(new CarrierSnapshot(TrackingStatus.Pending, [],
            StatusDetail: "pending.label_created", StatusDescription: "Shipper created a label."));

        Assert.Equal(ChangeKinds.DetailsChanged, result.Kinds);
        Assert.Equal("pending.label_created", result.State.StatusDetail);
        Assert.Equal("Shipper created a label.", result.State.StatusDescription);
    }

    [Fact]
    public void A_summary_for_another_status_does_not_describe_the_status_kept()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        var before = history.State;
        history.At(Hours(3));

        // "Not found" never erases a known status, nor does its wording describe it.
        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(before.StatusDescription, result.State.StatusDescription);
        Assert.Equal(ChangeKinds.None, result.Kinds);
    }

    [Fact]
    public void A_scan_that_carries_the_status_keeps_describing_it_over_the_summary()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        var before = history.State;
        history.At(Hours(3));

        var result = history.Apply(new CarrierSnapshot(TrackingStatus.InTransit, [Scan.InTransit(Hours(1))],
            StatusDescription: "On the way."));

        Assert.Equal(before.StatusDescription, result.State.StatusDescription);
        Assert.Equal(ChangeKinds.None, result.Kinds);
    }
}
