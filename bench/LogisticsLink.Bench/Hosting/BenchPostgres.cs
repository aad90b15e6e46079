using System.Diagnostics;
using Npgsql;

namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// A PostgreSQL server of the bench's own, from Debian's package: a fresh cluster (initdb) in a temp folder on the temp
/// disk (or on tmpfs, for a scenario that puts SQLite there too), on a free loopback port, with PostgreSQL's default
/// durability (fsync on, synchronous_commit on) so its figures compare with SQLite's synchronous = FULL. Its processes
/// count as the bench's own in the "other processes" CPU figure (<see cref="CpuTicks"/>). Stopped and deleted on dispose.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asRoot;

    private BenchPostgres(string bin, string root, bool asRoot, string adminConnectionString)
    {
        _bin = bin;
        _root = root;
        _asRoot = asRoot;
        AdminConnectionString = adminConnectionString;
    }

    public string AdminConnectionString { get; }

    /// <summary>Whether the cluster lives on tmpfs (fsync nearly free) rather than the temp disk.</summary>
    public bool IsTmpfs => _root.StartsWith(ScratchFolder.TmpfsRoot, StringComparison.Ordinal);

    /// <summary>CPU ticks used so far by the server (postmaster and backends); 0 before it runs or after it stopped.</summary>
    public long CpuTicks() => PostmasterPid() is { } pid ? Measurement.ForeignCpu.TreeTicks(pid) : 0;

    /// <summary>The server binaries (initdb, pg_ctl), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <param name="inMemory">On tmpfs when the machine has one (like <see cref="ScratchFolder.InMemory"/>), else on the temp disk.</param>
    public static async Task<BenchPostgres> StartAsync(string bin, CancellationToken cancellationToken, bool inMemory = false)
    {
        var parent = inMemory && Directory.Exists(ScratchFolder.TmpfsRoot) ? ScratchFolder.TmpfsRoot : Path.GetTempPath();
        var root = Path.Combine(parent, "logisticslink-bench", "pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user the Debian package creates.
            await RunAsync("chown", ["postgres", root], cancellationToken);
        }
        var port = new Uri(FreePorts.NextLoopback().ToString()).Port;
        var data = Path.Combine(root, "data");
        var cluster = new BenchPostgres(bin, root, asRoot,
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=120");
        await cluster.RunAsPostgresAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8"], cancellationToken);
        await cluster.RunAsPostgresAsync("pg_ctl",
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200",
        ], cancellationToken);
        Measurement.ForeignCpu.TrackHelper(cluster, cluster.CpuTicks);
        return cluster;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Measurement.ForeignCpu.UntrackHelper(this);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await RunAsPostgresAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], timeout.Token);
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not stop or delete the bench's PostgreSQL cluster in {_root}: {e.Message}");
        }
    }

    private int? PostmasterPid()
    {
        try
        {
            // postmaster.pid: the first line is the server's process id.
            var first = File.ReadLines(Path.Combine(_root, "data", "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Task RunAsPostgresAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        _asRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], cancellationToken)
            : RunAsync(Path.Combine(_bin, tool), args, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in time.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
