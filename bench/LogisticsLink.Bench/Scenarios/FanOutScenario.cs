using System.Diagnostics;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Scenarios.FanOut;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.Storage;
using LogisticsLink.Storage.Sql;
using LogisticsLink.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Scenario 2. The server runs in a child process (so its memory and CPU are its own) on a database in tmpfs, so the
/// disk's fsync rate (measured by the ingest scenario) does not cap the change rate and the figures are the hub's and
/// the streams'. Subscribers are added in steps (1,000 then 10,000); at each step changes are made through the public
/// write path at a fixed rate, and every subscriber is audited against the change log: each matching sequence exactly
/// once, in order. <c>fanout</c> runs it on SQLite; <c>fanout-postgres</c> the same load with the server started with
/// <c>Storage:Provider=Postgres</c> on a PostgreSQL cluster of the bench's own, also on tmpfs.
/// </summary>
public sealed class FanOutScenario(BenchContext context, bool onPostgres = false) : IScenario
{
    private const double MiB = 1024 * 1024;

    public string Name => onPostgres ? "fanout-postgres" : "fanout";

    public string Title => onPostgres
        ? "WatchShipments fan-out on PostgreSQL: publish-to-receive latency, delivery rate, memory per subscriber"
        : "WatchShipments fan-out: publish-to-receive latency, delivery rate, memory per subscriber";

    public async Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        using var scratch = ScratchFolder.InMemory(Name);
        var now = DateTimeOffset.UtcNow;
        var shipments = Enumerable.Range(0, sizes.FanOutShipments)
            .Select(i => SeedData.WithHistory(i, "sandbox", SeedData.SandboxNumber(i), eventCount: 2, now))
            .ToList();
        if (!onPostgres)
        {
            await using (var seeder = await BulkSeeder.OpenAsync(scratch.DatabasePath, cancellationToken))
            {
                await seeder.InsertShipmentsAsync(shipments, cancellationToken);
                await seeder.CheckpointAsync(cancellationToken);
            }
            await SeedCheck.VerifyAsync(scratch.DatabasePath, shipments.Take(3), expectChanges: false, cancellationToken);
            var options = Options.Create(new StorageOptions { Sqlite = { Path = scratch.DatabasePath } });
            await RunOnAsync(result, scratch.DatabasePath, settings: null, () => new SqliteShipmentStore(options), postgres: null, shipments, cancellationToken);
            result.Note(scratch.IsTmpfs
                ? "The database is on tmpfs for this scenario (fsync is nearly free there); on the temp disk one writer commits at most about " +
                  "1 / fsync time changes per second — see the ingest scenario."
                : "No tmpfs on this machine: the database is on disk, so the change rate is bounded by fsync.");
            return;
        }

