namespace LogisticsLink.Bench.Measurement;

/// <summary>
/// What this process has written, from Linux's <c>/proc/self/io</c>: bytes handed to write calls (<c>wchar</c>: the WAL
/// frames and checkpoint copies of SQLite, whatever reaches the page cache) and bytes the kernel sent to the disk for it
/// (<c>write_bytes</c>). Null where the file does not exist.
/// </summary>
public sealed record DiskWrites(long BytesWritten, long BytesToDisk)
{
    public static DiskWrites? OfCurrent()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
        {
            return null;
        }
        long written = 0, toDisk = 0;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], out var number))
            {
                written = parts[0] == "wchar" ? number : written;
                toDisk = parts[0] == "write_bytes" ? number : toDisk;
            }
        }
        return new DiskWrites(written, toDisk);
    }

    public DiskWrites Since(DiskWrites before) => new(BytesWritten - before.BytesWritten, BytesToDisk - before.BytesToDisk);
}
