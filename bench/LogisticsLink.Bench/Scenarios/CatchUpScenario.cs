using System.Diagnostics;
using Grpc.Core;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Scenario 5. A subscriber resumes a whole backlog behind (WatchShipments with resume_after_sequence) while new
/// changes keep being committed through the real write path; it must receive every sequence exactly once and in order,
/// across the seam from replay to live. The backlog is bulk-loaded: real mapped ShipmentChange payloads.
/// </summary>
public sealed class CatchUpScenario(BenchContext context) : IScenario
{
    private static readonly TimeSpan LiveWriteInterval = TimeSpan.FromMilliseconds(50);

    public string Name => "catchup";

    public string Title => "Catch-up: a subscriber resuming a large backlog behind, then live";

    public async Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        using var scratch = ScratchFolder.OnDisk(Name);
        var now = DateTimeOffset.UtcNow;
        var shipments = Enumerable.Range(0, sizes.CatchUpShipments)
            .Select(i => SeedData.WithHistory(i, "sandbox", SeedData.SandboxNumber(i), eventCount: 1, now))
            .ToList();
        var seeding = Stopwatch.StartNew();
        await using (var seeder = await BulkSeeder.OpenAsync(scratch.DatabasePath, cancellationToken))
        {
            await seeder.InsertShipmentsAsync(shipments, cancellationToken);
            // One more than the backlog: resuming after sequence 1 leaves exactly the backlog behind.
            await seeder.InsertChangesAsync(SeedData.Changes(shipments, sizes.CatchUpBacklog + 1, now), cancellationToken);
            await seeder.CheckpointAsync(cancellationToken);
        }
        await SeedCheck.VerifyAsync(scratch.DatabasePath, shipments.Take(3), expectChanges: true, cancellationToken);
        result.Add("setup", "backlog bulk-loaded", sizes.CatchUpBacklog, "changes", $"in {seeding.Elapsed.TotalSeconds:N1} s, database {new FileInfo(scratch.DatabasePath).Length / 1024.0 / 1024.0:N0} MiB");

        await using var server = await BenchServer.StartAsync(scratch.DatabasePath, cancellationToken);
        var store = server.Get<IShipmentStore>();
        var tracker = server.Get<ShipmentTracker>();
        var backlogHead = await store.GetHeadSequenceAsync(cancellationToken);

        // Live changes through the real write path from the warm-up on, while the subscriber replays, and a second
        // after it caught up.
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteLiveAsync(tracker, shipments, writing.Token);
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(server.GrpcAddress);
        await WarmUpAsync(channel, backlogHead, sizes.CatchUpWarmup, sizes.CatchUpSettle, cancellationToken);

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = new CatchUpReader(backlogHead);
        var clock = Stopwatch.StartNew();
        var call = SequenceOnlyWatch.Start(channel, new WatchShipmentsRequest { ResumeAfterSequence = 1 }, reading.Token);
        var readTask = reader.ReadAsync(call, clock, reading.Token);
        await reader.CaughtUp.WaitAsync(cancellationToken);
        // Keep writing until the subscriber has also drained what was committed during its replay and is live.
        for (var waited = 0; reader.LiveAt is null && waited < 600; waited++)
        {
            await Task.Delay(100, cancellationToken);
        }
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await writing.CancelAsync();
        var liveWrites = await writer;
        var finalHead = await store.GetHeadSequenceAsync(cancellationToken);
        var complete = await reader.WaitForAsync(finalHead, TimeSpan.FromSeconds(30), cancellationToken);
        await reading.CancelAsync();
        await readTask;

