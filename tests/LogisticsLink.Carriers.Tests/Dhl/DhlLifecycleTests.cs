using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Sandbox.Dhl;

namespace LogisticsLink.Carriers.Tests.Dhl;

/// <summary>One test per status family: the simulator plays a sandbox lifecycle in DHL Unified's format, the adapter reads it back.</summary>
public sealed class DhlLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    private DhlTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DhlTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<CarrierSnapshot> Track(int scenario, int advanceSteps = 0, string? number = null)
    {
        var client = _bed.Client();
        number ??= DhlTestBed.Number(scenario);
        var first = await DhlTestBed.Track(client, number);
        Assert.True(first.IsSuccess, first.FailureReason);
        if (advanceSteps == 0)
        {
            return first.Snapshot!;
        }
        _bed.Advance(advanceSteps);
        var result = await DhlTestBed.Track(client, number);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    private async Task<CarrierSnapshot> Again(int scenario, int advanceSteps)
    {
        _bed.Advance(advanceSteps);
        var result = await DhlTestBed.Track(_bed.Client(), DhlTestBed.Number(scenario));
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    [Fact]
    public async Task Pre_advice()
    {
        var snapshot = await Track(0);

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Equal("info_received.pre_advice", snapshot.StatusDetail);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("pre-transit/VA", e.RawCode);
        Assert.Equal(new TrackingLocation("Lyon", "", "69007", "FR"), e.Location);
        // The event's time has no zone; the shipment status's Z says it is UTC.
        Assert.Equal(DhlTestBed.Start, e.OccurredAt);
        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
        Assert.Equal("https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=" + DhlTestBed.Number(0), snapshot.TrackingUrl);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
    }

    [Fact]
    public async Task The_time_frame_is_the_delivery_window_and_its_end_the_estimate()
    {
        var snapshot = await Track(0);

        var window = Assert.IsType<DeliveryWindow>(snapshot.DeliveryWindow);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, Paris), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 12, 0, 0, Paris), window.End);
        Assert.Equal(window.End, snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task In_transit_events_come_newest_first_with_the_parcel_de_codes()
    {
        var snapshot = await Track(0, advanceSteps: 3);

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal(["transit/AA", "transit/ES", "transit/AE", "pre-transit/VA"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(["in_transit.processed", "in_transit.processed", "in_transit.picked_up", "info_received.pre_advice"],
            snapshot.Events.Select(e => e.StatusDetail));
    }

    [Fact]
    public async Task Out_for_delivery_is_told_apart_from_transit_by_PO()
    {
        var snapshot = await Track(0, advanceSteps: 4);

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal("transit/PO", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Delivered_with_proof_of_delivery_and_no_estimate_left()
    {
        var snapshot = await Track(0, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.address", snapshot.StatusDetail);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal(new ProofOfDelivery("Dupont", "", false, false), snapshot.ProofOfDelivery);
        Assert.Equal("The shipment has been successfully delivered — received by Dupont", snapshot.StatusDescription);
        Assert.Null(snapshot.EstimatedDelivery);
        Assert.Null(snapshot.DeliveryWindow);
    }

    [Fact]
    public async Task Packstation_then_collected_with_a_signature()
    {
        var waiting = await Track(1, advanceSteps: 4);
        Assert.Equal(TrackingStatus.AvailableForPickup, waiting.Status);
        Assert.Equal("available_for_pickup.pickup_point", waiting.StatusDetail);

        var collected = await Again(1, 1);
        Assert.Equal(TrackingStatus.Delivered, collected.Status);
        Assert.Equal(new ProofOfDelivery("J. Martin", "", true, false), collected.ProofOfDelivery);
    }

    [Fact]
    public async Task An_unsuccessful_attempt_names_the_absent_recipient()
    {
        var snapshot = await Track(2, advanceSteps: 4);

        Assert.Equal(TrackingStatus.AttemptFailed, snapshot.Status);
        Assert.Equal("attempt_failed.recipient_absent", snapshot.StatusDetail);
        Assert.Equal("failure/ZN", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task A_customs_hold_is_attributed_to_customs_and_its_release_follows()
    {
        var held = await Track(3, advanceSteps: 3);
        Assert.Equal(TrackingStatus.Exception, held.Status);
        Assert.Equal("exception.customs_hold", held.StatusDetail);
        Assert.Equal("in_transit.customs", held.Events[1].StatusDetail);

        var released = await Again(3, 1);
        Assert.Equal(TrackingStatus.InTransit, released.Status);
        Assert.Equal("in_transit.customs_released", released.StatusDetail);
    }

    [Fact]
    public async Task A_weather_delay_is_attributed_to_the_weather()
    {
        var snapshot = await Track(4, advanceSteps: 3);

        Assert.Equal(TrackingStatus.Exception, snapshot.Status);
        Assert.Equal("exception.delayed_weather", snapshot.StatusDetail);
        Assert.NotNull(snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task Return_flag_then_returned_to_the_sender()
    {
        var returning = await Track(5, advanceSteps: 5);
        Assert.Equal(TrackingStatus.Returning, returning.Status);
        Assert.Equal("returning.to_sender", returning.StatusDetail);
        Assert.Equal("exception.address_issue", returning.Events[1].StatusDetail);
        Assert.Null(returning.EstimatedDelivery);

        var back = await Again(5, 1);
        Assert.Equal(TrackingStatus.Returned, back.Status);
        Assert.Equal(TrackingStatus.Returned, back.Events[0].Status);
    }

    [Fact]
    public async Task No_movement_then_declared_lost()
    {
        var stuck = await Track(6, advanceSteps: 3);
        Assert.Equal("exception.no_scan", stuck.StatusDetail);

        var lost = await Again(6, 1);
        Assert.Equal(TrackingStatus.Lost, lost.Status);
        Assert.Equal("lost.confirmed", lost.StatusDetail);
    }

    [Fact]
    public async Task A_404_problem_is_not_found()
    {
        var snapshot = await Track(7);

        Assert.Equal(TrackingStatus.NotFound, snapshot.Status);
        Assert.Equal("DHL: No shipment with given tracking number found.", snapshot.StatusDescription);
    }

    [Fact]
    public async Task A_voided_label_never_shows_in_dhl_tracking()
    {
        var snapshot = await Track(8, advanceSteps: 5);

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Single(snapshot.Events);
    }

    [Fact]
    public async Task Oldest_first_duplicated_events_with_offsets_are_read_right()
    {
        var snapshot = await Track(9, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal("delivered/ZU", snapshot.Events[0].RawCode);
        Assert.Equal(DhlTestBed.Start + DhlTestBed.Step * 5, snapshot.Events[0].OccurredAt);
        Assert.Equal(Paris, snapshot.Events[0].OccurredAt.Offset);
    }

    [Fact]
    public async Task Of_two_divisions_shipments_under_one_number_the_live_one_is_read()
    {
        var snapshot = await Track(0, number: DhlSimulator.DuplicateTrackingNumber);

        // The express shipment finished 90 days ago; the parcel-de one has just been announced.
        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Single(snapshot.Events);
    }
}
