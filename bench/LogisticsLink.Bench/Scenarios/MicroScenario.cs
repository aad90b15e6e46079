using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LogisticsLink.Bench.Micro;
using LogisticsLink.Bench.Reporting;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of the hot pure code, run in this process (no separate build), a short job in a
/// full run and a dry run in quick mode. BenchmarkDotNet's own log and reports go to results/BenchmarkDotNet.
/// </summary>
public sealed class MicroScenario(BenchContext context) : IScenario
{
    public string Name => "micro";

    public string Title => "Micro-benchmarks of hot pure code (BenchmarkDotNet)";

    public Task RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(context.ResultsFolder, "BenchmarkDotNet");
        Directory.CreateDirectory(artifacts);
        using var log = new StreamWriter(Path.Combine(artifacts, "log.txt"), append: false);
        var job = (context.Quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new StreamLogger(log))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<TrackerBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            if (report.ResultStatistics is not { } statistics)
            {
                result.IntegrityFailures.Add($"micro-benchmark '{name}' produced no measurement");
                continue;
            }
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            result.Add(context.Quick ? "dry run" : "short run", name, statistics.Mean, "ns/op", allocated is { } bytes ? $"{bytes:N0} B allocated/op" : null);
        }
        result.Note($"{summary.HostEnvironmentInfo.RuntimeVersion}; {(context.Quick ? "dry job (one iteration, figures meaningless)" : "ShortRun job (3 warm-ups, 3 iterations)")}, in-process toolchain. " +
            "A release build is needed for meaningful figures.");
        return Task.CompletedTask;
    }
}
