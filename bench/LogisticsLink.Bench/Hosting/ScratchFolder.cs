namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// A temp folder for one scenario's database, deleted afterwards. On the temp disk by default (real fsync), or on
/// tmpfs where a scenario wants to measure everything but the disk.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public const string TmpfsRoot = "/dev/shm";

    private ScratchFolder(string path) => Path = path;

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "logisticslink.db");

    public static ScratchFolder OnDisk(string scenario) => Create(System.IO.Path.GetTempPath(), scenario);

    /// <summary>On tmpfs when the machine has one, else on disk (the report says which).</summary>
    public static ScratchFolder InMemory(string scenario) =>
        Create(Directory.Exists(TmpfsRoot) ? TmpfsRoot : System.IO.Path.GetTempPath(), scenario);

    public bool IsTmpfs => Path.StartsWith(TmpfsRoot, StringComparison.Ordinal);

    private static ScratchFolder Create(string root, string scenario)
    {
        var path = System.IO.Path.Combine(root, "logisticslink-bench", $"{scenario}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new ScratchFolder(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
