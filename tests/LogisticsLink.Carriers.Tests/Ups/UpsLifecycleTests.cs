using LogisticsLink.Carriers.Ups;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Carriers.Tests.Ups;

/// <summary>One test per status family: the simulator plays a sandbox lifecycle in UPS's format, the adapter reads it back.</summary>
public sealed class UpsLifecycleTests : IAsyncLifetime
{
    private UpsTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await UpsTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<CarrierSnapshot> Track(int scenario, int advanceSteps = 0)
    {
        var client = _bed.Client();
        var number = UpsTestBed.Number(scenario);
        // The first call makes the simulator see the number; later steps appear as its clock advances.
        var first = await client.TrackAsync(new CarrierRequest(number, UpsTestBed.Start), CancellationToken.None);
        if (advanceSteps == 0)
        {
            return Assert.IsType<CarrierSnapshot>(first.Snapshot);
        }
        _bed.Advance(advanceSteps);
        var result = await client.TrackAsync(new CarrierRequest(number, UpsTestBed.Start), CancellationToken.None);
        Assert.True(result.IsSuccess, result.FailureReason);
        return result.Snapshot!;
    }

    [Fact]
    public async Task Label_created()
    {
        var snapshot = await Track(0);

        Assert.Equal(TrackingStatus.InfoReceived, snapshot.Status);
        Assert.Equal("info_received.label_created", snapshot.StatusDetail);
        var e = Assert.Single(snapshot.Events);
        Assert.Equal("M/MP/003", e.RawCode);
        Assert.Equal("Shipper created a label, UPS has not received the package yet.", e.Description);
        Assert.Equal(new TrackingLocation("Lyon", "Auvergne-Rhône-Alpes", "69007", "FR"), e.Location);
        Assert.Equal("https://www.ups.com/track?tracknum=" + UpsTestBed.Number(0), snapshot.TrackingUrl);
        Assert.NotNull(snapshot.EstimatedDelivery);
        Assert.Matches("^[0-9a-f]{64}$", snapshot.PayloadSha256);
    }

    [Fact]
    public async Task In_transit_events_come_newest_first()
    {
        var snapshot = await Track(0, advanceSteps: 2);

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("in_transit.arrived_at_facility", snapshot.StatusDetail);
        Assert.Equal(["I/AR/005", "I/PU/038", "M/MP/003"], snapshot.Events.Select(e => e.RawCode));
        Assert.Equal(["in_transit.arrived_at_facility", "in_transit.picked_up", "info_received.label_created"], snapshot.Events.Select(e => e.StatusDetail));
        Assert.True(snapshot.Events.Zip(snapshot.Events.Skip(1)).All(p => p.First.OccurredAt > p.Second.OccurredAt));
    }

    [Fact]
    public async Task Out_for_delivery_is_told_apart_from_transit_by_the_status_code()
    {
        var snapshot = await Track(0, advanceSteps: 4);

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal("I/OT/021", snapshot.Events[0].RawCode);
        Assert.Equal("out_for_delivery.on_vehicle", snapshot.Events[0].StatusDetail);
    }