        var replayed = backlogHead - 1;
        var timeToLive = reader.CaughtUpAt;
        result.Add("subscriber", "changes behind at resume", replayed, "changes");
        result.Add("subscriber", "first update after", reader.FirstAt.TotalMilliseconds, "ms");
        result.Add("subscriber", "backlog delivered after", timeToLive.TotalSeconds, "s", "the change that was the head at resume arrived");
        result.Add("subscriber", "replayed", replayed / timeToLive.TotalSeconds, "changes/s");
        result.Add("subscriber", "time to live", reader.LiveAt?.TotalSeconds ?? double.NaN, "s",
            "first change that arrived within 1 s of its commit (after the backlog and what was committed during the replay)");
        result.Add("subscriber", "changes committed during the run", liveWrites, "changes", $"one every {LiveWriteInterval.TotalMilliseconds:N0} ms");
        result.Add("subscriber", "live: commit-to-receive p50", reader.LiveLatency.P50, "ms",
            $"max {ReportWriter.Format(reader.LiveLatency.Max)} ms over {reader.LiveLatency.Count} changes committed after the stream was live");
        result.Add("subscriber", "received / gaps / duplicates", reader.Received, "updates", $"{reader.Gaps} gaps, {reader.Duplicates} duplicates");
        result.Target("catch-up replay rate", ">= 100,000 changes/s", $"{replayed / timeToLive.TotalSeconds:N0} changes/s", replayed / timeToLive.TotalSeconds >= 100_000);
        result.Check(complete, $"the subscriber did not reach the head ({finalHead}) within 30 s after writing stopped (last {reader.Last})");
        result.Check(reader.Gaps == 0 && reader.Duplicates == 0, $"{reader.Gaps} gaps and {reader.Duplicates} duplicates in the sequence");
        result.Check(reader.Received == finalHead - 1, $"received {reader.Received} updates, expected {finalHead - 1}");
        result.Check(reader.Failure is null, $"the stream failed: {reader.Failure?.Message}");
        result.Check(reader.LiveAt is not null, "the subscriber never received a change within 1 s of its commit");
        result.Note($"One subscriber, every shipment of the tenant, over one connection, after a warm-up subscriber replayed the newest {sizes.CatchUpWarmup:N0} changes and the runtime had {sizes.CatchUpSettle.TotalSeconds:N1} s to compile what was hot (a server that has been running has); client and server in this process on the temp disk " +
            "(the backlog is read from SQLite, not from memory). The subscriber decodes only each update's sequence and commit time " +
            "(Measurement/SequenceOnlyWatch.cs): a full parse costs ~4.5 µs per message on the cores the server needs. Backlog delivered = from the call to the arrival of the last change that was in " +
            $"the log when it started; replayed/s = backlog / that time. Time to live also covers what was committed during the replay. Meanwhile a writer commits a change every {LiveWriteInterval.TotalMilliseconds:N0} ms " +
            "(re-registration with a new label), and the sequence is checked gap-free and duplicate-free through the seam into live.");
    }

    /// <summary>
    /// A first subscriber replays the newest <paramref name="changes"/> changes of the log, then the runtime gets
    /// <paramref name="settle"/> to compile what it found hot: the measured replay then runs the code a server that has
    /// been up for a while runs. In a process just started, the tiered compiler took a quarter of the two cores during
    /// the measured replay (perf), and the figure was 74–84k changes/s instead of 130–170k. The warm-up reads a fifth of
    /// the backlog's pages, the newest ones.
    /// </summary>
    private static async Task WarmUpAsync(
        Grpc.Net.Client.GrpcChannel channel, long head, int changes, TimeSpan settle, CancellationToken cancellationToken)
    {
        using var warming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = new CatchUpReader(head);
        var call = SequenceOnlyWatch.Start(channel, new WatchShipmentsRequest { ResumeAfterSequence = (ulong)Math.Max(1, head - changes) }, warming.Token);
        var readTask = reader.ReadAsync(call, Stopwatch.StartNew(), warming.Token);
        await reader.CaughtUp.WaitAsync(cancellationToken);
        await warming.CancelAsync();
        await readTask;
        await Task.Delay(settle, cancellationToken);
    }

    private static async Task<long> WriteLiveAsync(ShipmentTracker tracker, IReadOnlyList<Seeding.SeedShipment> shipments, CancellationToken token)
    {
        long written = 0;
        try
        {
            while (true)
            {
                var s = shipments[(int)(written % shipments.Count)].State;
                var labels = new Dictionary<string, string> { ["live"] = written.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                await tracker.RegisterAsync(s.TenantId, s.Carrier, s.TrackingNumber, OrderLink.None, labels, byCaller: true, token);
                written++;
                await Task.Delay(LiveWriteInterval, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return written;
        }
    }

    /// <summary>Reads the stream, checks the sequence is contiguous, and notes when the backlog was delivered.</summary>
    private sealed class CatchUpReader(long backlogHead)
    {
        private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly LatencyRecorder _live = new(100_000);
        private static readonly TimeSpan LiveLag = TimeSpan.FromSeconds(1);
        private long _last = 1;
        private DateTimeOffset? _liveSince;

        public Task CaughtUp => _caughtUp.Task;
        public TimeSpan FirstAt { get; private set; }
        public TimeSpan CaughtUpAt { get; private set; }
        public TimeSpan? LiveAt { get; private set; }
        public long Received { get; private set; }
        public long Gaps { get; private set; }
        public long Duplicates { get; private set; }
        public long Last => Volatile.Read(ref _last);
        public Exception? Failure { get; private set; }
        public LatencySummary LiveLatency => _live.Summarize();

        public async Task ReadAsync(AsyncServerStreamingCall<SequenceOnlyUpdate> call, Stopwatch clock, CancellationToken token)
        {
            using (call)
            {
                try
                {
                    while (await call.ResponseStream.MoveNext(token))
                    {
                        var update = call.ResponseStream.Current;
                        if (!update.IsChange)
                        {
                            continue;
                        }
                        var sequence = (long)update.Sequence;
                        if (Received++ == 0)
                        {
                            FirstAt = clock.Elapsed;
                        }
                        if (sequence <= _last)
                        {
                            Duplicates++;
                            continue;
                        }
                        if (sequence != _last + 1)
                        {
                            Gaps += sequence - _last - 1;
                        }
                        Volatile.Write(ref _last, sequence);
                        if (sequence >= backlogHead && !CaughtUp.IsCompleted)
                        {
                            CaughtUpAt = clock.Elapsed;
                            _caughtUp.TrySetResult();
                        }
                        if (sequence > backlogHead)
                        {
                            var arrived = DateTimeOffset.UtcNow;
                            var committed = update.CommittedAt ?? DateTimeOffset.MinValue;
                            if (_liveSince is null && arrived - committed < LiveLag)
                            {
                                // The first change that arrives within a second of its commit: from here on the stream is live.
                                _liveSince = arrived;
                                LiveAt = clock.Elapsed;
                            }
                            if (committed > _liveSince)
                            {
                                _live.Add((arrived - committed).TotalMilliseconds);
                            }
                        }
                    }
                }
                catch (Exception e) when (token.IsCancellationRequested && e is RpcException or OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    Failure = e;
                    _caughtUp.TrySetException(e);
                }
            }
        }

        public async Task<bool> WaitForAsync(long sequence, TimeSpan limit, CancellationToken token)
        {
            var clock = Stopwatch.StartNew();
            while (Last < sequence && clock.Elapsed < limit && Failure is null)
            {
                await Task.Delay(20, token);
            }
            return Last >= sequence;
        }
    }
}
