using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>Every sandbox lifecycle, played by the Amazon simulator and read back by the adapter, step by step.</summary>
public sealed class AmazonLifecycleTests
{
    // Amazon has no event for customs holds, delays or missing scans: the simulator shows the facility scan, and the
    // adapter must not claim more than Amazon said.
    private static TrackingStatus Expected(SandboxStep step) => step.Status == TrackingStatus.Exception ? TrackingStatus.InTransit : step.Status;

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
        await using var rig = await AmazonRig.StartAsync();
        var number = $"TBA00000000001{digit}";
        var scenario = SandboxScenarios.ForDigit(digit);

        for (var k = 0; k < scenario.Steps.Count; k++)
        {
            var result = await rig.TrackAsync(number);

            Assert.True(result.IsSuccess, result.FailureReason);
            var snapshot = result.Snapshot!;
            Assert.Equal(Expected(scenario.Steps[k]), snapshot.Status);
            Assert.Equal(k + 1, snapshot.Events.Count);
            Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), snapshot.Events.Select(e => e.OccurredAt));
            Assert.Equal(snapshot.Status, snapshot.Events[0].Status);
            Assert.All(snapshot.Events, e => Assert.Equal("amazon", e.Source));
            Assert.Equal($"https://track.amazon.com/tracking/{number}", snapshot.TrackingUrl);
            rig.Time.Advance(AmazonRig.Step);
        }
    }

    [Theory]
    [InlineData(0, "delivered.safe_place")]
    [InlineData(1, "delivered.signed")]
    [InlineData(2, "delivered.safe_place")]
    [InlineData(5, "returned.to_sender")]
    [InlineData(6, "lost.confirmed")]
    [InlineData(8, "cancelled.pickup_cancelled")]
    public async Task The_final_status_detail_names_the_outcome(int digit, string detail)
    {
        await using var rig = await AmazonRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"TBA00000000002{digit}", 20)).Snapshot!;

        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Theory]
    [InlineData(2, 4, TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "DeliveryAttempted")]
    [InlineData(5, 4, TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "DeliveryAttempted")]
    [InlineData(5, 5, TrackingStatus.Returning, "returning.to_sender", "ReturnInitiated")]
    [InlineData(1, 4, TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point", "AvailableForPickup")]
    public async Task Failures_are_attributed_from_the_tracking_detail_codes(int digit, int step, TrackingStatus status, string detail, string rawCode)
    {
        await using var rig = await AmazonRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"TBA00000000003{digit}", step)).Snapshot!;

        Assert.Equal(status, snapshot.Status);
        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task A_parcel_delivered_back_is_returned_though_the_summary_says_delivered()
    {
        await using var rig = await AmazonRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("TBA000000000045", 20)).Snapshot!;

        Assert.Equal(TrackingStatus.Returned, snapshot.Status);
        Assert.Null(snapshot.ProofOfDelivery);
        Assert.Equal("Delivered (return to sender)", snapshot.Events[0].Description);
        // The forward leg keeps its own cause: the failed attempt was the address.
        Assert.Equal("attempt_failed.address_issue", snapshot.Events.Single(e => e.RawCode == "DeliveryAttempted").StatusDetail);
    }

    [Fact]
    public async Task Delivery_proof_comes_from_the_detail_codes()
    {
        await using var rig = await AmazonRig.StartAsync();

        var porch = (await rig.TrackAtStepAsync("TBA000000000050", 20)).Snapshot!;
        var signed = (await rig.TrackAtStepAsync("TBA000000000051", 20)).Snapshot!;

        Assert.Equal(new ProofOfDelivery("", "Porch", false, false), porch.ProofOfDelivery);
        Assert.Equal(new ProofOfDelivery("", "", true, false), signed.ProofOfDelivery);
    }

    [Fact]
    public async Task The_promised_date_is_the_estimate_while_the_parcel_is_on_its_way()
    {
        await using var rig = await AmazonRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("TBA000000000064", 3)).Snapshot!;

        // Scenario 4 has 7 steps; once its weather delay (step 3) shows, the promise slips to 7 steps + 2 days.
        Assert.Equal(AmazonRig.Start + AmazonRig.Step * 7 + TimeSpan.FromDays(2), snapshot.EstimatedDelivery);
        Assert.Null(snapshot.DeliveryWindow);
    }

    [Fact]
    public async Task Events_listed_newest_first_with_a_duplicate_come_out_once_and_in_order()
    {
        await using var rig = await AmazonRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("TBA000000000079", 20)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(["Delivered", "OutForDelivery", "ArrivedAtCarrierFacility", "ArrivedAtCarrierFacility", "PickupDone", "ReadyForReceive"],
            snapshot.Events.Select(e => e.RawCode));
    }
}
