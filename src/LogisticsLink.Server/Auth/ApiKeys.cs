using LogisticsLink.Server.Hosting;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Auth;

/// <summary>Fills the key registry at start-up from <c>Auth:ApiKeys</c>, or with the demo tenant in Development.</summary>
public static partial class ApiKeys
{
    public static void Load(WebApplication app)
    {
        var registry = app.Services.GetRequiredService<ApiKeyRegistry>();
        var configured = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.ApiKeys;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeys));
        foreach (var key in configured)
        {
            registry.Add(key);
        }
        if (registry.Count > 0)
        {
            LogKeysLoaded(logger, registry.Count);
            return;
        }
        if (!app.Environment.IsDevelopment())
        {
            LogNoKeys(logger);
            return;
        }
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var database = Path.GetFullPath(storage.Sqlite.Path);
        var dataFolder = Path.GetDirectoryName(database)!;
        string demoKey;
        try
        {
            demoKey = DemoTenant.LoadOrCreateKey(dataFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read before the store opens the file: the operator fixes the same setting the store would name.
            throw InvalidConfiguration.Of<StorageOptions>("Storage:Sqlite:Path",
                [$"Storage:Sqlite:Path '{database}': its folder cannot hold the demo API key: {e.Message}"]);
        }
        registry.Add(new ApiKeyOptions { Key = demoKey, Tenant = DemoTenant.Tenant });
        // Printed on purpose, and only here: Development with no keys configured. Never through the log pipeline.
        Console.WriteLine($"""

            Development mode, no Auth:ApiKeys configured: demo tenant '{DemoTenant.Tenant}' created.
              API key: {demoKey}
              (also in {Path.Combine(dataFolder, "demo-api-key")})
              export LOGISTICSLINK_API_KEY={demoKey}

            """);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API key(s) loaded from Auth:ApiKeys.")]
    private static partial void LogKeysLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured (Auth:ApiKeys): every call will be refused with UNAUTHENTICATED.")]
    private static partial void LogNoKeys(ILogger logger);
}
