using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>
/// EXPIRED is LogisticsLink's own verdict ("the carrier told us nothing in time"), not something the carrier said: as
/// soon as the carrier knows the parcel, whatever the dates of its scans, the verdict is wrong and must go.
/// </summary>
public sealed class ExpiredRevivalTests
{
    /// <summary>A number expired by the check on day 2 (the rule: one day), now asked about again on day 3.</summary>
    private static ShipmentHistory ExpiredOnDayTwo()
    {
        var rules = new TrackerRules(TimeSpan.FromDays(1)) { Risks = new RiskRules { ValidTrackingGrace = TimeSpan.FromDays(30) } };
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(2));
        history.Apply(CarrierSnapshot.NotFound());
        Assert.Equal(TrackingStatus.Expired, history.State.Status);
        return history.At(T0.AddDays(3));
    }

    [Fact]
    public void A_scan_the_carrier_publishes_late_dated_before_the_expiring_check_brings_the_parcel_back()
    {
        // The carrier scanned the parcel at day 1.5 but its API still answered "not found" at the day-2 check.
        var result = ExpiredOnDayTwo().Apply(Scan.InTransit(T0.AddDays(1.5)));

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(TrackingStatus.Expired, result.PreviousStatus);
        Assert.Equal("Arrived at sorting facility", result.State.StatusDescription);
        Assert.NotNull(RefreshSchedule.NextCheck(result.State, T0.AddDays(3), new RefreshIntervals(), 0.5));
    }

    [Fact]
    public void A_carrier_summary_without_scans_brings_the_parcel_back_and_drops_the_expired_wording()
    {
        var result = ExpiredOnDayTwo().Apply(Snapshot.Reporting(TrackingStatus.InfoReceived));

        Assert.Equal(TrackingStatus.InfoReceived, result.State.Status);
        Assert.True(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
        Assert.Equal("", result.State.StatusDetail);
        Assert.Equal("", result.State.StatusDescription);
    }

    [Fact]
    public void An_expired_number_still_unknown_to_the_carrier_stays_expired()
    {
        var result = ExpiredOnDayTwo().Apply(Snapshot.Reporting(TrackingStatus.Pending));

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal("expired.no_information", result.State.StatusDetail);
    }
}
