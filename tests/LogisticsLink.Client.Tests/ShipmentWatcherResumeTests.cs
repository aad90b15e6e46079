using Grpc.Core;
using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests;

public sealed class ShipmentWatcherResumeTests
{
    private readonly SignallingTimeProvider time = new();

    [Fact]
    public async Task Reconnect_resumes_after_last_sequence_without_gap_or_duplicate()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(1), ScriptStep.Change(2), ScriptStep.Change(3), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(3), ScriptStep.Change(4), ScriptStep.Change(5)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);
        var request = new WatchShipmentsRequest
        {
            ShipmentIds = { "shp_1", "shp_2" },
            Statuses = { ShipmentStatus.Delivered },
        };

        await using var run = new WatchRun(watcher, request);
        var first = await run.NextAsync(3);
        time.Advance(await time.NextTimerAsync());
        var second = await run.NextAsync(2);

        Assert.Equal([1UL, 2, 3, 4, 5], first.Concat(second).Select(u => u.Sequence));
        Assert.Equal(5UL, watcher.ResumePosition);
        var requests = client.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(0UL, requests[0].ResumeAfterSequence);
        Assert.Equal(3UL, requests[1].ResumeAfterSequence);
        Assert.False(requests[1].SendSnapshot);
        Assert.Equal(["shp_1", "shp_2"], requests[1].ShipmentIds);
        Assert.Equal([ShipmentStatus.Delivered], requests[1].Statuses);
        Assert.True(run.NothingPending);
        Assert.Equal(1, client.DisposedCalls);
    }

    [Fact]
    public async Task Changes_at_or_before_the_requested_resume_point_are_dropped()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(9), ScriptStep.Change(10), ScriptStep.Change(11)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { ResumeAfterSequence = 10 });

        Assert.Equal(11UL, (await run.NextAsync()).Sequence);
        Assert.Equal(11UL, watcher.ResumePosition);
        Assert.Equal(10UL, client.Requests[0].ResumeAfterSequence);
    }

    [Fact]
    public async Task Heartbeat_advances_the_resume_position_and_is_yielded()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(1), ScriptStep.Heartbeat(7), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(8)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        Assert.Equal(1UL, (await run.NextAsync()).Sequence);
        var heartbeat = await run.NextAsync();
        Assert.Equal(ShipmentUpdate.UpdateOneofCase.Heartbeat, heartbeat.UpdateCase);
        Assert.Equal(7UL, watcher.ResumePosition);

        time.Advance(await time.NextTimerAsync());
        Assert.Equal(8UL, (await run.NextAsync()).Sequence);
        Assert.Equal(7UL, client.Requests[1].ResumeAfterSequence);
    }

    [Fact]
    public async Task Heartbeats_can_be_hidden_but_still_move_the_position()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Heartbeat(4), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(5)]);
        var watcher = new ShipmentWatcher(
            client, new ShipmentWatcherOptions { IncludeHeartbeats = false }, time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(5UL, (await run.NextAsync()).Sequence);
        Assert.Equal(4UL, client.Requests[1].ResumeAfterSequence);
    }

    [Fact]
    public async Task A_heartbeat_never_moves_the_position_backwards()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Change(6), ScriptStep.Heartbeat(2), ScriptStep.Fail(StatusCode.Unavailable)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync(2);
        await time.NextTimerAsync();

        Assert.Equal(6UL, watcher.ResumePosition);
    }

    [Fact]
    public async Task An_interrupted_snapshot_is_requested_again_and_items_already_seen_are_dropped()
    {
        var client = new FakeTrackingClient(
            [
                Snapshot(5, "shp_a", version: 2),
                Snapshot(3, "shp_b", version: 1),
                ScriptStep.Fail(StatusCode.Unavailable),
            ],
            [
                Snapshot(5, "shp_a", version: 2),
                Snapshot(3, "shp_b", version: 1),
                Snapshot(4, "shp_c", version: 1),
                ScriptStep.Change(9, "shp_b", version: 2),
                ScriptStep.Fail(StatusCode.Unavailable),
            ],
            [ScriptStep.Change(10, "shp_c", version: 2)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { SendSnapshot = true });
        var firstAttempt = await run.NextAsync(2);
        Assert.Equal(0UL, watcher.ResumePosition);
        time.Advance(await time.NextTimerAsync());
        var secondAttempt = await run.NextAsync(2);
        time.Advance(await time.NextTimerAsync());
        var third = await run.NextAsync();

        Assert.Equal(["shp_a", "shp_b"], firstAttempt.Select(u => u.Change.Shipment.Id));
        Assert.Equal(["shp_c", "shp_b"], secondAttempt.Select(u => u.Change.Shipment.Id));
        Assert.Equal(ChangeKind.Snapshot, secondAttempt[0].Change.Kind);
        Assert.Equal(10UL, third.Sequence);
        var requests = client.Requests;
        Assert.True(requests[1].SendSnapshot);
        // From the lowest position a snapshot item carried, so the server replays the order changes since.
        Assert.Equal(3UL, requests[1].ResumeAfterSequence);
        Assert.False(requests[2].SendSnapshot);
        Assert.Equal(9UL, requests[2].ResumeAfterSequence);
    }

    [Fact]
    public async Task A_completed_snapshot_resumes_from_its_highest_sequence()
    {
        var client = new FakeTrackingClient(
            [Snapshot(5, "shp_a"), Snapshot(3, "shp_b"), ScriptStep.Heartbeat(0), ScriptStep.Fail(StatusCode.Unavailable)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { SendSnapshot = true });
        await run.NextAsync(3);
        await client.NextCallAsync();
        time.Advance(await time.NextTimerAsync());
        var resumed = await client.NextCallAsync();

        Assert.Equal(5UL, watcher.ResumePosition);
        Assert.Equal(5UL, resumed.ResumeAfterSequence);
        Assert.False(resumed.SendSnapshot);
    }

    [Fact]
    public async Task A_watch_begun_on_an_empty_log_resumes_from_its_position_0_instead_of_starting_live_again()
    {
        // The stream's first heartbeat says it starts at 0: the log was empty. Whatever is committed before the
        // reconnect comes after that position, so the reconnect must replay from 0, not start live at the new head.
        var client = new FakeTrackingClient(
            [ScriptStep.Heartbeat(0), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(1)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        var resumed = await run.NextAsync();

        Assert.Equal(1UL, resumed.Sequence);
        Assert.False(client.Requests[0].ResumeFromZero);
        Assert.Equal(0UL, client.Requests[1].ResumeAfterSequence);
        Assert.True(client.Requests[1].ResumeFromZero);
    }

    [Fact]
    public async Task A_watch_cut_off_before_the_server_said_where_it_starts_starts_live_again()
    {
        var client = new FakeTrackingClient(
            [ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Heartbeat(4)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await client.NextCallAsync();
        time.Advance(await time.NextTimerAsync());
        var resumed = await client.NextCallAsync();

        Assert.Equal(0UL, resumed.ResumeAfterSequence);
        Assert.False(resumed.ResumeFromZero);
    }

    [Fact]
    public async Task A_snapshot_begun_on_an_empty_log_is_asked_again_from_position_0()
    {
        // Its items carry 0; the order changes committed since must be replayed after the new snapshot.
        var client = new FakeTrackingClient(
            [Snapshot(0, "shp_a"), ScriptStep.Fail(StatusCode.Unavailable)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { SendSnapshot = true });
        await run.NextAsync();
        await client.NextCallAsync();
        time.Advance(await time.NextTimerAsync());
        var again = await client.NextCallAsync();

        Assert.True(again.SendSnapshot);
        Assert.Equal(0UL, again.ResumeAfterSequence);
        Assert.True(again.ResumeFromZero);
    }

    [Fact]
    public async Task After_a_reconnect_a_change_the_snapshot_already_showed_is_not_yielded_again()
    {
        // The change at 11 committed while the server read the snapshot, which shows its result (version 5); the
        // first call skipped it, but the resumed call replays the log from 10.
        var client = new FakeTrackingClient(
            [Snapshot(10, "shp_a", version: 5), ScriptStep.Heartbeat(10), ScriptStep.Fail(StatusCode.Unavailable)],
            [ScriptStep.Change(11, "shp_a", version: 5), ScriptStep.Change(12, "shp_a", version: 6)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { SendSnapshot = true });
        await run.NextAsync(2);
        time.Advance(await time.NextTimerAsync());
        var next = await run.NextAsync();

        Assert.Equal(12UL, next.Sequence);
        Assert.Equal(12UL, watcher.ResumePosition);
        Assert.Equal(10UL, client.Requests[1].ResumeAfterSequence);
    }

    [Fact]
    public async Task A_snapshot_asked_with_a_resume_position_is_sent_as_asked_and_asked_again_from_there()
    {
        var client = new FakeTrackingClient(
            [Snapshot(5, "shp_a"), ScriptStep.Fail(StatusCode.Unavailable)],
            [Snapshot(5, "shp_a"), Snapshot(5, "shp_b"), ScriptStep.Update(new ShipmentUpdate { Sequence = 6, OrderChange = new OrderChange { Order = new Order { OrderId = "o-1" } } })]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest { ResumeAfterSequence = 5, SendSnapshot = true });
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());
        var second = await run.NextAsync(2);

        Assert.Equal(["shp_b"], second.Take(1).Select(u => u.Change.Shipment.Id));
        Assert.Equal(6UL, second[1].Sequence);
        Assert.All(client.Requests, r => Assert.True(r.SendSnapshot && r.ResumeAfterSequence == 5));
    }

    [Fact]
    public async Task A_stream_the_server_ends_normally_is_reopened_after_a_delay()
    {
        var client = new FakeTrackingClient([ScriptStep.Change(1), ScriptStep.End], [ScriptStep.Change(2)]);
        var watcher = new ShipmentWatcher(client, timeProvider: time);

        await using var run = new WatchRun(watcher, new WatchShipmentsRequest());
        await run.NextAsync();
        time.Advance(await time.NextTimerAsync());

        Assert.Equal(2UL, (await run.NextAsync()).Sequence);
        Assert.Equal(1UL, client.Requests[1].ResumeAfterSequence);
    }

    private static ScriptStep Snapshot(ulong sequence, string id, ulong version = 1) =>
        ScriptStep.Change(sequence, id, version, kind: ChangeKind.Snapshot);
}
