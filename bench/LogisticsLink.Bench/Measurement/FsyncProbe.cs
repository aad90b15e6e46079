namespace LogisticsLink.Bench.Measurement;

/// <summary>
/// How long one durable write takes in a folder: 4 KiB appended and flushed to the device, the way a WAL commit with
/// <c>synchronous = FULL</c> is. It bounds how many commits per second one writer can make.
/// </summary>
public static class FsyncProbe
{
    public static async Task<double> MeasureAsync(string folder, int samples, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, $"logisticslink-bench-fsync-{Environment.ProcessId}.tmp");
        var block = new byte[4096];
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < samples; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                file.Write(block);
                file.Flush(flushToDisk: true);
            }
            return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds / samples;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
