using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>The sandbox carrier, through the scheduler and the real gateway path, reaches each scenario's end.</summary>
public sealed class SandboxLifecycleTests
{
    [Theory]
    [InlineData(0, ShipmentStatus.Delivered, "delivered.recipient")]
    [InlineData(1, ShipmentStatus.Delivered, "delivered.locker")]
    [InlineData(5, ShipmentStatus.Returned, "returned.to_sender")]
    [InlineData(6, ShipmentStatus.Lost, "lost.confirmed")]
    [InlineData(8, ShipmentStatus.Cancelled, "cancelled.label_voided")]
    [InlineData(9, ShipmentStatus.Delivered, "delivered.recipient")]
    public async Task Sandbox_parcels_move_live_to_their_final_status(int scenario, ShipmentStatus final, string detail)
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:00.100" });
        var client = server.Client();
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 0 });
        await watcher.WaitUntilAsync(c => c.Updates.Count > 0, "the watch is live");
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox(scenario) });

        await watcher.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Shipment.Status == final), $"the parcel is {final}");
        var done = await client.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipment.Id });

        Assert.Equal(final, done.Status);
        Assert.Equal(detail, done.StatusDetail);
        var statuses = watcher.Changes.Where(c => c.Change.Kind == ChangeKind.StatusChanged).Select(c => c.Change.Shipment.Status).ToList();
        Assert.Equal(final, statuses[^1]);
        Assert.Equal(done.Events.Count, done.Events.Select(e => (e.OccurredAt, e.RawCode)).Distinct().Count());
        Assert.Equal(done.Events.OrderByDescending(e => e.OccurredAt.ToDateTimeOffset()).Select(e => e.OccurredAt), done.Events.Select(e => e.OccurredAt));
        Assert.Equal("https://tracking.sandbox.invalid/" + shipment.TrackingNumber, done.TrackingUrl);
    }
}
