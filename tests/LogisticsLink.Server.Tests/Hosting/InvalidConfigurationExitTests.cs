using LogisticsLink.Server.Hosting;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// What an operator sees when the configuration is wrong: the server stops before it opens its endpoints, prints one
/// line per wrong key on stderr and exits with code 1, instead of crashing with an unhandled exception's stack trace
/// (and the runtime's abort, exit code 134).
/// </summary>
public sealed class InvalidConfigurationExitTests
{
    [Theory]
    [InlineData("Streams:HeartbeatInterval", "-00:00:05", "Streams:HeartbeatInterval must be a positive duration such as 00:00:05 (got -00:00:05).")]
    [InlineData("Streams:HeartbeatInterval", "abc", "'Streams:HeartbeatInterval'")]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider must be 'Sqlite' or 'Postgres' (got 'Mongo').")]
    [InlineData("Auth:ApiKeys:0:Key", "short", "Auth:ApiKeys:0:Key must be at least 16 characters.")]
    [InlineData("Webhooks:Aggregator:Secret", "0123456789abcdef", "Webhooks:Aggregator:TenantId is required when Webhooks:Aggregator:Secret is set.")]
    [InlineData("Carriers:Dhl:MaxRetries", "-1", "Carriers:Dhl:MaxRetries must be between 0 and 10 (got -1).")]
    [InlineData("Carriers:Dhl:MaxRetries", "many", "'Carriers:Dhl:MaxRetries'")]
    [InlineData("Cluster:Nodes", "0", "Cluster:Nodes must be at least 1 (got 0).")]
    [InlineData("Kestrel:Endpoints:Grpc:Url", "127.0.0.1:6271", "Kestrel:Endpoints:Grpc:Url must be an http or https URL, scheme included, such as http://0.0.0.0:5080 (got '127.0.0.1:6271').")]
    [InlineData("Kestrel:Endpoints:Web:Url", "localhost", "Kestrel:Endpoints:Web:Url must be an http or https URL")]
    public async Task A_wrong_value_ends_the_process_with_code_1_and_a_line_naming_the_key(string key, string value, string expected)
    {
        var error = new StringWriter();

        var code = await LogisticsLinkApp.RunAsync(Arguments((key, value)), error);

        Assert.Equal(1, code);
        var printed = error.ToString();
        Assert.Contains(expected, printed);
        Assert.StartsWith("LogisticsLink cannot start: invalid configuration.", printed);
        Assert.DoesNotContain("   at ", printed);
        Assert.DoesNotContain("Exception", printed);
    }

    [Fact]
    public async Task Every_wrong_key_is_printed_on_its_own_line()
    {
        var error = new StringWriter();

        var code = await LogisticsLinkApp.RunAsync(Arguments(("Streams:SubscriberBufferSize", "2"), ("Scheduler:BatchSize", "0")), error);

        Assert.Equal(1, code);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("  Streams:SubscriberBufferSize must be between 16 and 1000000 (got 2).", lines);
        Assert.Contains("  Scheduler:BatchSize must be between 1 and 100000 (got 0).", lines);
    }

    private static string[] Arguments(params (string Key, string Value)[] wrong)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ll-config-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["environment"] = "Testing",
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "logisticslink.db"),
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Web:Url"] = "http://127.0.0.1:0",
            ["Auth:ApiKeys:0:Key"] = "a-key-long-enough-for-tests",
            ["Auth:ApiKeys:0:Tenant"] = "tenant-a",
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in wrong)
        {
            settings[key] = value;
        }
        return [.. settings.Select(s => $"--{s.Key}={s.Value}")];
    }
}
