namespace LogisticsLink.Bench.Reporting;

/// <summary>Everything one scenario reports: figures, targets, notes, and whatever went wrong.</summary>
public sealed class ScenarioResult(string name, string title, bool judgeTargets)
{
    public string Name { get; } = name;
    public string Title { get; } = title;
    public List<Figure> Figures { get; } = [];
    public List<TargetCheck> Targets { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Lost, duplicated or out-of-order updates, wrong counts: anything that is a bug, not a slow figure.</summary>
    public List<string> IntegrityFailures { get; } = [];

    /// <summary>Set when the scenario threw: the exception, as text.</summary>
    public string? Crash { get; set; }

    public double Seconds { get; set; }

    /// <summary>Cores used on average by other processes on the machine while the scenario ran.</summary>
    public double ForeignCores { get; set; }

    /// <summary>The machine's 1-minute load average when the scenario ended (this bench's own load included).</summary>
    public double LoadAverageAtEnd { get; set; }

    public bool Failed => Crash is not null || IntegrityFailures.Count > 0;

    public string Outcome => Crash is not null ? "crashed" : IntegrityFailures.Count > 0 ? "integrity failure" : "ran";

    public void Add(string group, string name, double value, string unit, string? note = null) =>
        Figures.Add(new Figure(group, name, value, unit, note));

    /// <summary>Records a target; judged only in a full run.</summary>
    public void Target(string name, string target, string measured, bool met) =>
        Targets.Add(new TargetCheck(name, target, measured, judgeTargets ? met : null));

    public void Note(string text) => Notes.Add(text);

    /// <summary>Records an integrity failure when <paramref name="ok"/> is false.</summary>
    public void Check(bool ok, string failure)
    {
        if (!ok)
        {
            IntegrityFailures.Add(failure);
        }
    }
}
