namespace LogisticsLink.Bench.Reporting;

/// <summary>
/// A target of issue 7 against what was measured. <see cref="Met"/> is null when it was not judged (quick mode, or a
/// figure that could not be measured).
/// </summary>
public sealed record TargetCheck(string Name, string Target, string Measured, bool? Met);
