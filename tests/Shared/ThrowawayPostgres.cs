using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace LogisticsLink.Tests.Shared;

/// <summary>
/// A PostgreSQL server of the tests' own: a fresh cluster (initdb) in a temp folder, on a free loopback port, started
/// once per test process and stopped and deleted when it exits (clusters that earlier runs could not delete, a gigabyte
/// or more each, are swept when the next one starts). Set LOGISTICSLINK_TEST_POSTGRES to an admin connection string to
/// use an existing server instead. Each caller gets its own new database.
/// </summary>
public static class ThrowawayPostgres
{
    private static readonly Lazy<string> AdminConnectionString = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the tests should run against PostgreSQL instead of SQLite.</summary>
    public static bool Selected =>
        string.Equals(Environment.GetEnvironmentVariable("LOGISTICSLINK_TEST_STORE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var admin = AdminConnectionString.Value;
        var name = "ll_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 30 }.ConnectionString;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("LOGISTICSLINK_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }
        var bin = FindBinaries();
        // A cluster whose test process is gone is nobody's, even if its server still runs (the process was ended before
        // its exit handler stopped it); one created in the last minutes may be another process's, still starting.
        TempFolders.SweepAbandoned(ClusterPrefix, TimeSpan.FromMinutes(10), inUse: OwnerIsAlive, release: StopServer);
        var root = Path.Combine(Path.GetTempPath(), ClusterPrefix + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user the Debian package creates.
            Run("chown", ["postgres", root]);
        }
        var port = LoopbackPorts.Free();
        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
            }
            catch (Exception)
            {
                // Best effort at exit: a later run sweeps a left-over cluster.
            }
        };
        // Registered after the stop, so it runs after it.
        TempFolders.DeleteAtExit(root);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";
    }

    private const string ClusterPrefix = "logisticslink-pg-";

    /// <summary>The file in a cluster's folder naming the test process that started it.</summary>
    private const string OwnerFile = "owner.pid";

    private static bool OwnerIsAlive(string root) => IsAlive(FirstLine(Path.Combine(root, OwnerFile)));

    /// <summary>
    /// Stops a left-over cluster's server, if it still runs, with PostgreSQL's immediate shutdown (SIGQUIT). Only when
    /// the process named in its postmaster.pid is that cluster's server: a left-over file's process id may since have
    /// been given to any process, another test run's PostgreSQL among them, which the signal would crash.
    /// </summary>
    private static void StopServer(string root)
    {
        var data = Path.Combine(root, "data");
        var postmaster = FirstLine(Path.Combine(data, "postmaster.pid"));
        if (IsAlive(postmaster) && CommandLine(postmaster!).Contains(data, StringComparison.Ordinal))
        {
            Run("kill", ["-QUIT", postmaster!]);
        }
    }

    private static string CommandLine(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string? FirstLine(string file) => File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;

    private static bool IsAlive(string? pid) => int.TryParse(pid, out var id) && Directory.Exists($"/proc/{id}");

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. Install Debian's 'postgresql' package " +
            "(./test.sh does this) or set LOGISTICSLINK_TEST_POSTGRES to an admin connection string.");
    }

    private static void RunAs(bool asRoot, string program, IReadOnlyList<string> args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 2 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
