using Grpc.Core;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;
using static LogisticsLink.Client.Tests.Fakes.Updates;

namespace LogisticsLink.Client.Tests;

/// <summary>
/// The commit time that goes with each resume position: kept beside it, sent with it on every resume so the server can
/// refuse a position from a restored or recreated log, and exposed so a caller persists both.
/// </summary>
public sealed class ShipmentWatcherCommitTimeTests
{
    private readonly SignallingTimeProvider time = new();

    [Fact]
    public async Task A_reconnect_sends_the_commit_time_of_the_last_change_with_its_position()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(1), ScriptStep.Change(2), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Update(new ShipmentUpdate { Sequence = 3, OrderChange = new OrderChange { Order = new Order { OrderId = "o-1" }, CommittedAt = At(3) } }),
             ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Hang]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync(2);
        Assert.Equal((2UL, At(2)!.ToDateTimeOffset()), (watcher.ResumePosition, watcher.ResumeCommittedAt));
        time.Advance(await time.NextTimerAsync());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        await CallAsync(client, 3);

        var requests = client.Requests;
        Assert.Null(requests[0].ResumeAfterCommittedAt);
        Assert.Equal((2UL, At(2)), (requests[1].ResumeAfterSequence, requests[1].ResumeAfterCommittedAt));
        Assert.Equal((3UL, At(3)), (requests[2].ResumeAfterSequence, requests[2].ResumeAfterCommittedAt));
        Assert.Equal((3UL, At(3)!.ToDateTimeOffset()), (watcher.ResumePosition, watcher.ResumeCommittedAt));
    }

    [Fact]
    public async Task A_heartbeat_moves_the_commit_time_with_the_position_and_never_back()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(1), ScriptStep.Heartbeat(7), ScriptStep.Heartbeat(3), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Hang]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync(3);
        time.Advance(await time.NextTimerAsync());
        var resumed = await CallAsync(client, 2);

        Assert.Equal(At(7)!.ToDateTimeOffset(), watcher.ResumeCommittedAt);
        Assert.Equal((7UL, At(7)), (resumed.ResumeAfterSequence, resumed.ResumeAfterCommittedAt));
    }

    [Fact]
    public async Task A_watch_started_from_a_saved_position_and_time_sends_both_and_exposes_them_until_it_moves()
    {
        var saved = At(10);
        var client = new FakeTrackingClient(
            [ScriptStep.Change(10), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(11)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { ResumeAfterSequence = 10, ResumeAfterCommittedAt = saved });
        await client.NextCallAsync();
        Assert.Equal((10UL, saved!.ToDateTimeOffset()), (watcher.ResumePosition, watcher.ResumeCommittedAt));
        time.Advance(await time.NextTimerAsync());
        await run.NextAsync();

        Assert.All(client.Requests, r => Assert.Equal((10UL, saved), (r.ResumeAfterSequence, r.ResumeAfterCommittedAt)));
        Assert.Equal((11UL, At(11)!.ToDateTimeOffset()), (watcher.ResumePosition, watcher.ResumeCommittedAt));
    }

    [Fact]
    public async Task A_saved_position_without_a_time_takes_the_time_a_heartbeat_gives_for_it()
    {
        var client = new FakeTrackingClient([ScriptStep.Heartbeat(10), ScriptStep.Fail(StatusCode.Unavailable)], [ScriptStep.Hang]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { ResumeAfterSequence = 10 });
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        var resumed = await CallAsync(client, 2);

        Assert.Null(client.Requests[0].ResumeAfterCommittedAt);
        Assert.Equal((10UL, At(10)), (resumed.ResumeAfterSequence, resumed.ResumeAfterCommittedAt));
    }

    [Fact]
    public async Task A_snapshot_is_asked_again_from_its_lowest_position_and_resumed_from_its_highest_each_with_its_time()
    {
        var client = new FakeTrackingClient(
            [Snapshot(5, "shp_a"), Snapshot(3, "shp_b"), ScriptStep.Fail(StatusCode.Unavailable)],
            [Snapshot(5, "shp_a"), Snapshot(3, "shp_b"), ScriptStep.Heartbeat(0), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Hang]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { SendSnapshot = true });
        await run.NextAsync(2);
        Assert.Null(watcher.ResumeCommittedAt);
        time.Advance(await time.NextTimerAsync());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        await CallAsync(client, 3);

        var requests = client.Requests;
        Assert.Equal((3UL, At(3), true), (requests[1].ResumeAfterSequence, requests[1].ResumeAfterCommittedAt, requests[1].SendSnapshot));
        Assert.Equal((5UL, At(5), false), (requests[2].ResumeAfterSequence, requests[2].ResumeAfterCommittedAt, requests[2].SendSnapshot));
        Assert.Equal(At(5)!.ToDateTimeOffset(), watcher.ResumeCommittedAt);
    }

    [Fact]
    public async Task Out_of_range_ends_the_watch_for_the_caller_to_start_again_from_a_snapshot()
    {
        var client = new FakeTrackingClient([ScriptStep.Fail(StatusCode.OutOfRange)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in watcher.WatchAsync(new WatchShipmentsRequest { ResumeAfterSequence = 8, ResumeAfterCommittedAt = At(8) }))
            {
            }
        });

        Assert.Equal(StatusCode.OutOfRange, refused.StatusCode);
        Assert.Single(client.Requests);
    }

    /// <summary>Waits until the watcher has made its <paramref name="n"/>th call; returns that call's request.</summary>
    private static async Task<WatchShipmentsRequest> CallAsync(FakeTrackingClient client, int n)
    {
        WatchShipmentsRequest request = null!;
        for (var i = 0; i < n; i++)
        {
            request = await client.NextCallAsync();
        }
        return request;
    }

    private static ScriptStep Snapshot(ulong sequence, string id, ulong version = 1) =>
        ScriptStep.Change(sequence, id, version, kind: ChangeKind.Snapshot);
}
