namespace LogisticsLink.Bench.Reporting;

/// <summary>A scenario's result as a few console lines, printed as soon as it finishes.</summary>
public static class ConsoleSummary
{
    public static void Print(ScenarioResult result)
    {
        Console.WriteLine($"   {result.Outcome} in {result.Seconds:N1} s; other processes used {ReportWriter.Format(result.ForeignCores)} cores meanwhile");
        foreach (var f in result.Figures)
        {
            Console.WriteLine($"   {f.Group,-28} {f.Name,-44} {ReportWriter.Format(f.Value),14} {f.Unit}");
        }
        foreach (var t in result.Targets)
        {
            Console.WriteLine($"   target {t.Name}: want {t.Target}, got {t.Measured} -> {ReportWriter.Verdict(t.Met).Replace("**", "")}");
        }
        foreach (var failure in result.IntegrityFailures)
        {
            Console.WriteLine($"   INTEGRITY FAILURE: {failure}");
        }
        if (result.Crash is not null)
        {
            Console.WriteLine($"   CRASH: {result.Crash}");
        }
    }
}
