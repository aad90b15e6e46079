namespace LogisticsLink.Carriers.Sandbox;

/// <summary>A parcel lifecycle the sandbox plays, one step per step interval.</summary>
/// <param name="ScrambleReports">Report events oldest-first with a duplicate, as some carriers do.</param>
public sealed record SandboxScenario(int Digit, string Name, IReadOnlyList<SandboxStep> Steps, bool ScrambleReports = false);
