using System.Diagnostics;
using Grpc.Core;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>What a closed-loop unary load measured.</summary>
/// <param name="ClientCores">CPU of this process (the load generator) while measured.</param>
/// <param name="ServerCores">CPU of the server process while measured.</param>
public sealed record UnaryLoadResult(long Calls, long Errors, double CallsPerSecond, LatencySummary Latency, double ClientCores, double ServerCores)
{
    /// <summary>Server CPU time per call, in microseconds: what one lookup costs the server, whatever limits throughput.</summary>
    public double ServerMicrosecondsPerCall => ServerCores * 1_000_000 / CallsPerSecond;
}

/// <summary>
/// A closed loop: each caller sends a call, waits for the answer, and sends the next. Only the calls that finish
/// inside the measured window count; a failed call or a wrong answer counts as an error.
/// </summary>
public static class UnaryLoad
{
    /// <summary>GetShipment for a random request of <paramref name="requests"/>, callers spread over the pool's connections.</summary>
    public static Task<UnaryLoadResult> RunAsync(
        ClientPool pool, IReadOnlyList<GetShipmentRequest> requests, int callers, TimeSpan warmup, TimeSpan duration,
        ChildServer server, CancellationToken cancellationToken) =>
        RunAsync(callers, warmup, duration, async (caller, random) =>
        {
            // Not cancelled when the load stops: each caller finishes its call, so no stream is reset mid-call.
            await pool[caller].GetShipmentAsync(requests[random.Next(requests.Count)], cancellationToken: cancellationToken);
            return true;
        }, server, cancellationToken);

    /// <param name="call">One call by caller n with that caller's random source; false: a wrong answer.</param>
    public static async Task<UnaryLoadResult> RunAsync(
        int callers, TimeSpan warmup, TimeSpan duration, Func<int, Random, Task<bool>> call, ChildServer server,
        CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder(10_000_000);
        var measuring = 0;
        long errors = 0;
        var stopping = 0;
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            while (Volatile.Read(ref stopping) == 0)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await call(caller, random);
                }
                catch (Exception e) when (e is RpcException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    ok = false;
                }
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (Volatile.Read(ref measuring) == 1)
                {
                    recorder.AddSince(started);
                }
            }
        }, CancellationToken.None)).ToList();

        await Task.Delay(warmup, cancellationToken);
        Interlocked.Exchange(ref errors, 0);
        var cpuBefore = ProcessStats.OfCurrent();
        var serverBefore = server.Stats;
        var window = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(duration, cancellationToken);
        Volatile.Write(ref measuring, 0);
        window.Stop();
        var cpuAfter = ProcessStats.OfCurrent();
        var serverAfter = server.Stats;
        Volatile.Write(ref stopping, 1);
        await Task.WhenAll(loops);

        return new UnaryLoadResult(
            recorder.Count, Interlocked.Read(ref errors), recorder.Count / window.Elapsed.TotalSeconds, recorder.Summarize(),
            ProcessStats.CoresUsed(cpuBefore, cpuAfter, window.Elapsed), ProcessStats.CoresUsed(serverBefore, serverAfter, window.Elapsed));
    }
}
