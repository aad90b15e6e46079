using LogisticsLink.Server.Hosting;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// A server that cannot start for a reason only the start finds (a database file it cannot create, a database that does
/// not answer) ends with exit code 1 and one line on stderr, the details being in the host's log, instead of an
/// unhandled exception that repeats them with a stack trace and aborts the runtime (exit code 134).
/// </summary>
public sealed class StartupFailureExitTests
{
    [Fact]
    public async Task A_database_file_that_cannot_be_created_ends_the_process_with_code_1_and_the_reason()
    {
        var notAFolder = Path.GetTempFileName();
        try
        {
            var (code, error) = await RunWithDatabaseAsync(Path.Combine(notAFolder, "logisticslink.db"));

            Assert.Equal(1, code);
            Assert.StartsWith("LogisticsLink cannot start: ", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    // The operator reads which setting to fix and the file it named, resolved against the directory the server started
    // in, not only what SQLite or the file system said.
    [Theory]
    [InlineData("a file where its folder should be")]
    [InlineData("a folder where the file should be")]
    public async Task A_database_path_that_cannot_be_used_names_the_setting_and_the_full_path_in_one_line(string what)
    {
        var root = Directory.CreateTempSubdirectory("logisticslink-path-").FullName;
        try
        {
            string path;
            if (what == "a file where its folder should be")
            {
                File.WriteAllText(Path.Combine(root, "data"), "");
                path = Path.Combine(root, "data", "logisticslink.db");
            }
            else
            {
                path = Path.Combine(root, "logisticslink.db");
                Directory.CreateDirectory(path);
            }

            var (code, error) = await RunWithDatabaseAsync(path);

            Assert.Equal(1, code);
            var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("LogisticsLink cannot start: ", line);
            Assert.Contains("Storage:Sqlite:Path", line, StringComparison.Ordinal);
            Assert.Contains($"'{path}'", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Development without keys writes the demo tenant's key beside the database before the store opens it: the same
    // path, refused as the wrong value it is rather than crashing (exit code 134) on the folder it cannot create.
    [Fact]
    public async Task In_development_a_database_folder_that_cannot_hold_the_demo_key_names_the_setting_and_the_path()
    {
        var root = Directory.CreateTempSubdirectory("logisticslink-path-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "data"), "");
            var path = Path.Combine(root, "data", "logisticslink.db");

            var (code, error) = await RunWithDatabaseAsync(path, "Development", withKeys: false);

            Assert.Equal(1, code);
            Assert.StartsWith("LogisticsLink cannot start: invalid configuration.", error);
            Assert.Contains($"Storage:Sqlite:Path '{path}'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int Code, string Error)> RunWithDatabaseAsync(string path, string environment = "Testing", bool withKeys = true)
    {
        var error = new StringWriter();
        string[] keys = withKeys ? ["--Auth:ApiKeys:0:Key=a-key-long-enough-for-tests", "--Auth:ApiKeys:0:Tenant=tenant-a"] : [];
        var code = await LogisticsLinkApp.RunAsync(
        [
            $"--environment={environment}",
            $"--Storage:Sqlite:Path={path}",
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Web:Url=http://127.0.0.1:0",
            .. keys,
            "--Logging:LogLevel:Default=None",
        ], error);
        return (code, error.ToString());
    }
}
