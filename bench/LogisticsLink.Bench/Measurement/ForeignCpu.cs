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
    private static readonly ConcurrentDictionary<object, Func<long>> Helpers = new();
    private static long _retiredHelperTicks;

    public readonly record struct Reading(long BusyTicks, long OwnTicks, long Timestamp);

    /// <summary>Counts a child process as ours while it runs (after it exits, the kernel adds it to ours).</summary>
    public static void Track(Process child) => Children[child.Id] = child;

    public static void Untrack(Process child) => Children.TryRemove(child.Id, out _);

    /// <summary>
    /// Counts processes the bench started but that are not its children (a daemonized PostgreSQL server) as ours:
    /// <paramref name="ticks"/> returns their CPU ticks so far.
    /// </summary>
    public static void TrackHelper(object key, Func<long> ticks) => Helpers[key] = ticks;

    /// <summary>Stops reading a helper, keeping the ticks it used (it is not our child: the kernel will not add them to ours).</summary>
    public static void UntrackHelper(object key)
    {
        if (Helpers.TryRemove(key, out var ticks))
        {
            Interlocked.Add(ref _retiredHelperTicks, ticks());
        }
    }

    /// <summary>CPU seconds a tick count stands for.</summary>
    public static double Seconds(long ticks) => ticks / TicksPerSecond;

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
        total += Interlocked.Read(ref _retiredHelperTicks);
        foreach (var helper in Helpers.Values)
        {
            total += helper();
        }
        return total;
    }

    /// <summary>
    /// CPU ticks of a process and its live children, plus its reaped children's (the kernel adds those to the parent):
    /// a PostgreSQL postmaster and its backends. 0 once the process is gone.
    /// </summary>
    public static long TreeTicks(int pid)
    {
        var total = ProcessTicks($"/proc/{pid}/stat", includeChildren: true);
        if (total == 0)
        {
            return 0;
        }
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (name.Length > 0 && char.IsAsciiDigit(name[0]) && ParentOf(folder) == pid)
            {
                total += ProcessTicks(Path.Combine(folder, "stat"), includeChildren: false);
            }
        }
        return total;
    }

    private static int ParentOf(string procFolder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(procFolder, "stat"));
            return int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the child just exited: its time is now in our children's total
        }
    }
}
