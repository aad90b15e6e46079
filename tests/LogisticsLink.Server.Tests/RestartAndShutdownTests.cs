using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>Invariants 1 and 7: a server restarted on the same file resumes every stream where it stopped.</summary>
public sealed class RestartAndShutdownTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task Shutdown_ends_streams_with_unavailable_naming_the_resume_sequence()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 1 });
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await watcher.WaitForPositionAsync(2);

        await server.StopAsync();

        await Eventually.UntilAsync(() => watcher.Ended, "the stream ended");
        var error = Assert.IsType<RpcException>(watcher.Error);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("resume_after_sequence = 2", error.Status.Detail);
    }

    [Fact]
    public async Task Shutdown_during_a_replay_names_the_position_the_replay_reached()
    {
        StoreHook? hook = null;
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string>(NoScheduler) { ["Streams:ReplayBatchSize"] = "5" }, services: s => hook = StoreHook.Install(s));
        var client = server.Client();
        for (var i = 0; i < 12; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }
        // The watch's replay gets its first batch (2..6); its read of the second waits until the server stops.
        hook!.BeforeEach(nameof(IShipmentStore.ReadChangesAsync), args =>
            args[0] is ChangeQuery { TenantId: not null } && (long)args[1]! >= 6 ? Task.Delay(Timeout.Infinite, (CancellationToken)args[3]!) : Task.CompletedTask);
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 1 });
        await watcher.WaitForPositionAsync(6);

        await server.StopAsync();

        await Eventually.UntilAsync(() => watcher.Ended, "the stream ended");
        var error = Assert.IsType<RpcException>(watcher.Error);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("resume_after_sequence = 6", error.Status.Detail);
        Assert.Equal(6UL, watcher.LastChangeSequence);
    }

    [Fact]
    public async Task Shutdown_before_the_snapshot_was_complete_says_to_start_again_with_a_snapshot()
    {
        StoreHook? hook = null;
        await using var server = await TestServer.StartAsync(settings: NoScheduler, services: s => hook = StoreHook.Install(s));
        var client = server.Client();
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The snapshot's read waits until the server stops.
        hook!.BeforeEach(nameof(IShipmentStore.ListAsync), args =>
        {
            reading.TrySetResult();
            return Task.Delay(Timeout.Infinite, (CancellationToken)args[2]!);
        });
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await server.StopAsync();

        await Eventually.UntilAsync(() => watcher.Ended, "the stream ended");
        var error = Assert.IsType<RpcException>(watcher.Error);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("send_snapshot = true", error.Status.Detail);
        Assert.DoesNotContain("Resume with", error.Status.Detail);
        Assert.Empty(watcher.Updates);
    }

    [Fact]
    public async Task After_a_restart_on_the_same_file_resume_delivers_the_rest_then_stays_live()
    {
        var folder = TestServer.NewDataFolder();
        ulong last;
        string shipmentId;
        await using (var server = await TestServer.StartAsync(folder, NoScheduler))
        {
            var client = server.Client();
            shipmentId = (await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() })).Id;
            await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 1 });
            for (var i = 0; i < 5; i++)
            {
                await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
            }
            await watcher.WaitForPositionAsync(6);
            last = watcher.LastChangeSequence;
            // Written after the subscriber's last read: only the log can bring these back.
            for (var i = 0; i < 5; i++)
            {
                await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
            }
        }

        await using var restarted = await TestServer.StartAsync(folder, NoScheduler);
        var again = restarted.Client();
        var kept = await again.GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipmentId });
        Assert.Equal(shipmentId, kept.Id);

        await using var resumed = StreamCollector.Start(again, new WatchShipmentsRequest { ResumeAfterSequence = last });
        await resumed.WaitForPositionAsync(11);
        await again.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await resumed.WaitForPositionAsync(12);

        Assert.Equal(Enumerable.Range((int)last + 1, 12 - (int)last).Select(i => (ulong)i), resumed.Changes.Select(c => c.Sequence));
    }
}
