using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>Every sandbox lifecycle, played by the La Poste simulator and read back by the adapter, step by step.</summary>
public sealed class LaPosteLifecycleTests
{
    // La Poste publishes no "lost" and no "cancelled" code: a lost parcel is reported as a problem (PB1), and a voided
    // label never gets another event. The adapter must not claim more than La Poste said.
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
        await using var rig = await LaPosteRig.StartAsync();
        var id = $"6A15602671{digit}";
        var scenario = SandboxScenarios.ForDigit(digit);

        for (var k = 0; k < scenario.Steps.Count; k++)
        {
            var result = await rig.TrackAsync(id);

            Assert.True(result.IsSuccess, result.FailureReason);
            var snapshot = result.Snapshot!;
            Assert.Equal(Expected(scenario.Steps[k]), snapshot.Status);
            Assert.Equal(snapshot.Events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), snapshot.Events.Select(e => e.OccurredAt));
            Assert.Equal(snapshot.Status, snapshot.Events[0].Status);
            Assert.Equal(snapshot.Events.Count, snapshot.Events.Select(e => e.DedupKey).Distinct().Count());
            Assert.All(snapshot.Events, e => Assert.Equal("laposte", e.Source));
            Assert.Equal($"https://www.laposte.fr/outils/suivre-vos-envois?code={id}", snapshot.TrackingUrl);
            rig.Time.Advance(LaPosteRig.Step);
        }
    }

    [Theory]
    [InlineData(0, "delivered.recipient", "DI1")]
    [InlineData(1, "delivered.recipient", "DI1")]
    [InlineData(2, "delivered.recipient", "DI1")]
    [InlineData(3, "delivered.recipient", "DI1")]
    [InlineData(5, "returned.to_sender", "DI2")]
    [InlineData(6, "exception.lost", "PB1")]
    [InlineData(8, "info_received.label_created", "DR1")]
    public async Task The_final_status_detail_names_the_outcome(int digit, string detail, string rawCode)
    {
        await using var rig = await LaPosteRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"6A15602672{digit}", 20)).Snapshot!;

        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Theory]
    [InlineData(2, 4, TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent", "ND1")]
    [InlineData(5, 4, TrackingStatus.AttemptFailed, "attempt_failed.address_issue", "ND1")]
    [InlineData(5, 5, TrackingStatus.Returning, "returning.to_sender", "RE1")]
    [InlineData(3, 2, TrackingStatus.InTransit, "in_transit.customs", "DO1")]
    [InlineData(3, 3, TrackingStatus.Exception, "exception.customs_hold", "DO3")]
    [InlineData(3, 4, TrackingStatus.InTransit, "in_transit.customs_released", "DO2")]
    [InlineData(4, 3, TrackingStatus.Exception, "exception.delayed_weather", "PB1")]
    [InlineData(6, 3, TrackingStatus.Exception, "exception.investigation", "PB1")]
    [InlineData(1, 4, TrackingStatus.AvailableForPickup, "available_for_pickup.awaiting_collection", "AG1")]
    [InlineData(0, 4, TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle", "MD2")]
    public async Task Incidents_are_attributed_from_the_event_label(int digit, int step, TrackingStatus status, string detail, string rawCode)
    {
        await using var rig = await LaPosteRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync($"6A15602673{digit}", step)).Snapshot!;

        Assert.Equal(status, snapshot.Status);
        Assert.Equal(detail, snapshot.StatusDetail);
        Assert.Equal(rawCode, snapshot.Events[0].RawCode);
    }

    [Fact]
    public async Task The_estimated_window_is_read_and_slips_with_a_delay()
    {
        await using var rig = await LaPosteRig.StartAsync();
        var before = (await rig.TrackAtStepAsync("6A156026744", 2)).Snapshot!;
        rig.Time.Advance(LaPosteRig.Step);
        var after = (await rig.TrackAsync("6A156026744")).Snapshot!;

        Assert.NotNull(before.DeliveryWindow);
        Assert.Equal(before.DeliveryWindow!.End, before.EstimatedDelivery);
        Assert.Equal(TimeSpan.FromHours(2), before.DeliveryWindow.End - before.DeliveryWindow.Start);
        Assert.Equal(TimeSpan.FromHours(1), before.EstimatedDelivery!.Value.Offset);
        // Scenario 4: the weather problem (step 3) is a problem: La Poste gives no estimate while it lasts.
        Assert.Null(after.EstimatedDelivery);
        rig.Time.Advance(LaPosteRig.Step);
        var resumed = (await rig.TrackAsync("6A156026744")).Snapshot!;
        Assert.Equal(TimeSpan.FromDays(1), resumed.EstimatedDelivery - before.EstimatedDelivery);
    }

    [Fact]
    public async Task A_parcel_collected_from_a_pickup_point_has_that_point_as_its_proof_of_delivery()
    {
        await using var rig = await LaPosteRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("6A156026751", 5)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(new ProofOfDelivery("", "Consigne Pickup Lille Flandres (A2P)", false, false), snapshot.ProofOfDelivery);
        Assert.Null(snapshot.EstimatedDelivery);
    }

    [Fact]
    public async Task A_home_delivery_has_no_proof_of_delivery_in_the_open_scope()
    {
        await using var rig = await LaPosteRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("6A156026760", 5)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Null(snapshot.ProofOfDelivery);
    }

    [Fact]
    public async Task Events_listed_oldest_first_with_a_duplicate_come_out_newest_first_once_each()
    {
        await using var rig = await LaPosteRig.StartAsync();
        var snapshot = (await rig.TrackAtStepAsync("6A156026779", 5)).Snapshot!;

        Assert.Equal(TrackingStatus.Delivered, snapshot.Status);
        Assert.Equal(6, snapshot.Events.Count);
        Assert.Equal(new[] { "DI1", "MD2", "EP1", "ET1", "PC1", "DR1" }, snapshot.Events.Select(e => e.RawCode));
    }
}
