namespace LogisticsLink.Bench.Reporting;

/// <summary>One measured number. <see cref="Group"/> names the run it belongs to ("1,000 subscribers", "ceiling").</summary>
public sealed record Figure(string Group, string Name, double Value, string Unit, string? Note = null);
