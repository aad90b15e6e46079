using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Dpd;

/// <summary>Every sandbox lifecycle, played by the DPD simulator and read back by the adapter, step by step.</summary>
public sealed class DpdLifecycleTests
{
    // DPD has no return, loss or cancellation status: the simulator reports them as error items, and the adapter
    // reports an exception naming the cause rather than claiming more than DPD said.
    private static TrackingStatus Expected(SandboxStep step) =>
        step.Status is TrackingStatus.Returning or TrackingStatus.Lost or TrackingStatus.Cancelled ? TrackingStatus.Exception : step.Status;

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
        await using var rig = await DpdRig.StartAsync();
        var number = $"0530880141001{digit}";
        var scenario = SandboxScenarios.ForDigit(digit);

        for (var k = 0; k < scenario.Steps.Count; k++)
        {
            var result = await rig.TrackAsync(number);

            Assert.True(result.IsSuccess, result.FailureReason);
            var snapshot = result.Snapshot!;
            Assert.Equal(Expected(scenario.Steps[k]), snapshot.Status);
            Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), snapshot.Events.Select(e => e.OccurredAt));
            Assert.Equal(snapshot.Events.Select(e => e.DedupKey).Distinct().Count(), snapshot.Events.Count);
            if (snapshot.Events.Count > 0)
            {
                Assert.Equal(snapshot.Status, snapshot.Events[0].Status);
                Assert.All(snapshot.Events, e => Assert.Equal("dpd", e.Source));
            }
            Assert.Equal($"https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber={number}", snapshot.TrackingUrl);
            rig.Time.Advance(DpdRig.Step);
        }
    }

    [Theory]
    [InlineData(0, "delivered.recipient")]
    [InlineData(1, "delivered.collected_from_parcel_shop")]
    [InlineData(5, "returned.to_sender")]
    [InlineData(6, "exception.lost")]
    [InlineData(8, "exception.cancelled")]
    public async Task The_final_status_detail_names_the_outcome(int digit, string detail)
    {
        await using var rig = await DpdRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"0530880141002{digit}", 20)).Snapshot!;

        Assert.Equal(detail, snapshot.StatusDetail);
    }

    [Theory]
    [InlineData(2, 4, TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "DeliveryFailure")]
    [InlineData(3, 2, TrackingStatus.InTransit, "in_transit.customs", "BetweenDepots")]
    [InlineData(3, 3, TrackingStatus.Exception, "exception.customs_hold", "BetweenDepots")]
    [InlineData(4, 3, TrackingStatus.Exception, "exception.delayed_weather", "BetweenDepots")]
    [InlineData(5, 4, TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "DeliveryFailure")]
    [InlineData(5, 5, TrackingStatus.Exception, "exception.return_to_sender", "Depot")]
    [InlineData(6, 3, TrackingStatus.Exception, "exception.carrier", "BetweenDepots")]
    [InlineData(1, 4, TrackingStatus.AvailableForPickup, "available_for_pickup.parcel_shop", "ParcelShop")]
    public async Task Incidents_are_attributed_from_DPDs_words(int digit, int step, TrackingStatus status, string detail, string rawCode)
    {
        await using var rig = await DpdRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"0530880141003{digit}", step)).Snapshot!;

        Assert.Equal(status, snapshot.Status);
        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task Milestones_DPD_has_not_reached_are_not_scans()
    {
        await using var rig = await DpdRig.StartAsync();
        // Step 1: picked up; the simulator also lists Courier and Delivered as milestones not yet reached.
        var snapshot = (await rig.TrackAtStepAsync("05308801410040", 1)).Snapshot!;

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal(["PickedUp"], snapshot.Events.Select(e => e.RawCode));
    }

    [Fact]
    public async Task Scans_listed_newest_first_with_a_duplicate_come_out_once_and_in_order()
    {
        await using var rig = await DpdRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("05308801410049", 20)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(["Delivered", "Courier", "Depot", "BetweenDepots", "PickedUp"], snapshot.Events.Select(e => e.RawCode));
    }

    [Fact]
    public async Task Wall_times_are_read_as_Central_European_time()
    {
        await using var rig = await DpdRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("05308801410050", 1)).Snapshot!;

        // Picked up one step after the simulator first saw the number, written as Brussels wall time (UTC+1 in March).
        Assert.Equal(DpdRig.Start + DpdRig.Step, snapshot.Events[0].OccurredAt);
        Assert.Equal(TimeSpan.FromHours(1), snapshot.Events[0].OccurredAt.Offset);
        Assert.Equal(new TrackingLocation("Lyon", CountryCode: "FR"), snapshot.Events[0].Location);
    }
}
