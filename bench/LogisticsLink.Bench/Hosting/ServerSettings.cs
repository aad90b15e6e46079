namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// The settings every benchmarked server runs with: production mode, one API key, loopback endpoints, logging at
/// Warning, the scheduler off (scenarios drive refreshes themselves). Everything else keeps its shipped default.
/// </summary>
public static class ServerSettings
{
    public const string ApiKey = "bench-api-key-0123456789abcdef";
    public const string Tenant = "bench";

    public static string[] Args(string databasePath, Uri grpc, Uri web, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Storage:Sqlite:Path"] = databasePath,
            ["Kestrel:Endpoints:Grpc:Url"] = grpc.ToString(),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Web:Url"] = web.ToString(),
            ["Kestrel:Endpoints:Web:Protocols"] = "Http1",
            ["Auth:ApiKeys:0:Key"] = ApiKey,
            ["Auth:ApiKeys:0:Tenant"] = Tenant,
            ["Scheduler:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // Unconfigured real carrier connectors announce at start-up that they are off; the bench uses none of them.
            ["Logging:LogLevel:LogisticsLink.Carriers"] = "Error",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
    }
}
