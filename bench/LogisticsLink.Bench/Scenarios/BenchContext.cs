namespace LogisticsLink.Bench.Scenarios;

/// <summary>What every scenario is given: the sizes for this run, whether it is quick, and where reports go.</summary>
public sealed record BenchContext(Sizes Sizes, bool Quick, string ResultsFolder);
