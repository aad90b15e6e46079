using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Seeding;
using LogisticsLink.Server.Mapping;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Scenario 1. GetShipment by id (no max_age, so no carrier call) from N concurrent callers over several connections,
/// against the real server and, in the same run and the same way, against a bare gRPC service answering the same
/// message (the framework's ceiling). Both run as their own processes; short measured slices alternate between them.
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
        // Both servers run side by side, each in its own process; the load alternates between them in short slices so
        // that whatever else varies on the machine over time affects both alike.
        await using var bare = await ChildServer.StartAsync(scratch.DatabasePath, cancellationToken,
            verb: ServeMode.CeilingVerb, extraArgs: [CeilingApp.ReplyArgument(reply)]);
        await using var server = await ChildServer.StartAsync(scratch.DatabasePath, cancellationToken);
        using var barePool = new ClientPool(bare.GrpcAddress, sizes.LookupConnections);
        using var serverPool = new ClientPool(server.GrpcAddress, sizes.LookupConnections);
        // Warm-up: takes both servers (new processes) and the client through tiered JIT compilation.
        await UnaryLoad.RunAsync(barePool, requests, sizes.LookupCallers, sizes.LookupWarmup, TimeSpan.FromSeconds(0.2), bare, cancellationToken);
        await UnaryLoad.RunAsync(serverPool, requests, sizes.LookupCallers, sizes.LookupWarmup, TimeSpan.FromSeconds(0.2), server, cancellationToken);
        var ramp = TimeSpan.FromSeconds(0.5);
        for (var slice = 1; slice <= sizes.LookupRounds; slice++)
        {
            ceiling.Add(await UnaryLoad.RunAsync(barePool, requests, sizes.LookupCallers, ramp, sizes.LookupDuration, bare, cancellationToken));
            real.Add(await UnaryLoad.RunAsync(serverPool, requests, sizes.LookupCallers, ramp, sizes.LookupDuration, server, cancellationToken));
        }
        Report(result, "ceiling (median of slices)", ceiling);
        Report(result, "LogisticsLink (median of slices)", real);
        var ratios = real.Zip(ceiling, (r, c) => r.CallsPerSecond / c.CallsPerSecond).Order().ToList();
        result.Add("slices", "LogisticsLink / ceiling per slice", ratios[ratios.Count / 2] * 100, "%",
            $"min {ratios[0] * 100:N0} %, max {ratios[^1] * 100:N0} % over {ratios.Count} slice pairs");

        var realRate = Median(real, r => r.CallsPerSecond);
        var ceilingRate = Median(ceiling, r => r.CallsPerSecond);
        var ratio = ratios[ratios.Count / 2];
        var realCost = Median(real, r => r.ServerMicrosecondsPerCall);
        var ceilingCost = Median(ceiling, r => r.ServerMicrosecondsPerCall);
        result.Add("slices", "one core's worth of lookups, LogisticsLink", 1_000_000 / realCost, "calls/s", "1 s / median server CPU per call");
        result.Add("slices", "one core's worth of calls, ceiling", 1_000_000 / ceilingCost, "calls/s");
        result.Target("lookup throughput vs ceiling", ">= 70 % of the ceiling", $"{ratio * 100:N0} % ({realRate:N0} vs {ceilingRate:N0} calls/s)", ratio >= 0.70);
        result.Check(real.Concat(ceiling).All(r => r.Errors == 0), $"{real.Concat(ceiling).Sum(r => r.Errors)} lookups failed");
        result.Note($"{sizes.LookupCallers} closed-loop callers over {sizes.LookupConnections} connections, {sizes.LookupWarmup.TotalSeconds:N1} s warm-up, " +
            $"{sizes.LookupDuration.TotalSeconds:N0} s measured per slice, {sizes.LookupRounds} slices per server alternating; {sizes.LookupShipments:N0} shipments with 5 events each, picked at random. " +
            "Each server runs in its own process (the real one and the ceiling alike) and the load generator in this one; all share the " +
            "machine's 2 cores, so throughput is bounded by the three together — server CPU per call is the load-independent cost.");
        result.Note("The ceiling is the generated TrackingService with only GetShipment overridden to return a prepared Shipment " +
            "(the same message as a real lookup of a 5-event shipment), hosted with the same builder, settings and Kestrel limits, " +
            "without the API-key interceptor, gRPC-Web, health checks and reflection.");
    }

    private static void Report(ScenarioResult result, string group, IReadOnlyList<UnaryLoadResult> slices)
    {
        result.Add(group, "calls/s", Median(slices, r => r.CallsPerSecond), "calls/s",
            $"slices: {string.Join(", ", slices.Select(r => r.CallsPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");
        result.Add(group, "p50 latency", Median(slices, r => r.Latency.P50), "ms");
        result.Add(group, "p99 latency", Median(slices, r => r.Latency.P99), "ms");
        result.Add(group, "server CPU", Median(slices, r => r.ServerCores), "cores", $"load generator: {ReportWriter.Format(Median(slices, r => r.ClientCores))} cores");
        result.Add(group, "server CPU per call", Median(slices, r => r.ServerMicrosecondsPerCall), "µs");
    }

    private static double Median(IReadOnlyList<UnaryLoadResult> slices, Func<UnaryLoadResult, double> value)
    {
        var sorted = slices.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
