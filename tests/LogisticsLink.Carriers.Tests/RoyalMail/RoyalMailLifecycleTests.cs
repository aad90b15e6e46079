using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

/// <summary>Every sandbox lifecycle, played by the Royal Mail simulator and read back by the adapter, step by step.</summary>
public sealed class RoyalMailLifecycleTests
{
    // Royal Mail publishes no "lost" and no "cancelled" code: a lost item is reported as held (EVNRT) with the reason,
    // and a voided label never gets another event. The adapter must not claim more than Royal Mail said.
    private static TrackingStatus Expected(SandboxStep step) => step.Status switch
    {
        TrackingStatus.Lost => TrackingStatus.Exception,
        TrackingStatus.Cancelled => TrackingStatus.InfoReceived,
        var status => status,
    };

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
        await using var rig = await RoyalMailRig.StartAsync();
        var number = $"FQ08743011{digit}GB";
        var scenario = SandboxScenarios.ForDigit(digit);

        for (var k = 0; k < scenario.Steps.Count; k++)
        {
            var result = await rig.TrackAsync(number);

            Assert.True(result.IsSuccess, result.FailureReason);
            var snapshot = result.Snapshot!;
            Assert.Equal(Expected(scenario.Steps[k]), snapshot.Status);
            Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), snapshot.Events.Select(e => e.OccurredAt));
            Assert.Equal(snapshot.Status, snapshot.Events[0].Status);
            Assert.Equal(snapshot.Events.Count, snapshot.Events.Select(e => e.DedupKey).Distinct().Count());
            Assert.All(snapshot.Events, e => Assert.Equal("royalmail", e.Source));
            Assert.Equal($"https://www.royalmail.com/track-your-item#/tracking-results/{number}", snapshot.TrackingUrl);
            rig.Time.Advance(RoyalMailRig.Step);
        }
    }

    [Theory]
    [InlineData(0, "delivered.recipient", "EVKSP")]
    [InlineData(1, "delivered.collected_from_post_office", "EVPLC")]
    [InlineData(2, "delivered.recipient", "EVKSP")]
    [InlineData(3, "delivered.recipient", "EVKSP")]
    [InlineData(5, "returned.to_sender", "EVRTS")]
    [InlineData(6, "exception.lost", "EVNRT")]
    [InlineData(8, "info_received.sender_despatching", "EVAIP")]
    public async Task The_final_status_detail_names_the_outcome(int digit, string detail, string rawCode)
    {
        await using var rig = await RoyalMailRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"FQ08743012{digit}GB", 20)).Snapshot!;

        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Theory]
    [InlineData(2, 4, TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "EVKNA")]
    [InlineData(5, 4, TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "EVKAA")]
    [InlineData(5, 5, TrackingStatus.Returning, "returning.address_unidentified", "EVKAI")]
    [InlineData(3, 3, TrackingStatus.Exception, "exception.customs_hold", "EVNRT")]
    [InlineData(4, 3, TrackingStatus.Exception, "exception.delayed_weather", "EVNRT")]
    [InlineData(6, 3, TrackingStatus.Exception, "exception.investigation", "EVNRT")]
    [InlineData(1, 4, TrackingStatus.AvailableForPickup, "available_for_pickup.collection_point", "EVKLC")]
    [InlineData(0, 4, TrackingStatus.OutForDelivery, "out_for_delivery.due_today", "EVGPD")]
    public async Task Incidents_are_attributed_from_the_event_name(int digit, int step, TrackingStatus status, string detail, string rawCode)
    {
        await using var rig = await RoyalMailRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"FQ08743013{digit}GB", step)).Snapshot!;

        Assert.Equal(status, snapshot.Status);
        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task The_estimated_window_is_read_and_slips_with_a_delay()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        var before = (await rig.TrackAtStepAsync("FQ087430144GB", 2)).Snapshot!;
        rig.Time.Advance(RoyalMailRig.Step);
        var held = (await rig.TrackAsync("FQ087430144GB")).Snapshot!;
        rig.Time.Advance(RoyalMailRig.Step);
        var resumed = (await rig.TrackAsync("FQ087430144GB")).Snapshot!;

        Assert.NotNull(before.DeliveryWindow);
        Assert.Equal(before.DeliveryWindow!.End, before.EstimatedDelivery);
        Assert.Equal(TimeSpan.FromHours(3), before.DeliveryWindow.End - before.DeliveryWindow.Start);
        Assert.Null(held.EstimatedDelivery);
        Assert.Equal(TimeSpan.FromDays(1), resumed.EstimatedDelivery - before.EstimatedDelivery);
    }

    [Fact]
    public async Task An_item_collected_from_the_Post_Office_carries_the_signature()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("FQ087430151GB", 5)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(new ProofOfDelivery("J. MARTIN", "Post Office", true, false), snapshot.ProofOfDelivery);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task A_21_character_mail_piece_id_is_tracked_like_a_barcode()
    {
        await using var rig = await RoyalMailRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("090367574000000FE1E10", 1)).Snapshot!;

        Assert.Equal(TrackingStatus.InTransit, snapshot.Status);
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/090367574000000FE1E10", snapshot.TrackingUrl);
    }
}
