using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogisticsLink.Bench.Reporting;

/// <summary>Writes a run as Markdown (for people) and JSON (for tools), timestamped, plus <c>latest.*</c> copies.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<(string Markdown, string Json)> WriteAsync(BenchReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{report.Date:yyyyMMdd-HHmmss}-{report.Mode}");
        var markdown = ToMarkdown(report);
        var json = JsonSerializer.Serialize(report, Json);
        await File.WriteAllTextAsync(stem + ".md", markdown, cancellationToken);
        await File.WriteAllTextAsync(stem + ".json", json, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"latest-{report.Mode}.md"), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, $"latest-{report.Mode}.json"), json, cancellationToken);
        return (stem + ".md", stem + ".json");
    }

    public static string ToMarkdown(BenchReport r)
    {
        var m = r.Machine;
        var md = new StringBuilder();
        md.AppendLine($"# LogisticsLink benchmark run ({r.Mode})").AppendLine();
        md.AppendLine($"- Date: {r.Date:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine($"- Commit: `{r.Commit}`{(r.WorkTreeDirty ? " (work tree had uncommitted changes)" : "")}");
        md.AppendLine($"- Command: `{r.Command}`");
        md.AppendLine($"- Machine: {m.Cpu}, {m.Cores} cores, {m.MemoryGiB} GiB, {m.Os}");
        md.AppendLine($"- Runtime: {m.Runtime}, {(m.ServerGc ? "Server" : "Workstation")} GC");
        md.AppendLine($"- fsync (4 KiB write + fsync): {Format(m.DiskFsyncMs)} ms on the temp disk ({m.DiskFolder}), {Format(m.TmpfsFsyncMs)} ms on tmpfs");
        md.AppendLine($"- Load average (1 min) at start: {Format(m.LoadAverageAtStart)}; at the end of each scenario: " +
            string.Join(", ", r.Scenarios.Select(s => $"{s.Name} {Format(s.LoadAverageAtEnd)}")) +
            " (above ~0.5 before a run, something else was using the cores)");
        md.AppendLine();

        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| scenario | target | wanted | measured | met |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var s in r.Scenarios)
        {
            foreach (var t in s.Targets)
            {
                md.AppendLine($"| {s.Name} | {t.Name} | {t.Target} | {t.Measured} | {Verdict(t.Met)} |");
            }
        }
        md.AppendLine();

        foreach (var s in r.Scenarios)
        {
            md.AppendLine($"## {s.Name}: {s.Title}").AppendLine();
            md.AppendLine($"Outcome: **{s.Outcome}** in {s.Seconds:N1} s. Other processes used {Format(s.ForeignCores)} cores on average meanwhile" +
                (s.ForeignCores > 0.25 ? " — **the figures were disturbed**." : ".")).AppendLine();
            if (s.Crash is not null)
            {
                md.AppendLine("```").AppendLine(s.Crash).AppendLine("```").AppendLine();
            }
            foreach (var failure in s.IntegrityFailures)
            {
                md.AppendLine($"- **Integrity failure:** {failure}");
            }
            if (s.Figures.Count > 0)
            {
                md.AppendLine("| run | figure | value | unit | note |");
                md.AppendLine("|---|---|---:|---|---|");
                foreach (var f in s.Figures)
                {
                    md.AppendLine($"| {f.Group} | {f.Name} | {Format(f.Value)} | {f.Unit} | {f.Note ?? ""} |");
                }
                md.AppendLine();
            }
            foreach (var note in s.Notes)
            {
                md.AppendLine($"- {note}");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    public static string Verdict(bool? met) => met switch
    {
        true => "yes",
        false => "**no**",
        null => "not judged",
    };

    /// <summary>Numbers as a person reads them: thousands separated, few decimals.</summary>
    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        _ when Math.Abs(value) >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 10 => value.ToString("N1", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 0.1 || value == 0 => value.ToString("N2", CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };
}
