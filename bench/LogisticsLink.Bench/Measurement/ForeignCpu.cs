using System.Collections.Concurrent;
using System.Diagnostics;

namespace LogisticsLink.Bench.Measurement;

/// <summary>
/// CPU used on this machine by processes other than the bench and its server children, from /proc: all busy time
/// minus our own (and our children's). On a shared 2-core machine this says whether a figure was measured alone.
/// </summary>
public static class ForeignCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private static readonly ConcurrentDictionary<int, Process> Children = new();

    public readonly record struct Reading(long BusyTicks, long OwnTicks, long Timestamp);

    /// <summary>Counts a child process as ours while it runs (after it exits, the kernel adds it to ours).</summary>
    public static void Track(Process child) => Children[child.Id] = child;

    public static void Untrack(Process child) => Children.TryRemove(child.Id, out _);

    public static Reading Read() => new(BusyTicks(), OwnTicks(), Stopwatch.GetTimestamp());

    /// <summary>Cores used by other processes between two readings; NaN where /proc is not available.</summary>
    public static double CoresBetween(Reading before, Reading after)
    {
        var seconds = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        if (before.BusyTicks < 0 || seconds <= 0)
        {
            return double.NaN;
        }
        var foreign = (after.BusyTicks - before.BusyTicks) - (after.OwnTicks - before.OwnTicks);
        return Math.Max(0, foreign / TicksPerSecond / seconds);
    }

    /// <summary>
    /// Waits until other processes use less than <paramref name="threshold"/> cores over a 2-second sample, at most
    /// <paramref name="limit"/>; returns the last sample.
    /// </summary>
    public static async Task<double> WaitForQuietAsync(double threshold, TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var before = Read();
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var cores = CoresBetween(before, Read());
            if (double.IsNaN(cores) || cores < threshold || waited.Elapsed >= limit)
            {
                return cores;
            }
            Console.WriteLine($"   waiting for the machine to quiet down: other processes use {cores:N2} cores");
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        }
    }

    private static long BusyTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return -1;
        }
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => fields.Length > i ? long.Parse(fields[i]) : 0;
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }

    private static long OwnTicks()
    {
        long total = ProcessTicks("/proc/self/stat", includeChildren: true);
        foreach (var child in Children.Values)
        {
            total += ProcessTicks($"/proc/{child.Id}/stat", includeChildren: false);
        }
        return total;
    }

    private static long ProcessTicks(string path, bool includeChildren)
    {
        try
        {
            var text = File.ReadAllText(path);
            // Fields after the command name (which may contain spaces) start at state: utime is field 14 of the line.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return includeChildren ? ticks + long.Parse(fields[13]) + long.Parse(fields[14]) : ticks;
        }
        catch (IOException)
        {
            return 0; // the child just exited: its time is now in our children's total
        }
    }
}
