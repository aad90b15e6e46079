using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.Server.Mapping;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Scenario 1. GetShipment by id (no max_age, so no carrier call) from N concurrent callers over several connections,
/// against the real server and, in the same run and the same way, against a bare gRPC service answering the same
/// message (the framework's ceiling). Rounds alternate between the two so drift affects both alike.
/// </summary>
public sealed class LookupScenario(BenchContext context) : IScenario
{
    public string Name => "lookup";

    public string Title => "GetShipment throughput and latency against the framework's ceiling";

    public async Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        using var scratch = ScratchFolder.OnDisk(Name);
        var now = DateTimeOffset.UtcNow;
        var shipments = Enumerable.Range(0, sizes.LookupShipments)
            .Select(i => SeedData.WithHistory(i, "sandbox", SeedData.SandboxNumber(i), eventCount: 5, now))
            .ToList();
        await using (var seeder = await BulkSeeder.OpenAsync(scratch.DatabasePath, cancellationToken))
        {
            await seeder.InsertShipmentsAsync(shipments, cancellationToken);
            await seeder.CheckpointAsync(cancellationToken);
        }
        await SeedCheck.VerifyAsync(scratch.DatabasePath, shipments.Take(3), expectChanges: false, cancellationToken);

        var requests = shipments.Select(s => new GetShipmentRequest { ShipmentId = s.State.Id }).ToList();
        var reply = ShipmentMapper.ToProto(shipments[0].State, shipments[0].Events);
        var real = new List<UnaryLoadResult>();
        var ceiling = new List<UnaryLoadResult>();
        for (var round = 1; round <= sizes.LookupRounds; round++)
        {
            await using (var bare = await ChildServer.StartAsync(scratch.DatabasePath, cancellationToken,
                             verb: ServeMode.CeilingVerb, extraArgs: [CeilingApp.ReplyArgument(reply)]))
            {
                using var pool = new ClientPool(bare.GrpcAddress, sizes.LookupConnections);
                ceiling.Add(await UnaryLoad.RunAsync(pool, requests, sizes.LookupCallers, sizes.LookupWarmup, sizes.LookupDuration, bare, cancellationToken));
            }
            await using (var server = await ChildServer.StartAsync(scratch.DatabasePath, cancellationToken))
            {
                using var pool = new ClientPool(server.GrpcAddress, sizes.LookupConnections);
                real.Add(await UnaryLoad.RunAsync(pool, requests, sizes.LookupCallers, sizes.LookupWarmup, sizes.LookupDuration, server, cancellationToken));
            }
            Report(result, $"round {round}: ceiling", ceiling[^1]);
            Report(result, $"round {round}: LogisticsLink", real[^1]);
        }

        var realRate = real.Average(r => r.CallsPerSecond);
        var ceilingRate = ceiling.Average(r => r.CallsPerSecond);
        var ratio = realRate / ceilingRate;
        result.Add("mean of rounds", "LogisticsLink calls/s", realRate, "calls/s");
        result.Add("mean of rounds", "ceiling calls/s", ceilingRate, "calls/s");
        result.Add("mean of rounds", "LogisticsLink / ceiling", ratio * 100, "%");
        result.Add("mean of rounds", "LogisticsLink p99", real.Average(r => r.Latency.P99), "ms");
        result.Add("mean of rounds", "ceiling p99", ceiling.Average(r => r.Latency.P99), "ms");
        var realCost = real.Average(r => r.ServerMicrosecondsPerCall);
        var ceilingCost = ceiling.Average(r => r.ServerMicrosecondsPerCall);
        result.Add("mean of rounds", "server CPU per call, LogisticsLink", realCost, "µs");
        result.Add("mean of rounds", "server CPU per call, ceiling", ceilingCost, "µs");
        result.Add("mean of rounds", "one core's worth of lookups, LogisticsLink", 1_000_000 / realCost, "calls/s", "1 s / server CPU per call");
        result.Add("mean of rounds", "one core's worth of calls, ceiling", 1_000_000 / ceilingCost, "calls/s");
        result.Target("lookup throughput vs ceiling", ">= 70 % of the ceiling", $"{ratio * 100:N0} % ({realRate:N0} vs {ceilingRate:N0} calls/s)", ratio >= 0.70);
        result.Check(real.Concat(ceiling).All(r => r.Errors == 0), "some lookups failed (see the error counts)");
        result.Note($"{sizes.LookupCallers} closed-loop callers over {sizes.LookupConnections} connections, {sizes.LookupWarmup.TotalSeconds:N1} s warm-up, " +
            $"{sizes.LookupDuration.TotalSeconds:N0} s measured per run (each run is a new server process, so the warm-up also takes it through tiered JIT compilation); {sizes.LookupShipments:N0} shipments with 5 events each, picked at random. " +
            "Each server runs in its own process (the real one and the ceiling alike) and the load generator in this one; all share the " +
            "machine's 2 cores, so throughput is bounded by the three together — server CPU per call is the load-independent cost.");
        result.Note("The ceiling is the generated TrackingService with only GetShipment overridden to return a prepared Shipment " +
            "(the same message as a real lookup of a 5-event shipment), hosted with the same builder, settings and Kestrel limits, " +
            "without the API-key interceptor, gRPC-Web, health checks and reflection.");
    }

    private static void Report(ScenarioResult result, string group, UnaryLoadResult r)
    {
        result.Add(group, "calls/s", r.CallsPerSecond, "calls/s");
        result.Add(group, "p50 latency", r.Latency.P50, "ms");
        result.Add(group, "p99 latency", r.Latency.P99, "ms");
        result.Add(group, "server CPU", r.ServerCores, "cores", $"load generator: {ReportWriter.Format(r.ClientCores)} cores");
        result.Add(group, "server CPU per call", r.ServerMicrosecondsPerCall, "µs");
        if (r.Errors > 0)
        {
            result.Add(group, "errors", r.Errors, "calls");
        }
    }
}
