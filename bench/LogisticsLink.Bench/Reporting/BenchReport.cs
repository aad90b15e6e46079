using System.Diagnostics;

namespace LogisticsLink.Bench.Reporting;

/// <summary>One run: when, on what, at which commit, and every scenario's result.</summary>
public sealed record BenchReport(
    DateTimeOffset Date,
    string Commit,
    bool WorkTreeDirty,
    string Mode,
    string Command,
    MachineInfo Machine,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    public bool Failed => Scenarios.Any(s => s.Failed);

    /// <summary>The commit of <paramref name="repoRoot"/> and whether the work tree has uncommitted changes.</summary>
    public static (string Commit, bool Dirty) GitState(string repoRoot)
    {
        var commit = Git(repoRoot, "rev-parse HEAD")?.Trim();
        var status = Git(repoRoot, "status --porcelain");
        return (string.IsNullOrEmpty(commit) ? "unknown" : commit, !string.IsNullOrWhiteSpace(status));
    }

    private static string? Git(string folder, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit(10_000);
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
