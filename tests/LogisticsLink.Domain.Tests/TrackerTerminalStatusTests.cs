using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests;

/// <summary>Terminal statuses, NOT_FOUND and EXPIRED (DESIGN.md §4 invariant 3, §5).</summary>
public sealed class TrackerTerminalStatusTests
{
    private static readonly TrackingEvent[] DeliveredJourney =
        [Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)), Scan.OutForDelivery(Hours(5)), Scan.Delivered(Hours(6))];

    private static ShipmentHistory DeliveredAt6h() => ShipmentHistory.WithEvents(DeliveredJourney);

    [Fact]
    public void Delivered_at_is_when_the_parcel_was_delivered_not_when_we_heard_of_it()
    {
        var history = ShipmentHistory.Registered().At(Hours(9));

        var result = history.Apply(DeliveredJourney);

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(6), result.State.DeliveredAt);
        Assert.Equal("delivered.front_door", result.State.StatusDetail);
    }

    [Fact]
    public void Delivered_at_falls_back_to_now_when_only_the_overall_status_says_delivered()
    {
        var history = ShipmentHistory.WithEvents(Scan.OutForDelivery(Hours(5)));
        history.At(Hours(9));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.Delivered));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(9), result.State.DeliveredAt);
    }

    [Fact]
    public void Delivered_at_comes_from_the_delivery_scan_when_it_arrives_after_the_summary_said_delivered()
    {
        var history = ShipmentHistory.WithEvents(Scan.OutForDelivery(Hours(5)));
        history.At(Hours(9));
        history.Apply(Snapshot.Reporting(TrackingStatus.Delivered));
        history.At(Hours(10));

        var result = history.Apply(Scan.Delivered(Hours(6)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(6), result.State.DeliveredAt);
    }

    [Fact]
    public void Delivered_is_not_changed_by_the_same_scans_again()
    {
        var history = DeliveredAt6h();
        var delivered = history.State;
        history.At(Hours(30));

        var result = history.Apply(DeliveredJourney);

        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(Hours(6), result.State.DeliveredAt);
        Assert.Equal(delivered.Version, result.State.Version);
    }

    [Fact]
    public void Delivered_is_not_turned_into_in_transit_by_a_late_scan()
    {
        var history = DeliveredAt6h();
        history.At(Hours(30));
        var lateScan = Scan.Of(TrackingStatus.InTransit, Hours(3), rawCode: "DP", description: "Departed hub");

        var result = history.Apply(lateScan);

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(ChangeKinds.EventsAdded, result.Kinds);
        Assert.Equal(Hours(6), result.State.DeliveredAt);
        Assert.Equal("delivered.front_door", result.State.StatusDetail);
    }

    [Fact]
    public void Delivered_is_not_turned_into_in_transit_by_the_carriers_summary_alone()
    {
        var history = DeliveredAt6h();
        history.At(Hours(30));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit, DeliveredJourney));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.Equal(ChangeKinds.None, result.Kinds);
    }

    [Fact]
    public void Delivered_changes_to_returning_when_a_newer_scan_says_so()
    {
        var history = DeliveredAt6h();
        history.At(Hours(50));

        var result = history.Apply(Scan.Returning(Hours(48)));

        Assert.Equal(TrackingStatus.Returning, result.State.Status);
        Assert.Equal(TrackingStatus.Delivered, result.PreviousStatus);
        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.EventsAdded | ChangeKinds.RisksChanged, result.Kinds);
        Assert.Equal(RiskKind.Returning, Assert.Single(result.State.Risks).Kind);
        Assert.Equal("Returning to sender", result.State.StatusDescription);
    }

    [Theory]
    [InlineData(TrackingStatus.Returned)]
    [InlineData(TrackingStatus.Lost)]
    [InlineData(TrackingStatus.Cancelled)]
    public void Other_terminal_statuses_hold_against_late_scans(TrackingStatus terminal)
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)), Scan.Of(terminal, Hours(10)));
        history.At(Hours(30));

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit, Scan.Of(TrackingStatus.InTransit, Hours(5), rawCode: "DP")));

        Assert.Equal(terminal, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
    }

    /// <summary>
    /// Invariant 3: a terminal status changes only on newer evidence. The newer scan here is a second DELIVERED scan
    /// (signature captured); the carrier's cached summary still says IN_TRANSIT. Nothing newer says IN_TRANSIT.
    /// </summary>
    [Fact]
    public void Delivered_is_not_turned_into_in_transit_by_a_lagging_summary_next_to_a_newer_delivered_scan()
    {
        var history = DeliveredAt6h();
        history.At(Hours(8));
        var signature = Scan.Of(TrackingStatus.Delivered, Hours(7), rawCode: "DS", description: "Signature captured", detail: "delivered.signed");

        var result = history.Apply(Snapshot.Reporting(TrackingStatus.InTransit, [.. DeliveredJourney, signature]));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
    }

    /// <summary>
    /// Invariant 3: late events do not turn DELIVERED back into IN_TRANSIT. The carrier first answered with its summary
    /// only (DELIVERED, no scans); the next answer lists the scans, all older than the delivery we already know of.
    /// </summary>
    [Fact]
    public void Delivered_from_a_summary_is_not_turned_into_in_transit_when_the_older_scans_arrive_later()
    {
        var history = ShipmentHistory.Registered().At(Hours(9));
        history.Apply(Snapshot.Reporting(TrackingStatus.Delivered));
        history.At(Hours(10));

        var result = history.Apply(Scan.InfoReceived(Minutes(10)), Scan.InTransit(Hours(1)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
    }

    /// <summary>
    /// LOST came from the summary alone at 10:00 and was polled again at 20:00; a scan of 15:00, published late, is
    /// newer than what the carrier said when LOST was learnt and moves the parcel on; one of 08:00 is not.
    /// </summary>
    [Theory]
    [InlineData(15, TrackingStatus.InTransit)]
    [InlineData(8, TrackingStatus.Lost)]
    public void A_terminal_status_from_a_summary_is_dated_when_it_was_learnt_not_by_the_checks_after(int scanHour, TrackingStatus expected)
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(2)));
        history.At(Hours(10));
        history.Apply(Snapshot.Reporting(TrackingStatus.Lost));
        history.At(Hours(20));
        history.Apply(Snapshot.Reporting(TrackingStatus.Lost));
        history.At(Hours(21));

        var result = history.Apply(Scan.InTransit(Hours(scanHour)));

        Assert.Equal(expected, result.State.Status);
    }

    /// <summary>
    /// Invariant 3: a terminal status changes only on newer evidence. DELIVERED came from the summary at a poll on day 2
    /// at 20:00 (last scan day 1); a webhook then pushes an out-for-delivery scan of day 2 at 08:00, older than that.
    /// </summary>
    [Fact]
    public void Delivered_from_a_summary_is_not_undone_by_a_scan_older_than_when_it_was_learnt()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(2)));
        history.At(Hours(36));
        history.Apply(Snapshot.Reporting(TrackingStatus.Delivered));
        history.At(Hours(37));

        var result = history.Apply(Scan.OutForDelivery(Hours(24)));

        Assert.Equal(TrackingStatus.Delivered, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
        Assert.Equal(Hours(36), result.State.DeliveredAt);
    }

    [Theory]
    [InlineData(TrackingStatus.InfoReceived)]
    [InlineData(TrackingStatus.InTransit)]
    [InlineData(TrackingStatus.Exception)]
    [InlineData(TrackingStatus.Delivered)]
    public void Not_found_from_the_carrier_never_erases_a_known_status(TrackingStatus known)
    {
        var history = ShipmentHistory.WithEvents(Scan.Of(known, Hours(1)));
        var before = history.State;
        history.At(Hours(5));

        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(known, result.State.Status);
        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(before.StatusDescription, result.State.StatusDescription);
        Assert.Equal(before.Version, result.State.Version);
    }

    [Fact]
    public void Not_found_replaces_pending_when_the_carrier_does_not_know_the_number_yet()
    {
        var history = ShipmentHistory.Registered().At(Minutes(1));

        var result = history.Apply(CarrierSnapshot.NotFound("Unknown number"));

        Assert.Equal(TrackingStatus.NotFound, result.State.Status);
        Assert.Equal(ChangeKinds.StatusChanged, result.Kinds);
        Assert.Equal("Unknown number", result.State.StatusDescription);
    }

    /// <summary>
    /// What UPS (NA, 000, 148, 163) and DHL (<c>unknown</c>) say of a number they know but have no scan for: carriers.md
    /// §4.2-4.3's UNKNOWN ("no data"), which is PENDING here, not NOT_FOUND ("the carrier says the number is unknown").
    /// </summary>
    private static CarrierSnapshot NoInformationYet() => CarrierSnapshot.NoInformationYet("UPS has no information for this package yet.");

    [Fact]
    public void A_number_the_carrier_has_no_information_for_yet_stays_pending_and_expires_past_the_rule_as_an_unknown_one_does()
    {
        var rules = new TrackerRules(TimeSpan.FromDays(3));
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(1));
        Assert.Equal(TrackingStatus.Pending, history.Apply(NoInformationYet()).State.Status);
        history.At(T0.AddDays(3).AddSeconds(1));

        var result = history.Apply(NoInformationYet());

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal(TrackingStatus.Pending, result.PreviousStatus);
        Assert.Equal("expired.no_information", result.State.StatusDetail);
    }

    [Fact]
    public void A_number_stored_as_not_found_becomes_pending_when_the_carrier_says_it_has_no_information_yet()
    {
        // Earlier versions stored these answers as NOT_FOUND: the next poll puts the carrier's words back.
        var history = ShipmentHistory.Registered().At(Minutes(1));
        history.Apply(CarrierSnapshot.NotFound("UPS has no information for this package yet"));
        history.At(Minutes(20));

        var result = history.Apply(NoInformationYet());

        Assert.Equal(TrackingStatus.Pending, result.State.Status);
        Assert.Equal(ChangeKinds.StatusChanged, result.Kinds);
        Assert.Equal("UPS has no information for this package yet.", result.State.StatusDescription);
    }

    [Fact]
    public void An_unknown_number_expires_once_it_has_been_unknown_for_longer_than_the_rule()
    {
        var rules = new TrackerRules(TimeSpan.FromDays(3));
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(1));
        history.Apply(CarrierSnapshot.NotFound());
        history.At(T0.AddDays(3).AddSeconds(1));

        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal(TrackingStatus.NotFound, result.PreviousStatus);
        // Three days without a scan on an order's number also raise NO_VALID_TRACKING, in the same version.
        Assert.Equal(ChangeKinds.StatusChanged | ChangeKinds.RisksChanged, result.Kinds);
        Assert.Equal("expired.no_information", result.State.StatusDetail);
        Assert.NotEqual("", result.State.StatusDescription);
    }

    [Fact]
    public void An_unknown_number_does_not_expire_before_the_rule_says_so()
    {
        var history = ShipmentHistory.Registered().At(T0 + TrackerRules.Default.ExpireUnknownAfter - TimeSpan.FromSeconds(1));

        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(TrackingStatus.NotFound, result.State.Status);
    }

    [Fact]
    public void A_pending_number_that_the_carrier_never_answered_for_expires_too()
    {
        var history = ShipmentHistory.Registered().At(T0 + TrackerRules.Default.ExpireUnknownAfter + TimeSpan.FromSeconds(1));

        var result = history.Apply(Snapshot.Empty);

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal(TrackingStatus.Pending, result.PreviousStatus);
    }

    [Fact]
    public void A_number_the_carrier_never_answers_for_expires_on_a_failed_refresh_once_past_the_rule()
    {
        // A carrier that is not configured, or that refuses the number, fails every refresh: without this the
        // shipment would stay pending and be polled every hour for ever.
        var rules = new TrackerRules(TimeSpan.FromDays(3)) { Risks = new RiskRules { ValidTrackingGrace = TimeSpan.FromDays(30) } };
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(1));
        history.FailRefresh();
        history.At(T0.AddDays(3).AddSeconds(1));

        var result = history.FailRefresh();

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal(TrackingStatus.Pending, result.PreviousStatus);
        Assert.Equal(ChangeKinds.StatusChanged, result.Kinds);
        Assert.Equal("expired.no_information", result.State.StatusDetail);
        Assert.True(result.State.Stale);
        Assert.Equal(2, result.State.ConsecutiveFailures);
        Assert.Null(RefreshSchedule.NextCheck(result.State, history.Now, new RefreshIntervals(), 0.5));
    }

    [Fact]
    public void A_failed_refresh_before_the_rule_leaves_an_unknown_number_as_it_was()
    {
        var history = ShipmentHistory.Registered().At(T0 + TrackerRules.Default.ExpireUnknownAfter - TimeSpan.FromSeconds(1));

        var result = history.FailRefresh();

        Assert.Equal(TrackingStatus.Pending, result.State.Status);
        Assert.False(result.Kinds.HasFlag(ChangeKinds.StatusChanged));
        Assert.True(result.State.Stale);
    }

    [Fact]
    public void A_known_status_does_not_expire_however_long_the_carrier_fails()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(T0.AddDays(90));

        var result = history.FailRefresh();

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.True(result.State.Stale);
    }

    [Fact]
    public void A_known_status_never_expires_however_long_the_silence()
    {
        var history = ShipmentHistory.WithEvents(Scan.InTransit(Hours(1)));
        history.At(T0.AddDays(90));

        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
    }

    [Fact]
    public void An_expired_number_stays_expired_while_the_carrier_still_does_not_know_it()
    {
        var rules = new TrackerRules(TimeSpan.FromDays(1)) { Risks = new RiskRules { ValidTrackingGrace = TimeSpan.FromDays(30) } };
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(2));
        history.Apply(CarrierSnapshot.NotFound());
        var expired = history.State;
        history.At(T0.AddDays(3));

        var result = history.Apply(CarrierSnapshot.NotFound());

        Assert.Equal(TrackingStatus.Expired, result.State.Status);
        Assert.Equal(ChangeKinds.None, result.Kinds);
        Assert.Equal(expired.StatusDetail, result.State.StatusDetail);
    }

    [Fact]
    public void An_expired_number_comes_back_when_the_carrier_finally_scans_it()
    {
        var rules = new TrackerRules(TimeSpan.FromDays(1)) { Risks = new RiskRules { ValidTrackingGrace = TimeSpan.FromDays(30) } };
        var history = ShipmentHistory.Registered(rules).At(T0.AddDays(2));
        history.Apply(CarrierSnapshot.NotFound());
        history.At(T0.AddDays(3));

        var result = history.Apply(Scan.InTransit(T0.AddDays(2).AddHours(12)));

        Assert.Equal(TrackingStatus.InTransit, result.State.Status);
        Assert.Equal(TrackingStatus.Expired, result.PreviousStatus);
    }
}
