using Grpc.Core;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests;

/// <summary>Invariant 1: replay from the log, then live, with no gap and no duplicate at the seam.</summary>
public sealed class WatchReplayThenLiveTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    public async Task Resuming_while_changes_are_written_delivers_every_later_change_exactly_once_in_order()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var first = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        for (var i = 0; i < 50; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }
        var resumeFrom = await HeadAsync(server) - 25;

        // Writers keep committing while the watcher replays and crosses over to live.
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
            }
        })).ToArray();
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = resumeFrom });
        await Task.WhenAll(writers);
        var head = await HeadAsync(server);
        await watcher.WaitForPositionAsync(head);

        var received = watcher.Changes.Select(c => c.Sequence).ToList();
        Assert.Equal(Enumerable.Range((int)resumeFrom + 1, (int)(head - resumeFrom)).Select(i => (ulong)i), received);
        Assert.Equal(25 + 180, received.Count);
        Assert.StartsWith("shp_", first.Id);
    }

    [Fact]
    public async Task A_resume_position_past_the_end_of_the_log_is_refused_not_waited_for()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var head = await HeadAsync(server);

        // A position from another database (recreated, or restored from an older copy): waiting for the log to reach
        // it would drop every change until then without a word.
        using var ahead = client.WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = head + 1000 });
        var beyond = await Assert.ThrowsAsync<RpcException>(() => ahead.ResponseStream.MoveNext());
        using var wrapped = client.WatchShipments(new WatchShipmentsRequest { ResumeAfterSequence = ulong.MaxValue });
        var invalid = await Assert.ThrowsAsync<RpcException>(() => wrapped.ResponseStream.MoveNext());
        await using var atHead = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = head });
        var added = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await atHead.WaitUntilAsync(c => c.Changes.Count >= 1, "the change after the head arrived");

        Assert.Equal(StatusCode.OutOfRange, beyond.StatusCode);
        Assert.Contains($"past the end of this server's change log ({head})", beyond.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("resume_after_sequence", invalid.Status.Detail);
        Assert.Equal(added.Id, Assert.Single(atHead.Changes).Change.Shipment.Id);
    }

    [Fact]
    public async Task Starting_live_sends_only_new_changes_and_an_optional_snapshot_first()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var existing = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await watcher.WaitUntilAsync(c => c.Changes.Count >= 1, "the snapshot arrived");
        var added = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await watcher.WaitUntilAsync(c => c.Changes.Count >= 2, "the live change arrived");

        var changes = watcher.Changes;
        Assert.Equal(ChangeKind.Snapshot, changes[0].Change.Kind);
        Assert.Equal(existing.Id, changes[0].Change.Shipment.Id);
        Assert.Equal(ChangeKind.Created, changes[1].Change.Kind);
        Assert.Equal(added.Id, changes[1].Change.Shipment.Id);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task Starting_live_tells_the_client_where_it_starts_so_a_reconnect_before_any_change_misses_nothing()
    {
        // No idle heartbeat within the test: the position must come from the start of the stream.
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>(NoScheduler)
        {
            ["Streams:HeartbeatInterval"] = "01:00:00",
        });
        var client = server.Client();
        var existing = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var start = await HeadAsync(server);

        ulong position;
        await using (var live = StreamCollector.Start(client, new WatchShipmentsRequest()))
        {
            await live.WaitUntilAsync(c => c.Updates.Count >= 1, "the stream said where it starts");
            Assert.Equal(start, Assert.Single(live.Updates).Heartbeat.LatestSequence);
            position = live.Position;
        }
        // Committed while the client was away, before it had received any change.
        var missed = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        await using var resumed = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = position });
        await resumed.WaitForPositionAsync(start + 1);
        Assert.Equal([missed.Id], resumed.Changes.Select(c => c.Change.Shipment.Id));

        // With a snapshot, the heartbeat follows it and so also marks its end.
        await using var withSnapshot = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await withSnapshot.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the heartbeat arrived");
        var updates = withSnapshot.Updates;
        Assert.Equal([ChangeKind.Snapshot, ChangeKind.Snapshot], updates.Take(2).Select(u => u.Change.Kind));
        Assert.Equal(new[] { existing.Id, missed.Id }.Order(), updates.Take(2).Select(u => u.Change.Shipment.Id).Order());
        Assert.Equal(start + 1, updates[2].Heartbeat.LatestSequence);
    }

    [Fact]
    public async Task A_stream_started_on_an_empty_log_starts_at_position_0_and_a_resume_from_it_misses_nothing()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>(NoScheduler)
        {
            ["Streams:HeartbeatInterval"] = "01:00:00",
        });
        var client = server.Client();
        Assert.Equal(0UL, await HeadAsync(server));

        ulong position;
        await using (var live = StreamCollector.Start(client, new WatchShipmentsRequest()))
        {
            await live.WaitUntilAsync(c => c.Updates.Count >= 1, "the stream said where it starts");
            Assert.Equal(0UL, Assert.Single(live.Updates).Heartbeat.LatestSequence);
            position = live.Position;
        }
        // The log's first changes, committed while the client was away.
        var missed = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var alsoMissed = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        // 0 alone would start live, past those changes: the resume says that its 0 is a position.
        await using var resumed = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = position, ResumeFromZero = true });
        var added = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await resumed.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Shipment.Id == added.Id), "the change after the resume arrived");

        Assert.Equal([1UL, 2UL, 3UL], resumed.Changes.Select(c => c.Sequence));
        Assert.Equal([missed.Id, alsoMissed.Id, added.Id], resumed.Changes.Select(c => c.Change.Shipment.Id));
    }

    [Fact]
    public async Task A_snapshot_asked_again_from_the_first_ones_position_also_replays_the_order_changes_since()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        ulong start;
        await using (var cut = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true }))
        {
            await cut.WaitUntilAsync(c => c.Changes.Count >= 1, "the first snapshot item arrived");
            start = cut.Changes[0].Sequence;
        }
        // Committed while the client is away, before its snapshot was complete: an order (with its own parcel) and a
        // change to the shipment the first snapshot showed.
        var order = await server.Orders().UpsertOrderAsync(Support.SupportFixtures.Order(
            "114-" + Guid.NewGuid().ToString("N")[..7], FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox()));
        var relabelled = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = shipment.TrackingNumber, Labels = { ["k"] = "v" } });
        // The last change: once it arrives, everything before it has.
        var last = await server.Orders().UpsertOrderAsync(Support.SupportFixtures.Order(
            "114-" + Guid.NewGuid().ToString("N")[..7], FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var head = await HeadAsync(server);

        await using var again = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true, ResumeAfterSequence = start });
        await again.WaitUntilAsync(c => c.Updates.Any(u => u.OrderChange?.Order.OrderId == last.OrderId), "the last order change arrived");

        var updates = again.Updates;
        var snapshot = updates.TakeWhile(u => u.Change?.Kind == ChangeKind.Snapshot).ToList();
        Assert.Equal(new[] { shipment.Id, order.Shipments[0].Id }.Order(), snapshot.Select(u => u.Change.Shipment.Id).Order());
        Assert.All(snapshot, u => Assert.Equal(start, u.Sequence));
        Assert.Equal(relabelled.Version, snapshot.Single(u => u.Change.Shipment.Id == shipment.Id).Change.Shipment.Version);
        var rest = updates.Skip(snapshot.Count).ToList();
        Assert.Equal([order.OrderId, last.OrderId], rest.Where(u => u.OrderChange is not null).Select(u => u.OrderChange.Order.OrderId));
        // The shipments' own changes since are in the snapshot already.
        Assert.DoesNotContain(rest, u => u.Change is not null);
        Assert.All(rest.Where(u => u.Sequence > 0), u => Assert.InRange(u.Sequence, start + 1, head));
    }

    [Fact]
    public async Task A_change_committed_while_the_snapshot_is_read_is_not_sent_again_after_it()
    {
        StoreHook? hook = null;
        await using var server = await TestServer.StartAsync(settings: NoScheduler, services: s => hook = StoreHook.Install(s));
        var client = server.Client();
        var shipment = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        Task<Shipment> Relabel(string value) =>
            client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = shipment.TrackingNumber, Labels = { ["k"] = value } }).ResponseAsync;
        // Committed after the watch read the head and before it read the snapshot: the snapshot already shows it.
        hook!.AfterNextHeadRead(() => Relabel("during"));

        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the heartbeat arrived");
        var after = await Relabel("after");
        await watcher.WaitUntilAsync(c => c.Changes.Count >= 2, "the change after the snapshot arrived");

        var changes = watcher.Changes;
        Assert.Equal(ChangeKind.Snapshot, changes[0].Change.Kind);
        Assert.Equal("during", changes[0].Change.Shipment.Labels["k"]);
        Assert.Equal(after.Version, changes[1].Change.Shipment.Version);
        Assert.Equal(changes[0].Change.Shipment.Version + 1, changes[1].Change.Shipment.Version);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task A_snapshot_of_more_than_a_page_reaches_the_client_before_the_next_page_is_read()
    {
        StoreHook? hook = null;
        await using var server = await TestServer.StartAsync(settings: NoScheduler, services: s => hook = StoreHook.Install(s));
        var client = server.Client();
        const int count = TrackingRequests.MaxPageSize + 1;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() }, cancellationToken: ct));
        // The second page is read only once most of the first has been received (the rest may wait in the send
        // buffer): a snapshot collected in memory before it is sent never gets there.
        var started = new TaskCompletionSource<StreamCollector>(TaskCreationOptions.RunContinuationsAsynchronously);
        hook!.BeforeEach(nameof(IShipmentStore.ListAsync), async args =>
        {
            if (((ShipmentQuery)args[1]!).AfterKey > 0)
            {
                var watching = await started.Task;
                await watching.WaitUntilAsync(c => c.Changes.Count >= TrackingRequests.MaxPageSize / 2, "the first page reached the client");
            }
        });

        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        started.SetResult(watcher);
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the heartbeat arrived");

        var snapshot = watcher.Changes;
        Assert.All(snapshot, c => Assert.Equal(ChangeKind.Snapshot, c.Change.Kind));
        Assert.Equal(count, snapshot.Select(c => c.Change.Shipment.Id).Distinct().Count());
        Assert.Equal(count, snapshot.Count);
    }

    [Fact]
    public async Task A_snapshot_of_watched_ids_shows_exactly_those_shipments_in_the_watched_statuses()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var shipments = new List<Shipment>();
        for (var i = 0; i < 3; i++)
        {
            shipments.Add(await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() }));
        }
        var request = new WatchShipmentsRequest { SendSnapshot = true, ShipmentIds = { shipments[0].Id, shipments[2].Id } };
        var otherStatus = new WatchShipmentsRequest { SendSnapshot = true, ShipmentIds = { shipments[0].Id }, Statuses = { ShipmentStatus.Delivered } };

        await using var watcher = StreamCollector.Start(client, request);
        await using var filtered = StreamCollector.Start(client, otherStatus);
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the heartbeat arrived");
        await filtered.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the heartbeat arrived");

        Assert.Equal(new[] { shipments[0].Id, shipments[2].Id }.Order(), watcher.Changes.Select(c => c.Change.Shipment.Id).Order());
        Assert.Empty(filtered.Changes);
    }

    [Fact]
    public async Task Resume_after_a_client_disconnect_continues_exactly_where_it_stopped()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var start = await HeadAsync(server);

        ulong last;
        await using (var first = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = start }))
        {
            for (var i = 0; i < 10; i++)
            {
                await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
            }
            await first.WaitForPositionAsync(start + 10);
            last = first.LastChangeSequence;
        }
        for (var i = 0; i < 10; i++)
        {
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        }

        await using var second = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = last });
        await second.WaitForPositionAsync(start + 20);
        Assert.Equal(Enumerable.Range((int)last + 1, 10).Select(i => (ulong)i), second.Changes.Select(c => c.Sequence));
    }

    [Fact]
    public async Task Filters_by_shipment_and_status_and_heartbeats_carry_the_position()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        var watched = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var other = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });

        await using var byId = StreamCollector.Start(client, new WatchShipmentsRequest { ShipmentIds = { watched.Id }, ResumeAfterSequence = 1 });
        await using var byStatus = StreamCollector.Start(client, new WatchShipmentsRequest
        {
            Statuses = { ShipmentStatus.Delivered }, ResumeAfterSequence = 1,
        });
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = watched.TrackingNumber, Labels = { ["k"] = "v" } });
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = other.TrackingNumber, Labels = { ["k"] = "v" } });
        var head = await HeadAsync(server);

        await byId.WaitForPositionAsync(head);
        await byStatus.WaitForPositionAsync(head);
        Assert.All(byId.Changes, c => Assert.Equal(watched.Id, c.Change.Shipment.Id));
        Assert.Equal([ChangeKind.DetailsChanged], byId.Changes.Select(c => c.Change.Kind));
        Assert.Empty(byStatus.Changes);
        Assert.Contains(byStatus.Updates, u => u.Heartbeat is not null && u.Heartbeat.LatestSequence == head);
    }

    internal static async Task<ulong> HeadAsync(TestServer server) =>
        (ulong)await server.Get<Storage.IShipmentStore>().GetHeadSequenceAsync(CancellationToken.None);
}
