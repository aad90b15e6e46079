namespace LogisticsLink.Tests.Shared;

/// <summary>
/// Temp folders a test process leaves behind. Deleting them at process exit is not enough: the test host may be
/// stopped before its exit handlers finish, and a throw-away PostgreSQL cluster holds a gigabyte or more. So each
/// process also sweeps what earlier runs left.
/// </summary>
public static class TempFolders
{
    /// <summary>
    /// Deletes the folders in the temp folder whose names start with <paramref name="prefix"/>, untouched for
    /// <paramref name="idleFor"/> and not <paramref name="inUse"/>, after <paramref name="release"/> (e.g. stopping
    /// what still runs in one). Best effort: a folder that cannot be deleted stays.
    /// </summary>
    public static void SweepAbandoned(string prefix, TimeSpan idleFor, Func<string, bool>? inUse = null, Action<string>? release = null)
    {
        var cutoff = DateTime.UtcNow - idleFor;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(folder) < cutoff && inUse?.Invoke(folder) != true)
                {
                    release?.Invoke(folder);
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Someone else's, or being deleted by another test process: leave it.
            }
        }
    }

    /// <summary>Deletes <paramref name="folder"/> when the process exits (best effort; see the class remarks).</summary>
    public static void DeleteAtExit(string folder) =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The next run's sweep removes it.
            }
        };
}
