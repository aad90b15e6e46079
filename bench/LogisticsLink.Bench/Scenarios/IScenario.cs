using LogisticsLink.Bench.Reporting;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>One measured question of issue 7. It fills its result; it throws only when it could not run at all.</summary>
public interface IScenario
{
    string Name { get; }

    string Title { get; }

    Task RunAsync(ScenarioResult result, CancellationToken cancellationToken);
}
