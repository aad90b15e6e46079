namespace LogisticsLink.Bench.Scenarios;

/// <summary>The scenarios by name, in report order.</summary>
public static class ScenarioCatalog
{
    public static IScenario Create(string name, BenchContext context) => name switch
    {
        "lookup" => new LookupScenario(context),
        "fanout" => new FanOutScenario(context),
        "fanout-postgres" => new FanOutScenario(context, onPostgres: true),
        "coalescing" => new CoalescingScenario(context),
        "ingest" => new IngestScenario(context),
        "catchup" => new CatchUpScenario(context),
        "schedule" => new ScheduleScenario(context),
        "micro" => new MicroScenario(context),
        "inquiry" => new InquiryScenario(context),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
