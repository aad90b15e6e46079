using System.Diagnostics;
using LogisticsLink.Bench;
using LogisticsLink.Bench.Hosting;
using LogisticsLink.Bench.Measurement;
using LogisticsLink.Bench.Reporting;
using LogisticsLink.Bench.Scenarios;

if (args.Length > 0 && args[0] is ServeMode.Verb or ServeMode.CeilingVerb)
{
    return await ServeMode.RunAsync(args[0], args[1..]);
}
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

var repoRoot = RepositoryRoot.Find();
var resultsFolder = options.OutputFolder ?? Path.Combine(repoRoot, "bench", "results");
var sizes = options.Quick ? Sizes.Quick : Sizes.Full;
var context = new BenchContext(sizes, options.Quick, resultsFolder);
var mode = options.Quick ? "quick" : "full";

Console.WriteLine($"LogisticsLink bench ({mode}): {string.Join(", ", options.Scenarios)}");
var machine = await MachineInfo.DescribeAsync(options.Quick ? 20 : 200, interrupted.Token);
Console.WriteLine($"  {machine.Cores} cores, {machine.MemoryGiB} GiB, fsync {ReportWriter.Format(machine.DiskFsyncMs)} ms on disk, load average {ReportWriter.Format(machine.LoadAverageAtStart)}");
if (machine.LoadAverageAtStart > 0.5 && !options.Quick)
{
    Console.WriteLine("  WARNING: the machine is busy with something else; the figures will be low and noisy.");
}

var results = new List<ScenarioResult>();
foreach (var name in options.Scenarios)
{
    var scenario = ScenarioCatalog.Create(name, context);
    var result = new ScenarioResult(scenario.Name, scenario.Title, judgeTargets: !options.Quick);
    Console.WriteLine($"\n== {scenario.Name}: {scenario.Title}");
    if (!options.Quick)
    {
        await ForeignCpu.WaitForQuietAsync(0.25, TimeSpan.FromMinutes(QuietWaitMinutes()), interrupted.Token);
    }
    var cpu = ForeignCpu.Read();
    var started = Stopwatch.GetTimestamp();
    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interrupted.Token);
    timeout.CancelAfter(sizes.ScenarioTimeout);
    try
    {
        await scenario.RunAsync(result, timeout.Token);
    }
    catch (Exception e)
    {
        result.Crash = timeout.IsCancellationRequested && !interrupted.IsCancellationRequested
            ? $"Timed out after {sizes.ScenarioTimeout}: {e}"
            : e.ToString();
    }
    result.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    result.LoadAverageAtEnd = MachineInfo.LoadAverage();
    result.ForeignCores = ForeignCpu.CoresBetween(cpu, ForeignCpu.Read());
    results.Add(result);
    ConsoleSummary.Print(result);
    if (interrupted.IsCancellationRequested)
    {
        break;
    }
}

var (commit, dirty) = BenchReport.GitState(repoRoot);
var command = "dotnet run -c Release --project bench/LogisticsLink.Bench -- " + string.Join(' ', args);
var report = new BenchReport(DateTimeOffset.UtcNow, commit, dirty, mode, command.Trim(), machine, results);
var (markdown, json) = await ReportWriter.WriteAsync(report, resultsFolder, CancellationToken.None);
Console.WriteLine($"\nReport: {markdown}\n        {json}");
if (report.Failed)
{
    Console.WriteLine("FAILED: " + string.Join("; ", results.Where(r => r.Failed).Select(r => $"{r.Name} {r.Outcome}")));
    return 1;
}
return interrupted.IsCancellationRequested ? 130 : 0;

// How long to wait for other processes to leave the cores alone before each scenario (LOGISTICSLINK_BENCH_QUIET_WAIT, minutes).
static double QuietWaitMinutes() =>
    double.TryParse(Environment.GetEnvironmentVariable("LOGISTICSLINK_BENCH_QUIET_WAIT"), System.Globalization.CultureInfo.InvariantCulture, out var minutes)
        ? minutes
        : 3;
