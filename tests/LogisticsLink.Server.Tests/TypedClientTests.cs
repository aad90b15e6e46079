using LogisticsLink.Client;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>The typed client against real servers: resume across a restart, and many streams on one channel.</summary>
public sealed class TypedClientTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task WatchAsync_resumes_across_a_server_restart_without_gap_or_duplicate()
    {
        var folder = TestServer.NewDataFolder();
        var server = await TestServer.StartAsync(folder, NoScheduler);
        using var client = LogisticsLinkClient.Create(server.GrpcAddress, TestServer.KeyA);
        await client.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        var watcher = client.CreateWatcher(new ShipmentWatcherOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(50) });
        var seen = new List<ulong>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = Task.Run(async () =>
        {
            await foreach (var update in watcher.WatchAsync(new WatchShipmentsRequest { ResumeAfterSequence = 1 }, stop.Token))
            {
                if (update.Change is not null)
                {
                    lock (seen) seen.Add(update.Sequence);
                    if (update.Sequence == 11)
                    {
                        return;
                    }
                }
            }
        });

        for (var i = 0; i < 5; i++)
        {
            await client.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }
        await Eventually.UntilAsync(() => { lock (seen) return seen.Count == 5; }, "the first five changes arrived");
        await server.StopAsync();

        await using var restarted = await TestServer.StartAsync(folder, NoScheduler, sameAddressesAs: server);
        var direct = restarted.Client();
        for (var i = 0; i < 5; i++)
        {
            await direct.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }
        await reading.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(2, 10).Select(i => (ulong)i), seen);
    }

    [Fact]
    public async Task Hundreds_of_streams_on_one_client_all_receive_every_change()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        using var client = LogisticsLinkClient.Create(server.GrpcAddress, TestServer.KeyA);
        await client.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        // Kestrel allows 100 streams per HTTP/2 connection: 250 streams only work if the client opens more connections.
        var watchers = Enumerable.Range(0, 250)
            .Select(_ => StreamCollector.Start(client.Tracking, new WatchShipmentsRequest { ResumeAfterSequence = 1 }))
            .ToList();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await client.Tracking.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
            }
            foreach (var watcher in watchers)
            {
                await watcher.WaitForPositionAsync(4);
                Assert.Equal([2UL, 3UL, 4UL], watcher.Changes.Select(c => c.Sequence));
            }
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }
}
