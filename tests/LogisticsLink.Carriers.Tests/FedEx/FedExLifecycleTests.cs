using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Sandbox.FedEx;

namespace LogisticsLink.Carriers.Tests.FedEx;

/// <summary>Every sandbox lifecycle, played by the FedEx simulator and read back by the adapter, step by step.</summary>
public sealed class FedExLifecycleTests
{
    // FedEx has no documented "lost" code: the simulator reports a lost parcel as a shipment exception, and the
    // adapter must not claim more than FedEx said.
    private static TrackingStatus Expected(SandboxStep step) => step.Status == TrackingStatus.Lost ? TrackingStatus.Exception : step.Status;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(9)]
    public async Task Each_step_of_the_lifecycle_maps_to_the_scenario_status(int digit)
    {
        await using var rig = await FedExRig.StartAsync();
        var number = $"79460000001{digit}";
        var scenario = SandboxScenarios.ForDigit(digit);

        for (var k = 0; k < scenario.Steps.Count; k++)
        {
            var result = await rig.TrackAsync(number);

            Assert.True(result.IsSuccess, result.FailureReason);
            var snapshot = result.Snapshot!;
            Assert.Equal(Expected(scenario.Steps[k]), snapshot.Status);
            Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), snapshot.Events.Select(e => e.OccurredAt));
            Assert.Equal(snapshot.Status, snapshot.Events[0].Status);
            Assert.All(snapshot.Events, e => Assert.Equal("fedex", e.Source));
            Assert.Equal($"https://www.fedex.com/fedextrack/?trknbr={number}", snapshot.TrackingUrl);
            rig.Time.Advance(FedExRig.Step);
        }
    }

    [Theory]
    [InlineData(0, "delivered.recipient")]
    [InlineData(1, "delivered.recipient")]
    [InlineData(2, "delivered.recipient")]
    [InlineData(3, "delivered.recipient")]
    [InlineData(5, "returned.to_sender")]
    [InlineData(6, "exception.shipment_exception")]
    [InlineData(8, "cancelled.shipment_cancelled")]
    public async Task The_final_status_detail_names_the_outcome(int digit, string detail)
    {
        await using var rig = await FedExRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"79460000002{digit}", 20)).Snapshot!;

        Assert.Equal(detail, snapshot.StatusDetail);
    }

    [Theory]
    [InlineData(2, 4, TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "DE")]
    [InlineData(3, 3, TrackingStatus.Exception, "exception.customs_hold", "CD")]
    [InlineData(3, 2, TrackingStatus.InTransit, "in_transit.customs", "CP")]
    [InlineData(4, 3, TrackingStatus.Exception, "exception.delayed_weather", "DY")]
    [InlineData(5, 4, TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "DE")]
    [InlineData(5, 5, TrackingStatus.Returning, "returning.to_sender", "RS")]
    [InlineData(1, 4, TrackingStatus.AvailableForPickup, "available_for_pickup.ready_for_pickup", "HP")]
    public async Task Incidents_are_attributed_from_the_exception_text(int digit, int step, TrackingStatus status, string detail, string rawCode)
    {
        await using var rig = await FedExRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"79460000003{digit}", step)).Snapshot!;

        Assert.Equal(status, snapshot.Status);
        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Out_for_delivery_is_read_from_the_scan_event_type_though_the_derived_codes_say_in_transit()
    {
        await using var rig = await FedExRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("794600000040", 4)).Snapshot!; // scenario 0, step 4: OD

        Assert.Equal(TrackingStatus.OutForDelivery, snapshot.Status);
        Assert.Equal("out_for_delivery.on_vehicle", snapshot.StatusDetail);
        Assert.Equal("OD", snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task A_parcel_the_sandbox_marks_running_late_is_an_exception_until_it_is_out_for_delivery()
    {
        await using var rig = await FedExRig.StartAsync();
        var number = FedExSimulator.RunningLateTrackingNumber; // scenario 0, FedEx's summary says Running Late in transit
        var late = (await rig.TrackAtStepAsync(number, 2)).Snapshot!;

        Assert.Equal(TrackingStatus.Exception, late.Status);
        Assert.Equal("exception.running_late", late.StatusDetail);
        Assert.Equal("Running Late", late.StatusDescription);
        Assert.Equal(["AR", "PU", "OC"], late.Events.Select(e => e.RawCode)); // the scans FedEx sent, nothing added
        Assert.DoesNotContain(late.Events, e => e.Status == TrackingStatus.Exception);

        rig.Time.Advance(FedExRig.Step * 2); // step 4: out for delivery, the delay is over
        Assert.Equal(TrackingStatus.OutForDelivery, (await rig.TrackAsync(number)).Snapshot!.Status);
        rig.Time.Advance(FedExRig.Step);
        Assert.Equal(TrackingStatus.Delivered, (await rig.TrackAsync(number)).Snapshot!.Status);
    }

    [Fact]
    public async Task Delivery_carries_proof_of_delivery_and_no_longer_an_eta()
    {
        await using var rig = await FedExRig.StartAsync();
        var locker = (await rig.TrackAtStepAsync("794600000051", 5)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, locker.Status);
        Assert.Contains("received by J.MARTIN at FedEx locker", locker.Events[0].Description);
        Assert.Contains("residential address", locker.Events[0].Description); // "true" as a string
        Assert.Contains("signature image available", locker.Events[0].Description);
        Assert.Null(locker.EstimatedDelivery);
    }

    [Fact]
    public async Task The_eta_is_the_end_of_the_estimated_window_and_slips_with_a_delay()
    {
        await using var rig = await FedExRig.StartAsync();
        var before = (await rig.TrackAsync("794600000064")).Snapshot!;
        rig.Time.Advance(FedExRig.Step * 3); // scenario 4, step 3: weather delay, one day
        var after = (await rig.TrackAsync("794600000064")).Snapshot!;

        var expected = FedExRig.Start + FedExRig.Step * 7 + TimeSpan.FromDays(1);
        Assert.Equal(expected, before.EstimatedDelivery);
        Assert.Equal(TimeSpan.FromHours(1), before.EstimatedDelivery!.Value.Offset);
        Assert.Equal(expected + TimeSpan.FromDays(1), after.EstimatedDelivery);
    }

    [Fact]
    public async Task A_scan_without_offset_takes_the_offset_of_its_neighbours()
    {
        await using var rig = await FedExRig.StartAsync();
        var events = (await rig.TrackAtStepAsync("794600000070", 2)).Snapshot!.Events;

        // The simulator sends the label scan (OC) as local wall time without offset, the others with +01:00.
        var label = Assert.Single(events, e => e.RawCode == "OC");
        Assert.Equal(FedExRig.Start, label.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), label.OccurredAt.Offset);
        Assert.Equal(FedExRig.Start + FedExRig.Step, events.Single(e => e.RawCode == "PU").OccurredAt);
    }
}
