using System.Diagnostics;
using Grpc.Core;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.V1;

namespace LogisticsLink.Bench.Scenarios.FanOut;

/// <summary>What the change driver achieved.</summary>
/// <param name="Acknowledged">Stopwatch timestamp at which each change's write call returned, by its revision label.</param>
internal sealed record DriveResult(
    long Issued, long Failed, TimeSpan Elapsed, LatencySummary CallLatency, long MaxBehind,
    System.Collections.Concurrent.ConcurrentDictionary<long, long> Acknowledged)
{
    public double ChangesPerSecond => (Issued - Failed) / Elapsed.TotalSeconds;
}

/// <summary>
/// Makes changes through the public write path at a fixed rate (an open loop: calls are started on schedule whether or
/// not earlier ones finished, up to a bound of calls in flight). Each call re-registers a parcel with a new label
/// value, which the tracker turns into one DETAILS_CHANGED change: commit, change-log row, hub.
/// </summary>
internal static class ChangeDriver
{
    private const int MaxInFlight = 256;

    /// <summary>The label whose new value makes each call a change; its value identifies the change.</summary>
    public const string RevisionLabel = "rev";

    public static async Task<DriveResult> RunAsync(
        ClientPool pool, IReadOnlyList<string> trackingNumbers, long firstChange, int perSecond, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var latency = new LatencyRecorder((int)Math.Min(10_000_000, perSecond * duration.TotalSeconds * 2 + 1000));
        var calls = new List<Task>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<long, long>();
        long failed = 0, issued = 0, maxBehind = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            maxBehind = Math.Max(maxBehind, due - issued);
            while (issued < due)
            {
                await slots.WaitAsync(cancellationToken);
                var change = firstChange + issued;
                var client = pool[(int)(issued % pool.Count)];
                issued++;
                calls.Add(SendAsync(client, trackingNumbers[(int)(change % trackingNumbers.Count)], change));
            }
            await Task.Delay(1, cancellationToken);
        }
        await Task.WhenAll(calls);
        clock.Stop();
        return new DriveResult(issued, Interlocked.Read(ref failed), clock.Elapsed, latency.Summarize(), maxBehind, acknowledged);

        async Task SendAsync(TrackingService.TrackingServiceClient client, string number, long change)
        {
            try
            {
                var request = new TrackShipmentRequest { TrackingNumber = number, Carrier = "sandbox" };
                request.Labels[RevisionLabel] = change.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var started = Stopwatch.GetTimestamp();
                await client.TrackShipmentAsync(request, cancellationToken: cancellationToken);
                acknowledged[change] = Stopwatch.GetTimestamp();
                latency.AddSince(started);
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
