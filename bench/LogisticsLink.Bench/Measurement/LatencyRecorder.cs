namespace LogisticsLink.Bench.Measurement;

/// <summary>
/// Collects latency samples (milliseconds) from many threads into a fixed buffer without locks; samples past the
/// capacity are counted but not kept (the summary says so).
/// </summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly double[] _samples = new double[capacity];
    private long _count;

    public long Count => Math.Min(Interlocked.Read(ref _count), _samples.Length);

    public long Dropped => Math.Max(0, Interlocked.Read(ref _count) - _samples.Length);

    public void Add(double milliseconds)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _samples.Length)
        {
            _samples[index] = milliseconds;
        }
    }

    public void AddSince(long stopwatchTimestamp) =>
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(stopwatchTimestamp).TotalMilliseconds);

    public LatencySummary Summarize()
    {
        var n = (int)Count;
        if (n == 0)
        {
            return LatencySummary.Empty;
        }
        var sorted = _samples.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(n, sorted.Average(), At(sorted, 0.50), At(sorted, 0.99), At(sorted, 0.999), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Latency percentiles in milliseconds (nearest-rank).</summary>
public sealed record LatencySummary(long Count, double Mean, double P50, double P99, double P999, double Max)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}