        if (BenchPostgres.FindBinaries() is not { } bin)
        {
            result.Note("PostgreSQL: not measured, its server binaries are not installed here (Debian package 'postgresql'; ./test.sh installs it).");
            return;
        }
        await using var postgres = await BenchPostgres.StartAsync(bin, cancellationToken, inMemory: true);
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken);
        await PostgresSeeder.InsertShipmentsAsync(connectionString, shipments, cancellationToken);
        await using (var store = PostgresSeeder.OpenStore(connectionString))
        {
            await SeedCheck.VerifyAsync(store, shipments.Take(3), expectChanges: false, cancellationToken);
        }
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = StorageOptions.PostgresProvider,
            ["Storage:Postgres:ConnectionString"] = connectionString,
        };
        await RunOnAsync(result, scratch.DatabasePath, settings, () => PostgresSeeder.OpenStore(connectionString), postgres, shipments, cancellationToken);
        result.Note((postgres.IsTmpfs
                ? "PostgreSQL: a cluster of the bench's own (initdb, loopback, its defaults: fsync on, synchronous_commit on) with its data on tmpfs, " +
                  "like the SQLite fan-out's database, so fsync is nearly free and the figures are the store's, the hub's and the streams'. "
                : "PostgreSQL: a cluster of the bench's own (initdb, loopback, its defaults) on the temp disk (no tmpfs here). ") +
            "One server node, started with Storage:Provider=Postgres; its store serializes change-log appends with an advisory lock and " +
            "group-commits concurrent writes; its hub is told of local commits directly and of the log's advance by LISTEN/NOTIFY. " +
            "\"PostgreSQL server CPU\" is the postmaster and its backends; the \"other processes\" figure of this scenario does not include them.");
    }

    private async Task RunOnAsync(
        ScenarioResult result, string databasePath, IReadOnlyDictionary<string, string>? settings, Func<SqlShipmentStore> openStore,
        BenchPostgres? postgres, IReadOnlyList<SeedShipment> shipments, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var numbers = shipments.Select(s => s.State.TrackingNumber).ToList();
        var ids = shipments.Select(s => s.State.Id).ToList();

        await using var server = await ChildServer.StartAsync(databasePath, cancellationToken, settings);
        using var writers = new ClientPool(server.GrpcAddress, 4);
        long nextChange = 0;
        var warmup = await ChangeDriver.RunAsync(writers, numbers, nextChange, Math.Min(200, sizes.FanOutChangesPerSecond),
            TimeSpan.FromSeconds(context.Quick ? 0.5 : 2), cancellationToken);
        nextChange += warmup.Issued;
        var idle = await server.StatsAsync(cancellationToken);
        result.Add("server", "resident memory, no subscribers", idle.ResidentBytes / MiB, "MiB", "after a full GC in the server process");
        result.Add("server", "managed heap, no subscribers", idle.ManagedBytes / MiB, "MiB");

        await using var fleet = new WatchFleet(server.GrpcAddress);
        foreach (var step in sizes.FanOutSubscriberSteps)
        {
            nextChange += await RunStepAsync(result, server, postgres, fleet, writers, step, idle, numbers, ids, openStore, nextChange, cancellationToken);
        }
        result.Note($"Each subscriber watches {sizes.FanOutIdsPerSubscriber} shipments (a seller's dashboard), spread so that every shipment of " +
            $"{sizes.FanOutShipments:N0} is watched equally; the first {sizes.FanOutTenantWide} subscribers watch the whole tenant. " +
            $"At most {WatchFleet.StreamsPerConnection} streams share one HTTP/2 connection. All subscribers belong to one tenant, the hub's worst case " +
            "(it scans a tenant's subscribers for every change).");
        result.Note("Changes: TrackShipment of a tracked parcel with a new label value, at a fixed rate from 4 connections (open loop, " +
            "at most 256 calls in flight) — the public write path: tracker, store commit with its change-log row, hub. " +
            "Publish-to-receive: from the moment the write call returned (committed, hub told) to the arrival at the subscriber. " +
            "committed_at-to-receive: from the change's committed_at, which the store stamps in the transaction that commits it " +
            "(after the write queue), so it also includes the rest of that group commit. Server and load generator share the machine's 2 cores.");
    }

    /// <summary>Adds subscribers up to <paramref name="subscribers"/>, drives changes, audits; returns the changes issued.</summary>
    private async Task<long> RunStepAsync(
        ScenarioResult result, ChildServer server, BenchPostgres? postgres, WatchFleet fleet, ClientPool writers, int subscribers, ServerStats idle,
        IReadOnlyList<string> numbers, IReadOnlyList<string> ids, Func<SqlShipmentStore> openStore, long firstChange, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        var group = $"{subscribers:N0} subscribers";
        var filters = Enumerable.Range(fleet.Subscribers.Count, subscribers - fleet.Subscribers.Count)
            .Select(i => i < sizes.FanOutTenantWide
                ? (IReadOnlyList<string>)[]
                : Enumerable.Range(0, sizes.FanOutIdsPerSubscriber).Select(j => ids[(i * sizes.FanOutIdsPerSubscriber + j) % ids.Count]).ToList())
            .ToList();
        var opening = Stopwatch.StartNew();
        await fleet.AddAsync(filters, cancellationToken);
        while (await server.SubscriberCountAsync(cancellationToken) < subscribers)
        {
            await Task.Delay(50, cancellationToken);
        }
        opening.Stop();
        // Let every new call finish reading its start position before the first change is made.
        await Task.Delay(TimeSpan.FromSeconds(context.Quick ? 0.5 : 2), cancellationToken);
        var before = await server.StatsAsync(cancellationToken);
        result.Add(group, "streams open / connections", before.Subscribers, "streams", $"{fleet.Connections} connections");
        result.Add(group, "time to open the new streams", opening.Elapsed.TotalSeconds, "s");
        var residentPer = (before.ResidentBytes - idle.ResidentBytes) / (double)subscribers;
        var managedPer = (before.ManagedBytes - idle.ManagedBytes) / (double)subscribers;
        result.Add(group, "server memory per subscriber (resident)", residentPer / 1024, "KB", "resident-set growth over no subscribers, after a full GC");
        result.Add(group, "server memory per subscriber (managed heap)", managedPer / 1024, "KB");

        var expectedDeliveries = sizes.FanOutChangesPerSecond * sizes.FanOutDuration.TotalSeconds *
            (sizes.FanOutTenantWide + (double)(subscribers - sizes.FanOutTenantWide) * sizes.FanOutIdsPerSubscriber / ids.Count);
        fleet.Recorder = new LatencyRecorder((int)Math.Min(20_000_000, expectedDeliveries * 1.5 + 10_000));
        var deliveries = new System.Collections.Concurrent.ConcurrentQueue<(long Revision, long ArrivedAt)>();
        fleet.Deliveries = deliveries;
        var serverCpu = server.Stats;
        var clientCpu = ProcessStats.OfCurrent();
        var postgresTicks = postgres?.CpuTicks() ?? 0;
        var clock = Stopwatch.StartNew();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var peakResident = SamplePeakResidentAsync(server, sampling.Token);
        var hubBacklog = SampleMaxHubBacklogAsync(server, sampling.Token);

        Console.WriteLine($"   {group}: open on {fleet.Connections} connections; {sizes.FanOutChangesPerSecond:N0} changes/s for {sizes.FanOutDuration.TotalSeconds:N0} s");
        var drive = await ChangeDriver.RunAsync(writers, numbers, firstChange, sizes.FanOutChangesPerSecond, sizes.FanOutDuration, cancellationToken);
        var head = await ChangeLogWindow.HeadAsync(openStore, cancellationToken);
        var window = await ChangeLogWindow.ReadAsync(openStore, before.Head, head, cancellationToken);
        var expected = fleet.Subscribers.Select(s => window.ExpectedFor(s.ShipmentIds)).ToList();
        var draining = Stopwatch.StartNew();
        var drained = await DrainAsync(fleet, expected, TimeSpan.FromSeconds(context.Quick ? 20 : 120), cancellationToken);
        draining.Stop();
        clock.Stop();
        var serverCores = ProcessStats.CoresUsed(serverCpu, server.Stats, clock.Elapsed);
        var clientCores = ProcessStats.CoresUsed(clientCpu, ProcessStats.OfCurrent(), clock.Elapsed);
        var postgresCores = postgres is null ? 0 : ForeignCpu.Seconds(postgres.CpuTicks() - postgresTicks) / clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        var peak = await peakResident;
        var backlog = await hubBacklog;
        var latency = fleet.Recorder.Summarize();
        fleet.Recorder = null;
        fleet.Deliveries = null;
        // From the write's acknowledgement (the commit is done and the hub has been told) to the arrival; a change that
        // arrived before its writer heard back counts as 0.
        var fromAck = new LatencyRecorder(deliveries.Count + 1);
        foreach (var (revision, arrivedAt) in deliveries)
        {
            if (drive.Acknowledged.TryGetValue(revision, out var ackedAt))
            {
                fromAck.Add(Math.Max(0, Stopwatch.GetElapsedTime(ackedAt, arrivedAt).TotalMilliseconds));
            }
        }
        var ackLatency = fromAck.Summarize();

        var audit = SequenceAudit.None;
        var streamsWithProblems = 0;
        for (var i = 0; i < fleet.Subscribers.Count; i++)
        {
            var subscriber = fleet.Subscribers[i];
            var one = SequenceAudit.Compare(expected[i], subscriber.Received().Where(window.Contains));
            audit = audit.Plus(one);
            if (!one.Clean || subscriber.Failure is not null)
            {
                streamsWithProblems++;
            }
        }
        var failures = fleet.Subscribers.Where(s => s.Failure is not null).ToList();
        var orderViolations = fleet.Subscribers.Sum(s => s.OrderViolations);

        result.Add(group, "changes committed", window.Count, "changes", $"{drive.Failed} write calls failed");
        result.Add(group, "change rate achieved", drive.ChangesPerSecond, "changes/s", $"asked {sizes.FanOutChangesPerSecond:N0}/s; most behind schedule: {drive.MaxBehind} calls");
        result.Add(group, "TrackShipment (write) p50 / p99", drive.CallLatency.P50, "ms", $"p99 {ReportWriter.Format(drive.CallLatency.P99)} ms");
        result.Add(group, "updates delivered", audit.Received, "messages", $"expected {audit.Expected:N0}");
        result.Add(group, "delivery rate", audit.Received / clock.Elapsed.TotalSeconds, "messages/s", "load + drain time");
        result.Add(group, "drain after the last write", draining.Elapsed.TotalSeconds, "s", "until every subscriber had its last expected update");
        result.Add(group, "publish-to-receive p50", ackLatency.P50, "ms", "from the write's acknowledgement to the arrival");
        result.Add(group, "publish-to-receive p99", ackLatency.P99, "ms");
        result.Add(group, "publish-to-receive p99.9", ackLatency.P999, "ms");
        result.Add(group, "publish-to-receive max", ackLatency.Max, "ms");
        result.Add(group, "committed_at-to-receive p50", latency.P50, "ms", "from the change's committed_at, stamped in the committing transaction");
        result.Add(group, "committed_at-to-receive p99", latency.P99, "ms");
        result.Add(group, "server CPU", serverCores, "cores", $"load generator + subscribers: {ReportWriter.Format(clientCores)} cores");
        if (postgres is not null)
        {
            result.Add(group, "PostgreSQL server CPU", postgresCores, "cores", "postmaster and backends, load + drain time");
        }
        result.Add(group, "server resident memory peak", peak / MiB, "MiB");
        result.Add(group, "hub backlog (max)", backlog, "changes", "committed but not yet offered to subscribers by the hub's pump, sampled twice a second");
        result.Add(group, "lost / duplicated / unexpected", audit.Missing, "updates", $"{audit.Duplicated} duplicated, {audit.Unexpected} unexpected, {orderViolations} out of order");

        var largest = subscribers == sizes.FanOutSubscriberSteps[^1];
        if (largest)
        {
            result.Target("concurrent subscribers", ">= 10,000", $"{before.Subscribers:N0}", before.Subscribers >= 10_000);
        }
        result.Target($"p99 publish-to-receive (from the write's ack), {group}", "< 250 ms", $"{ackLatency.P99:N1} ms", ackLatency.P99 < 250);
        result.Target($"p99 from committed_at (includes the group commit), {group}", "< 250 ms", $"{latency.P99:N1} ms", latency.P99 < 250);
        result.Target($"server memory per subscriber, {group}", "< 64 KB", $"{residentPer / 1024:N1} KB resident ({managedPer / 1024:N1} KB managed)", residentPer < 64 * 1024);
        result.Target($"lost or duplicated updates, {group}", "0", $"{audit.Missing + audit.Duplicated + audit.Unexpected + orderViolations}", audit.Clean && orderViolations == 0);
        result.Target($"change rate sustained, {group}", $">= {sizes.FanOutChangesPerSecond:N0} changes/s", $"{drive.ChangesPerSecond:N0} changes/s", drive.ChangesPerSecond >= sizes.FanOutChangesPerSecond * 0.97);

        result.Check(audit.Clean && orderViolations == 0,
            $"{group}: {audit.Missing} updates lost, {audit.Duplicated} duplicated, {audit.Unexpected} unexpected, {orderViolations} out of order on {streamsWithProblems} streams");
        result.Check(failures.Count == 0, $"{group}: {failures.Count} streams failed, first: {failures.FirstOrDefault()?.Failure?.Message}");
        result.Check(drained, $"{group}: not every subscriber received its last expected update within {draining.Elapsed.TotalSeconds:N0} s after the writes");
        return drive.Issued;
    }

    private static async Task<bool> DrainAsync(WatchFleet fleet, IReadOnlyList<HashSet<long>> expected, TimeSpan limit, CancellationToken cancellationToken)
    {
        var last = expected.Select(e => e.Count == 0 ? 0 : e.Max()).ToList();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (fleet.Subscribers.Select((s, i) => s.Failure is not null || s.LastSequence >= last[i]).All(done => done))
            {
                return true;
            }
            await Task.Delay(20, cancellationToken);
        }
        return false;
    }

    private static async Task<long> SampleMaxHubBacklogAsync(ChildServer server, CancellationToken cancellationToken)
    {
        long max = 0;
        try
        {
            while (true)
            {
                max = Math.Max(max, await server.HubBacklogAsync(cancellationToken));
                await Task.Delay(500, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return max;
        }
    }

    private static async Task<long> SamplePeakResidentAsync(ChildServer server, CancellationToken cancellationToken)
    {
        long peak = 0;
        try
        {
            while (true)
            {
                peak = Math.Max(peak, server.Stats.ResidentBytes);
                await Task.Delay(250, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return peak;
        }
    }
}
