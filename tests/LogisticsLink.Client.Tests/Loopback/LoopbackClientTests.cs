using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Loopback;

/// <summary>The client over real HTTP/2 to an in-process scripted server: headers, status mapping, cancellation.</summary>
public sealed class LoopbackClientTests
{
    [Fact]
    public async Task Unary_and_streaming_calls_carry_the_bearer_key_over_plain_http()
    {
        var service = new ScriptedTrackingService([1]);
        await using var server = await LoopbackServer.StartAsync(service);
        using var client = LogisticsLinkClient.Create(server.Address, "k-123");

        await client.Tracking.GetShipmentAsync(new GetShipmentRequest { ShipmentId = "shp_1" });
        await using var run = new WatchRun(client.CreateWatcher(), new WatchShipmentsRequest());
        await run.NextAsync();

        Assert.Equal(["Bearer k-123", "Bearer k-123"], service.AuthorizationHeaders);
    }

    [Fact]
    public async Task A_server_ending_the_stream_with_unavailable_is_resumed_without_gap_or_duplicate()
    {
        var service = new ScriptedTrackingService([1, 2, 3], [3, 4, 5]);
        await using var server = await LoopbackServer.StartAsync(service);
        var time = new SignallingTimeProvider();
        using var client = LogisticsLinkClient.Create(
            new LogisticsLinkClientOptions { Address = server.Address, ApiKey = "k-123" }, time);
        var watcher = client.CreateWatcher();

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { ShipmentIds = { "shp_1" } });
        var first = await run.NextAsync(3);
        time.Advance(await time.NextTimerAsync());
        var second = await run.NextAsync(2);

        Assert.Equal([1UL, 2, 3, 4, 5], first.Concat(second).Select(u => u.Sequence));
        Assert.Equal([0UL, 3], service.WatchRequests.Select(r => r.ResumeAfterSequence));
        Assert.Equal(5UL, watcher.ResumePosition);

        run.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion.WaitAsync(TestTimeouts.Generous));
    }
}
