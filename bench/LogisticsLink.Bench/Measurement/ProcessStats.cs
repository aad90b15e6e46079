using System.Diagnostics;

namespace LogisticsLink.Bench.Measurement;

/// <summary>Resident memory and CPU time of a process, read from the OS (no GC is forced).</summary>
public sealed record ProcessStats(long ResidentBytes, TimeSpan CpuTime)
{
    public static ProcessStats Of(Process process)
    {
        process.Refresh();
        return new ProcessStats(process.WorkingSet64, process.TotalProcessorTime);
    }

    public static ProcessStats OfCurrent()
    {
        using var self = Process.GetCurrentProcess();
        return Of(self);
    }

    /// <summary>Cores used on average between two readings taken <paramref name="wall"/> apart.</summary>
    public static double CoresUsed(ProcessStats before, ProcessStats after, TimeSpan wall) =>
        wall <= TimeSpan.Zero ? double.NaN : (after.CpuTime - before.CpuTime) / wall;
}

/// <summary>Memory of a process after a full blocking GC: what it really holds, not what the GC has yet to return.</summary>
public sealed record MemorySnapshot(long ResidentBytes, long ManagedBytes)
{
    /// <summary>This process, after a full compacting collection.</summary>
    public static MemorySnapshot TakeAfterFullGc()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        return new MemorySnapshot(ProcessStats.OfCurrent().ResidentBytes, managed);
    }
}
