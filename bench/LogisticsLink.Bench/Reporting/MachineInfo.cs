using System.Runtime;
using System.Runtime.InteropServices;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;

namespace LogisticsLink.Bench.Reporting;

/// <summary>What the figures were measured on, including how long an fsync takes (it bounds every durable commit).</summary>
public sealed record MachineInfo(
    string Cpu,
    int Cores,
    double MemoryGiB,
    string Os,
    string Runtime,
    bool ServerGc,
    double DiskFsyncMs,
    double TmpfsFsyncMs,
    string DiskFolder,
    double LoadAverageAtStart)
{
    /// <summary>The 1-minute load average: anything else running on the machine skews every figure.</summary>
    public static double LoadAverage()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "";
        return double.TryParse(text.Split(' ').FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
    }

    public static async Task<MachineInfo> DescribeAsync(int fsyncSamples, CancellationToken cancellationToken)
    {
        var disk = Path.GetTempPath();
        return new MachineInfo(
            CpuModel(),
            Environment.ProcessorCount,
            Math.Round(MemTotalKiB() / 1024.0 / 1024.0, 1),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            GCSettings.IsServerGC,
            await FsyncProbe.MeasureAsync(disk, fsyncSamples, cancellationToken),
            Directory.Exists(ScratchFolder.TmpfsRoot) ? await FsyncProbe.MeasureAsync(ScratchFolder.TmpfsRoot, fsyncSamples, cancellationToken) : double.NaN,
            disk,
            LoadAverage());
    }

    private static string CpuModel()
    {
        var line = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static long MemTotalKiB()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
