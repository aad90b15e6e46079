using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Data.Sqlite;

namespace LogisticsLink.Server.Tests;

/// <summary>
/// Invariant 1 across a database restore: a position is a sequence and the commit time of the change at it, so a
/// position from another history of the log is refused (OUT_OF_RANGE) instead of silently skipping the changes a
/// restored or recreated log committed below it.
/// </summary>
public sealed class VerifiedResumeTests
{
    private static readonly Dictionary<string, string> NoScheduler = new() { ["Scheduler:Enabled"] = "false" };

    [Fact]
    [Trait("Store", "SqliteOnly")]
    public async Task A_position_saved_before_a_restore_is_refused_once_the_restored_log_has_passed_it()
    {
        var folder = TestServer.NewDataFolder();
        var file = Path.Combine(folder, "logisticslink.db");
        var backup = Path.Combine(folder, "backup.db");
        var server = await TestServer.StartAsync(folder, NoScheduler);
        var parcels = new List<Shipment>();
        for (var i = 0; i < 3; i++)
        {
            parcels.Add(await server.Client().TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() }));
        }
        await server.StopAsync();
        SqliteConnection.ClearAllPools();
        File.Copy(file, backup);

        server = await TestServer.StartAsync(folder, NoScheduler);
        await RelabelAsync(server, parcels, 5, "before-restore");
        // What a consumer persists: the position and its commit time, as the stream gave them.
        var saved = await LivePositionAsync(server);
        await server.StopAsync();
        SqliteConnection.ClearAllPools();
        File.Copy(backup, file, overwrite: true);
        File.Delete(file + "-wal");

        await using var restored = await TestServer.StartAsync(folder, NoScheduler);
        await RelabelAsync(restored, parcels, 7, "after-restore");
        var current = await LivePositionAsync(restored);
        var client = restored.Client();
        using var verified = client.WatchShipments(new WatchShipmentsRequest
        {
            ResumeAfterSequence = saved.LatestSequence, ResumeAfterCommittedAt = saved.LatestCommittedAt,
        });
        var refused = await Assert.ThrowsAsync<RpcException>(() => verified.ResponseStream.MoveNext());
        // Without the time the position cannot be checked: accepted as before, and the changes below it never come.
        await using var unverified = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = saved.LatestSequence });
        await unverified.WaitForPositionAsync(current.LatestSequence);

        Assert.Equal(8UL, saved.LatestSequence);
        Assert.Equal(10UL, current.LatestSequence);
        Assert.Equal(StatusCode.OutOfRange, refused.StatusCode);
        Assert.Contains($"resume_after_sequence {saved.LatestSequence}", refused.Status.Detail);
        Assert.Contains(Text(saved.LatestCommittedAt), refused.Status.Detail);
        var restoredTime = (await restored.Get<Storage.IShipmentStore>().GetCommittedAtAsync(8, CancellationToken.None))!.Value;
        Assert.Contains(Text(Timestamp.FromDateTimeOffset(restoredTime)), refused.Status.Detail);
        Assert.Contains("send_snapshot = true", refused.Status.Detail);
        Assert.Equal([9UL, 10UL], unverified.Changes.Select(c => c.Sequence));
    }

    [Fact]
    public async Task A_position_whose_change_was_committed_at_another_time_is_refused_naming_both_times()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        var logged = (await server.Get<Storage.IShipmentStore>().GetCommittedAtAsync(1, CancellationToken.None))!.Value;

        using var call = client.WatchShipments(new WatchShipmentsRequest
        {
            ResumeAfterSequence = 1, ResumeAfterCommittedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
        });
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.OutOfRange, refused.StatusCode);
        Assert.Contains("1970-01-01T00:00:00.0000000Z", refused.Status.Detail);
        Assert.Contains(Text(Timestamp.FromDateTimeOffset(logged)), refused.Status.Detail);
    }

    [Fact]
    public async Task Resuming_from_a_matching_position_delivers_every_later_change_once_with_no_gap()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await using var live = StreamCollector.Start(client, new WatchShipmentsRequest());
        await live.WaitUntilAsync(c => c.Updates.Count >= 1, "the stream started");
        var parcels = new List<Shipment>();
        for (var i = 0; i < 3; i++)
        {
            parcels.Add(await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() }));
        }
        await live.WaitForPositionAsync(3);
        var second = live.Changes.Single(c => c.Sequence == 2);
        // A copy kept at microsecond precision (a PostgreSQL timestamptz column, say) still matches.
        var kept = second.Change.CommittedAt.ToDateTimeOffset();
        var truncated = Timestamp.FromDateTimeOffset(kept.AddTicks(-(kept.UtcTicks % TimeSpan.TicksPerMicrosecond)));

        await using var exact = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 2, ResumeAfterCommittedAt = second.Change.CommittedAt });
        await using var micros = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 2, ResumeAfterCommittedAt = truncated });
        await exact.WaitForPositionAsync(3);
        await micros.WaitForPositionAsync(3);
        var added = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await exact.WaitForPositionAsync(4);
        await micros.WaitForPositionAsync(4);

        Assert.Equal([3UL, 4UL], exact.Changes.Select(c => c.Sequence));
        Assert.Equal([3UL, 4UL], micros.Changes.Select(c => c.Sequence));
        Assert.Equal(parcels[2].Id, exact.Changes[0].Change.Shipment.Id);
        Assert.Equal(added.Id, exact.Changes[1].Change.Shipment.Id);
        Assert.Null(exact.Error);
        Assert.Null(micros.Error);
    }

    [Fact]
    public async Task Heartbeats_and_snapshot_items_carry_the_commit_time_of_the_change_at_their_position()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();
        await using var empty = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await empty.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the first heartbeat arrived");
        await using var recorder = StreamCollector.Start(client, new WatchShipmentsRequest());
        await recorder.WaitUntilAsync(c => c.Updates.Count >= 1, "the stream started");
        var parcel = await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = Numbers.Sandbox() });
        await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = parcel.TrackingNumber, Labels = { ["k"] = "v" } });
        await recorder.WaitForPositionAsync(2);
        var newest = recorder.Changes.Single(c => c.Sequence == 2).Change.CommittedAt;

        await using var started = StreamCollector.Start(client, new WatchShipmentsRequest { SendSnapshot = true });
        await started.WaitUntilAsync(c => c.Updates.Any(u => u.Heartbeat is not null), "the snapshot and the first heartbeat arrived");
        await using var resumedWithSnapshot = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 1, SendSnapshot = true });
        await resumedWithSnapshot.WaitUntilAsync(c => c.Changes.Count >= 1, "the snapshot arrived");
        // An idle stream's heartbeat, after the changes it delivered.
        await recorder.WaitUntilAsync(c => c.Updates.SkipWhile(u => u.Sequence != 2).Any(u => u.Heartbeat is not null), "an idle heartbeat arrived");

        var emptyHeartbeat = empty.Updates.First(u => u.Heartbeat is not null).Heartbeat;
        Assert.Equal(0UL, emptyHeartbeat.LatestSequence);
        Assert.Null(emptyHeartbeat.LatestCommittedAt);
        var item = started.Changes.Single(c => c.Change.Kind == ChangeKind.Snapshot);
        Assert.Equal(2UL, item.Sequence);
        Assert.Equal(newest, item.Change.PositionCommittedAt);
        var first = started.Updates.First(u => u.Heartbeat is not null).Heartbeat;
        Assert.Equal((2UL, newest), (first.LatestSequence, first.LatestCommittedAt));
        var idle = recorder.Updates.SkipWhile(u => u.Sequence != 2).First(u => u.Heartbeat is not null).Heartbeat;
        Assert.Equal((2UL, newest), (idle.LatestSequence, idle.LatestCommittedAt));
        var resumedItem = resumedWithSnapshot.Changes.First(c => c.Change.Kind == ChangeKind.Snapshot);
        Assert.Equal(1UL, resumedItem.Sequence);
        Assert.Equal(recorder.Changes.Single(c => c.Sequence == 1).Change.CommittedAt, resumedItem.Change.PositionCommittedAt);
        Assert.Null(recorder.Changes[0].Change.PositionCommittedAt);
    }

    [Fact]
    public async Task A_commit_time_without_a_position_or_out_of_range_is_refused_naming_the_field()
    {
        await using var server = await TestServer.StartAsync(settings: NoScheduler);
        var client = server.Client();

        using var withoutPosition = client.WatchShipments(new WatchShipmentsRequest
        {
            ResumeAfterCommittedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        });
        var noPosition = await Assert.ThrowsAsync<RpcException>(() => withoutPosition.ResponseStream.MoveNext());
        using var invalid = client.WatchShipments(new WatchShipmentsRequest
        {
            ResumeAfterSequence = 1, ResumeAfterCommittedAt = new Timestamp { Seconds = 1, Nanos = -5 },
        });
        var badTime = await Assert.ThrowsAsync<RpcException>(() => invalid.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, noPosition.StatusCode);
        Assert.Contains("resume_after_committed_at", noPosition.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, badTime.StatusCode);
        Assert.Contains("resume_after_committed_at", badTime.Status.Detail);
    }

    /// <summary>How the server names an instant in its messages.</summary>
    private static string Text(Timestamp at) => at.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    private static async Task RelabelAsync(TestServer server, IReadOnlyList<Shipment> parcels, int changes, string tag)
    {
        var client = server.Client();
        for (var i = 0; i < changes; i++)
        {
            var parcel = parcels[i % parcels.Count];
            await client.TrackShipmentAsync(new TrackShipmentRequest { TrackingNumber = parcel.TrackingNumber, Labels = { ["k"] = $"{tag}-{i}" } });
        }
    }

    /// <summary>The position a live watch starts from, from its first heartbeat.</summary>
    private static async Task<Heartbeat> LivePositionAsync(TestServer server)
    {
        await using var watch = StreamCollector.Start(server.Client(), new WatchShipmentsRequest());
        await watch.WaitUntilAsync(c => c.Updates.Count >= 1, "the first heartbeat arrived");
        return watch.Updates[0].Heartbeat;
    }
}