    [Fact]
    public async Task Delivered_with_proof_of_delivery_and_no_estimate_left()
    {
        var snapshot = await Track(0, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal("D/KB/011", snapshot.Events[0].RawCode);
        Assert.Equal("Delivered — received by DUPONT, left at Front Door, photo on file", snapshot.StatusDescription);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task Access_point_is_available_for_pickup_then_delivered()
    {
        var atLocker = await Track(1, advanceSteps: 4);
        Assert.Equal(TrackingStatus.AvailableForPickup, atLocker.Status);
        Assert.Equal("available_for_pickup.access_point", atLocker.StatusDetail);

        _bed.Advance(1);
        var collected = (await _bed.Client().TrackAsync(new CarrierRequest(UpsTestBed.Number(1), UpsTestBed.Start), CancellationToken.None)).Snapshot!;
        Assert.Equal(TrackingStatus.Delivered, collected.Status);
        Assert.Contains("received by J. MARTIN, left at UPS Access Point", collected.StatusDescription);
    }

    [Fact]
    public async Task Failed_attempt_is_attributed_to_the_absent_recipient()
    {
        var snapshot = await Track(2, advanceSteps: 4);

        Assert.Equal(TrackingStatus.AttemptFailed, snapshot.Status);
        Assert.Equal("attempt_failed.recipient_absent", snapshot.StatusDetail);
        Assert.Equal("X/NH/022", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Customs_hold_is_an_exception_attributed_to_customs_then_released()
    {
        var held = await Track(3, advanceSteps: 3);
        Assert.Equal(TrackingStatus.Exception, held.Status);
        Assert.Equal("exception.customs_hold", held.StatusDetail);

        _bed.Advance(1);
        var released = (await _bed.Client().TrackAsync(new CarrierRequest(UpsTestBed.Number(3), UpsTestBed.Start), CancellationToken.None)).Snapshot!;
        // UPS files the release under the exception type; its status code says what happened.
        Assert.Equal("X/SR/014", released.Events[0].RawCode);
        Assert.Equal(TrackingStatus.InTransit, released.Status);
        Assert.Equal("in_transit.customs_released", released.StatusDetail);
    }

    [Fact]
    public async Task Weather_delay_is_an_exception_and_the_rescheduled_date_wins()
    {
        var before = await Track(4, advanceSteps: 2);
        _bed.Advance(1);
        var delayed = (await _bed.Client().TrackAsync(new CarrierRequest(UpsTestBed.Number(4), UpsTestBed.Start), CancellationToken.None)).Snapshot!;

        Assert.Equal(TrackingStatus.Exception, delayed.Status);
        Assert.Equal("exception.delayed_weather", delayed.StatusDetail);
        Assert.Equal(TimeSpan.FromDays(1), delayed.EstimatedDelivery - before.EstimatedDelivery);
    }

    [Fact]
    public async Task Returned_to_sender_after_an_address_problem()
    {
        var problem = await Track(5, advanceSteps: 4);
        Assert.Equal(TrackingStatus.Exception, problem.Status);
        Assert.Equal("exception.address_issue", problem.StatusDetail);

        _bed.Advance(1);
        var returning = (await _bed.Client().TrackAsync(new CarrierRequest(UpsTestBed.Number(5), UpsTestBed.Start), CancellationToken.None)).Snapshot!;
        Assert.Equal(TrackingStatus.Returning, returning.Status);

        _bed.Advance(1);
        var returned = (await _bed.Client().TrackAsync(new CarrierRequest(UpsTestBed.Number(5), UpsTestBed.Start), CancellationToken.None)).Snapshot!;
        Assert.Equal(TrackingStatus.Returned, returned.Status);
        Assert.Equal("returned.to_sender", returned.StatusDetail);
        Assert.Null(returned.EstimatedDelivery);
    }

    [Fact]
    public async Task Voided_label_is_cancelled()
    {
        var snapshot = await Track(8, advanceSteps: 1);

        Assert.Equal(TrackingStatus.Cancelled, snapshot.Status);
        Assert.Equal("cancelled.label_voided", snapshot.StatusDetail);
        Assert.Equal("MV/VP/007", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Lost_and_found_stays_an_exception_because_ups_may_still_match_the_parcel()
    {
        var snapshot = await Track(6, advanceSteps: 10);

        Assert.Equal(TrackingStatus.Exception, snapshot.Status);
        Assert.Equal("exception.lost_and_found", snapshot.StatusDetail);
    }

    [Fact]
    public async Task Oldest_first_report_with_a_repeated_scan_is_sorted_and_deduplicated()
    {
        var snapshot = await Track(9, advanceSteps: 10);

        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal(snapshot.Events.Count, snapshot.Events.Select(e => e.DedupKey).Distinct().Count());
        Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt), snapshot.Events);
        Assert.Equal(TrackingStatus.Delivered, snapshot.Events[0].Status);
    }

    [Fact]
    public async Task Scans_carry_the_gmt_instant_at_the_local_offset()
    {
        var snapshot = await Track(0, advanceSteps: 1);

        // Simulator scans happen at Start, Start + 1 step; it writes local time at +01:00 and GMT time unpadded ("70500").
        Assert.Equal([UpsTestBed.Start + UpsTestBed.Step, UpsTestBed.Start], snapshot.Events.Select(e => e.OccurredAt));
        Assert.All(snapshot.Events, e => Assert.Equal(TimeSpan.FromHours(1), e.OccurredAt.Offset));
    }

    [Theory]
    [InlineData("1Z12345E0205271687")]   // scenario 7: never known to the carrier
    [InlineData("1Z12345E020527168X")]   // not a number the simulator plays
    public async Task Unknown_number_is_not_found_from_a_200_with_TW0001(string number)
    {
        var result = await _bed.Client().TrackAsync(new CarrierRequest(number, UpsTestBed.Start), CancellationToken.None);

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
        Assert.Empty(result.Snapshot.Events);
        Assert.Equal("UPS: Tracking Information Not Found", result.Snapshot.StatusDescription);
    }

    [Fact]
    public async Task A_number_ups_would_reject_is_a_permanent_failure_without_a_call()
    {
        var result = await _bed.Client().TrackAsync(new CarrierRequest("1Z12", UpsTestBed.Start), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.False(result.Transient);
        Assert.Equal(0, _bed.Simulator.Faults.TrackingCalls);
        Assert.Equal(0, _bed.Simulator.Faults.TokenCalls);
    }
}
