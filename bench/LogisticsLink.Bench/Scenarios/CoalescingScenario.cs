using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Bench.Carriers;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Carriers;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Tracking;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Scenario 3. A burst of concurrent GetShipment(max_age = 0) for one shipment against the sandbox carrier wrapped in a
/// counter, once with an instant carrier and once with a carrier that takes as long as a real API. Plus the
/// steady-state cost of the default refresh schedule.
/// </summary>
public sealed class CoalescingScenario(BenchContext context) : IScenario
{
    public string Name => "coalescing";

    public string Title => "Single-flight refreshes: carrier calls for a burst of max_age = 0 lookups; steady-state carrier calls";

    public async Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var sizes = context.Sizes;
        using var scratch = ScratchFolder.OnDisk(Name);
        var sandbox = new SandboxCarrier(Options.Create(new SandboxOptions { StepInterval = TimeSpan.FromMinutes(1) }), TimeProvider.System);
        var carrier = new CountingCarrier(sandbox);
        await using var server = await BenchServer.StartAsync(scratch.DatabasePath, cancellationToken,
            new Dictionary<string, string> { ["Sandbox:Enabled"] = "false" },
            services => services.AddSingleton<ICarrierClient>(carrier));
        var shipment = await server.Get<ShipmentTracker>().RegisterAsync(
            ServerSettings.Tenant, CarrierCodes.Sandbox, "LLSB0000000420", OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, cancellationToken);

        var callers = sizes.CoalescingCallers;
        using var pool = new ClientPool(server.GrpcAddress, (callers + 89) / 90);
        var plain = new GetShipmentRequest { ShipmentId = shipment.State.Id };
        // Warm-up: opens every connection and JITs the read path; no max_age, so the carrier is not asked.
        await BurstAsync(pool, plain, callers, cancellationToken);

        var fresh = new GetShipmentRequest { ShipmentId = shipment.State.Id, MaxAge = Duration.FromTimeSpan(TimeSpan.Zero) };
        foreach (var latency in sizes.CoalescingCarrierLatencies)
        {
            carrier.Latency = latency;
            carrier.Reset();
            var burst = await BurstAsync(pool, fresh, callers, cancellationToken);
            var group = $"carrier answers in {latency.TotalMilliseconds:N0} ms";
            result.Add(group, "concurrent GetShipment(max_age = 0)", callers, "calls", $"{burst.Errors} failed, {burst.Stale} answered stale");
            result.Add(group, "carrier calls", carrier.Calls, "calls");
            result.Add(group, "time for the whole burst", burst.Elapsed.TotalMilliseconds, "ms");
            result.Add(group, "calls started within", burst.StartSpread.TotalMilliseconds, "ms", "first to last call handed to the client after the gate opened");
            result.Add(group, "caller latency p50 / max", burst.Latency.P50, "ms", $"max {ReportWriter.Format(burst.Latency.Max)} ms");
            result.Target($"carrier calls for {callers:N0} concurrent max_age = 0, {group}", "exactly 1", $"{carrier.Calls}", carrier.Calls == 1);
            result.Check(burst.Errors == 0, $"{group}: {burst.Errors} lookups failed");
        }

        foreach (var status in new[]
                 {
                     TrackingStatus.NotFound, TrackingStatus.InfoReceived, TrackingStatus.InTransit, TrackingStatus.OutForDelivery,
                     TrackingStatus.Exception, TrackingStatus.AvailableForPickup, TrackingStatus.Delivered,
                 })
        {
            result.Add("default schedule", $"carrier calls per hour while {status}", ScheduleCostModel.CallsPerHour(status), "calls/h",
                status == TrackingStatus.NotFound ? "first step of the 15 min → 6 h back-off" : null);
        }
        var perLife = ScheduleCostModel.CallsPerTypicalLife(context.Quick ? 100 : 10_000);
        var perHour = perLife / ScheduleCostModel.Lifetime.TotalHours;
        result.Add("default schedule", "carrier calls per typical parcel (registration to delivery)", perLife, "calls");
        result.Add("default schedule", "steady-state carrier calls per shipment per hour", perHour, "calls/h", $"over a {ScheduleCostModel.Lifetime.TotalHours:N0} h life");
        result.Add("default schedule", "carrier calls/s for 1,000,000 parcels in flight", perHour * 1_000_000 / 3600, "calls/s");
        result.Note("Typical parcel for the schedule model: unknown to the carrier for 2 h, label only until 24 h, in transit until 96 h, " +
            "out for delivery until 104 h, then delivered (no more polling). Simulated with the server's RefreshSchedule and the default " +
            "intervals, random jitter, first check at registration.");
        result.Note("max_age = 0 means \"checked no earlier than my call arrived\": a call that arrives after a refresh's carrier answer " +
            "needs a new one by definition. With an instant carrier the burst outlasts each refresh, so several refreshes are expected; " +
            "with a carrier slower than the time it takes to start all the calls the whole burst shares one call.");
    }

    /// <param name="StartSpread">From the first call handed to the client to the last: how concurrent the burst really was.</param>
    private sealed record Burst(TimeSpan Elapsed, TimeSpan StartSpread, int Errors, int Stale, LatencySummary Latency);

    /// <summary>Starts every call at the same moment (a released gate) and waits for all of them.</summary>
    private static async Task<Burst> BurstAsync(ClientPool pool, GetShipmentRequest request, int callers, CancellationToken cancellationToken)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var latency = new LatencyRecorder(callers);
        var starts = new long[callers];
        int errors = 0, stale = 0;
        var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            var started = Stopwatch.GetTimestamp();
            starts[i] = started;
            try
            {
                var shipment = await pool[i].GetShipmentAsync(request, cancellationToken: cancellationToken);
                latency.AddSince(started);
                if (shipment.Stale)
                {
                    Interlocked.Increment(ref stale);
                }
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref errors);
            }
        }, cancellationToken)).ToList();
        await Task.Delay(200, cancellationToken);
        var clock = Stopwatch.StartNew();
        gate.SetResult();
        await Task.WhenAll(calls);
        return new Burst(clock.Elapsed, Stopwatch.GetElapsedTime(starts.Min(), starts.Max()), errors, stale, latency.Summarize());
    }
}
