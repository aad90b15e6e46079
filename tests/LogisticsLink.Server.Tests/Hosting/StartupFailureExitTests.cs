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
            var error = new StringWriter();

            var code = await LogisticsLinkApp.RunAsync(
            [
                "--environment=Testing",
                $"--Storage:Sqlite:Path={Path.Combine(notAFolder, "logisticslink.db")}",
                "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
                "--Kestrel:Endpoints:Web:Url=http://127.0.0.1:0",
                "--Auth:ApiKeys:0:Key=a-key-long-enough-for-tests",
                "--Auth:ApiKeys:0:Tenant=tenant-a",
                "--Logging:LogLevel:Default=None",
            ], error);

            Assert.Equal(1, code);
            Assert.StartsWith("LogisticsLink cannot start: ", error.ToString());
            Assert.DoesNotContain("   at ", error.ToString());
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }
}
