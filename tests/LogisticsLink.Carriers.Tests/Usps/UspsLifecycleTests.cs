using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>One test per status family: the simulator plays a sandbox lifecycle in USPS's format, the adapter reads it back.</summary>
public sealed class UspsLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    private UspsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await UspsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<CarrierSnapshot> Track(int scenario, int advanceSteps = 0, string? number = null)
    {
        var client = _bed.Client();
        number ??= UspsTestBed.Number(scenario);
        // The first call makes the simulator see the number; later steps appear as its clock advances.
        var first = await UspsTestBed.Track(client, number);
        Assert.True(first.IsSuccess, first.FailureReason);
        if (advanceSteps == 0)
        {
            return first.Snapshot!;
        }
        _bed.Advance(advanceSteps);
        var result = await UspsTestBed.Track(client, number);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    [Fact]
    public async Task A_parcel_stored_as_its_scanned_barcode_is_asked_about_by_the_number_printed_under_it()
    {
        // Earlier versions stored a scanned label as "420" + ZIP + the number; USPS tracks the number.
        // A real IMpb number (its check digit verifies) whose last digit picks the normal-delivery scenario.
        const string printed = "9400109104250532908570";

        var snapshot = await Track(0, number: "42022153" + printed);

        Assert.Equal(LogisticsLink.Carriers.Usps.UspsDefaults.TrackingUrl(printed), snapshot.TrackingUrl);
    }

    [Fact]
    public async Task Label_created_from_a_lone_event_sent_as_an_object()
    {
        var snapshot = await Track(0);

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Equal("info_received.label_created", snapshot.StatusDetail);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("GX", e.RawCode);
        Assert.Equal("Shipping Label Created, USPS Awaiting Item", e.Description);
        Assert.Equal(new TrackingLocation("LYON", "Auvergne-Rhône-Alpes", "69007", "FR"), e.Location);
        // GMTTimestamp is the instant, shown at GMTOffset.
        Assert.Equal(UspsTestBed.Start, e.OccurredAt);
        Assert.Equal(Paris, e.OccurredAt.Offset);
        Assert.Equal("https://tools.usps.com/go/TrackConfirmAction?tLabels=" + UspsTestBed.Number(0), snapshot.TrackingUrl);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
    }

    [Fact]
    public async Task The_predicted_window_is_the_estimate_and_the_delivery_window()
    {
        var snapshot = await Track(0);

        // Six steps of a minute from 07:05Z plus a day, in Paris: 11 March, 09:00–12:00 +01:00.
        var window = Assert.IsType<DeliveryWindow>(snapshot.DeliveryWindow);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, Paris), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 12, 0, 0, Paris), window.End);
        Assert.Equal(window.End, snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task In_transit_events_come_newest_first()
    {
        var snapshot = await Track(0, advanceSteps: 3);

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("in_transit.arrived_at_post_office", snapshot.StatusDetail);
        Assert.Equal(["07", "A1", "03", "GX"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(["in_transit.arrived_at_post_office", "in_transit.arrived_at_facility", "in_transit.accepted", "info_received.label_created"],
            snapshot.Events.Select(e => e.StatusDetail));
        Assert.True(snapshot.Events.Zip(snapshot.Events.Skip(1)).All(p => p.First.OccurredAt > p.Second.OccurredAt));
    }

    [Fact]
    public async Task Out_for_delivery()
    {
        var snapshot = await Track(0, advanceSteps: 4);

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal("out_for_delivery.on_vehicle", snapshot.StatusDetail);
        Assert.Equal("OF", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Delivered_with_proof_of_delivery_and_no_estimate_left()
    {
        var snapshot = await Track(0, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal("delivered.recipient", snapshot.StatusDetail);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal(new ProofOfDelivery("DUPONT", "Left with Individual", HasSignature: true, HasPhoto: false), snapshot.ProofOfDelivery);
        Assert.EndsWith("— received by DUPONT", snapshot.StatusDescription);
        Assert.Null(snapshot.EstimatedDelivery);
        Assert.Null(snapshot.DeliveryWindow);
    }

    [Fact]
    public async Task Locker_pickup_then_collected()
    {
        var waiting = await Track(1, advanceSteps: 4);
        Assert.Equal(TrackingStatus.AvailableForPickup, waiting.Status);
        Assert.Equal("available_for_pickup.held_for_pickup", waiting.StatusDetail);

        _bed.Advance(1);
        var collected = (await UspsTestBed.Track(_bed.Client(), UspsTestBed.Number(1))).Snapshot!;
        Assert.Equal(TrackingStatus.Delivered, collected.Status);
        Assert.Equal("delivered.locker", collected.StatusDetail);
        Assert.Equal("J MARTIN", collected.ProofOfDelivery?.SignedBy);
        Assert.Equal("Parcel Locker", collected.ProofOfDelivery?.Location);
    }

    [Fact]
    public async Task A_failed_attempt_names_the_absent_recipient_then_delivery_follows()
    {
        var attempt = await Track(2, advanceSteps: 4);
        Assert.Equal(TrackingStatus.AttemptFailed, attempt.Status);
        Assert.Equal("attempt_failed.recipient_absent", attempt.StatusDetail);
        Assert.Equal("56", attempt.Events[0].RawCode);

        _bed.Advance(2);
        var delivered = (await UspsTestBed.Track(_bed.Client(), UspsTestBed.Number(2))).Snapshot!;
        Assert.Equal(TrackingStatus.Delivered, delivered.Status);
    }

    [Fact]
    public async Task A_customs_hold_is_attributed_to_customs_and_its_release_follows()
    {
        var held = await Track(3, advanceSteps: 3);
        Assert.Equal(TrackingStatus.Exception, held.Status);
        Assert.Equal("exception.customs_hold", held.StatusDetail);
        Assert.Equal("in_transit.customs", held.Events[1].StatusDetail);

        _bed.Advance(1);
        var released = (await UspsTestBed.Track(_bed.Client(), UspsTestBed.Number(3))).Snapshot!;
        Assert.Equal(TrackingStatus.InTransit, released.Status);
        Assert.Equal("in_transit.customs_released", released.StatusDetail);
    }

    [Fact]
    public async Task A_weather_delay_is_attributed_to_the_weather()
    {
        var snapshot = await Track(4, advanceSteps: 3);

        Assert.Equal(TrackingStatus.Exception, snapshot.Status);
        Assert.Equal("exception.delayed_weather", snapshot.StatusDetail);
        Assert.Equal("DX", snapshot.Events[0].RawCode);
        Assert.NotNull(snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task Return_to_sender_then_returned()
    {
        var returning = await Track(5, advanceSteps: 5);
        Assert.Equal(TrackingStatus.Returning, returning.Status);
        Assert.Equal("returning.to_sender", returning.StatusDetail);
        Assert.Equal("exception.address_issue", returning.Events[1].StatusDetail);
        Assert.Null(returning.EstimatedDelivery);

        _bed.Advance(1);
        var back = (await UspsTestBed.Track(_bed.Client(), UspsTestBed.Number(5))).Snapshot!;
        Assert.Equal(TrackingStatus.Returned, back.Status);
        Assert.Equal("returned.to_sender", back.StatusDetail);
        Assert.Equal(TrackingStatus.Returned, back.Events[0].Status);
    }

    [Fact]
    public async Task No_movement_then_lost()
    {
        var stuck = await Track(6, advanceSteps: 3);
        Assert.Equal(TrackingStatus.Exception, stuck.Status);
        Assert.Equal("exception.no_scan", stuck.StatusDetail);

        _bed.Advance(1);
        var lost = (await UspsTestBed.Track(_bed.Client(), UspsTestBed.Number(6))).Snapshot!;
        Assert.Equal(TrackingStatus.Lost, lost.Status);
        Assert.Equal("lost.dead_letter", lost.StatusDetail);
    }

    [Fact]
    public async Task A_404_is_not_found()
    {
        var snapshot = await Track(7);

        Assert.Equal(TrackingStatus.NotFound, snapshot.Status);
        Assert.Empty(snapshot.Events);
        Assert.Contains("Tracking is not available", snapshot.StatusDescription);
    }

    [Fact]
    public async Task Message_code_150002_at_HTTP_400_is_not_found()
    {
        var snapshot = await Track(0, number: "LZ123456789US");

        Assert.Equal(TrackingStatus.NotFound, snapshot.Status);
        Assert.Contains("may be incorrect", snapshot.StatusDescription);
    }

    [Fact]
    public async Task A_voided_label_never_shows_in_usps_tracking()
    {
        var snapshot = await Track(8, advanceSteps: 5);

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Single(snapshot.Events);
    }

    [Fact]
    public async Task Oldest_first_duplicated_events_with_a_false_Z_and_minutes_offset_are_read_right()
    {
        var snapshot = await Track(9, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal(["01", "OF", "07", "A1", "03", "GX"], snapshot.Events.Select(e => e.RawCode));
        // No GMTTimestamp: the local "…Z" is wall time at GMTOffset "60" (minutes), the true instant.
        Assert.Equal(UspsTestBed.Start + UspsTestBed.Step * 5, snapshot.Events[0].OccurredAt);
        Assert.Equal(Paris, snapshot.Events[0].OccurredAt.Offset);
        Assert.Equal(UspsTestBed.Start, snapshot.Events[^1].OccurredAt);
    }
}
