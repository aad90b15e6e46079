using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Connections;
using LogisticsLink.Server.Hosting;
using LogisticsLink.Tests.Shared;
using LogisticsLink.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>
/// A real server: Kestrel on loopback ports, a real SQLite file in a temp folder. Stop and start it again on the
/// same folder to test restarts.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string KeyA = "tenant-a-key-0123456789abcdef";
    public const string KeyB = "tenant-b-key-0123456789abcdef";

    /// <summary>The evidence-pack signing key every test server runs with (32 bytes, base64).</summary>
    public static readonly string EvidenceKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];
    private bool _stopped;

    private TestServer(WebApplication app, string dataFolder, Uri grpcAddress, Uri webAddress)
    {
        _app = app;
        DataFolder = dataFolder;
        GrpcAddress = grpcAddress;
        WebAddress = webAddress;
    }

    public string DataFolder { get; }
    public Uri GrpcAddress { get; }
    public Uri WebAddress { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<TestServer> StartAsync(
        string? dataFolder = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        TestServer? sameAddressesAs = null,
        string? postgresDatabase = null)
    {
        dataFolder ??= NewDataFolder();
        // LOGISTICSLINK_TEST_STORE=Postgres runs the same suite on PostgreSQL: one fresh database per data folder.
        postgresDatabase ??= ThrowawayPostgres.Selected ? PostgresDatabaseFor(dataFolder) : null;
        for (var attempt = 1; ; attempt++)
        {
            var grpc = sameAddressesAs?.GrpcAddress ?? new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            var web = sameAddressesAs?.WebAddress ?? new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
            var app = LogisticsLinkApp.Create(Arguments(dataFolder, grpc, web, postgresDatabase, settings), builder => services?.Invoke(builder.Services));
            try
            {
                await app.StartAsync();
                return new TestServer(app, dataFolder, grpc, web);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && attempt < 5)
            {
                // Another process took the port between our probe and the bind: try again (with fresh ports unless the
                // test needs the same addresses back).
                await app.DisposeAsync();
            }
        }
    }

    private static string[] Arguments(
        string dataFolder, Uri grpc, Uri web, string? postgresDatabase, IReadOnlyDictionary<string, string>? settings)
    {
        var merged = new Dictionary<string, string>
        {
            ["environment"] = "Testing",
            ["Storage:Sqlite:Path"] = Path.Combine(dataFolder, "logisticslink.db"),
            ["Kestrel:Endpoints:Grpc:Url"] = grpc.ToString(),
            ["Kestrel:Endpoints:Web:Url"] = web.ToString(),
            ["Auth:ApiKeys:0:Key"] = KeyA,
            ["Auth:ApiKeys:0:Tenant"] = "tenant-a",
            ["Auth:ApiKeys:1:KeySha256"] = Auth.ApiKeyRegistry.Digest(KeyB),
            ["Auth:ApiKeys:1:Tenant"] = "tenant-b",
            ["Sandbox:StepInterval"] = "00:00:00.200",
            ["Scheduler:PollInterval"] = "00:00:00.050",
            ["Streams:HeartbeatInterval"] = "00:00:00.500",
            ["Streams:LogPollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Support:EvidenceKey"] = EvidenceKey,
        };
        if (postgresDatabase is not null)
        {
            merged["Storage:Provider"] = "Postgres";
            merged["Storage:Postgres:ConnectionString"] = postgresDatabase;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }
        return merged.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
    }

    /// <summary>The database belonging to a data folder, so a restart on the same folder finds the same data.</summary>
    private static string PostgresDatabaseFor(string dataFolder)
    {
        var marker = Path.Combine(dataFolder, "postgres-connection");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, ThrowawayPostgres.CreateDatabase());
        }
        return File.ReadAllText(marker);
    }

    public static string NewDataFolder()
    {
        var folder = Path.Combine(DataRoot.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>This test process's data folders live under one folder, deleted when the process exits.</summary>
    private static readonly Lazy<string> DataRoot = new(() =>
    {
        const string prefix = "logisticslink-tests";
        // Another test process may be running now: only folders idle for longer than any test run are left-overs.
        TempFolders.SweepAbandoned(prefix, TimeSpan.FromHours(2));
        var root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        TempFolders.DeleteAtExit(root);
        return root;
    });

    public TrackingService.TrackingServiceClient Client(string? apiKey = KeyA) => new(Invoker(apiKey));

    public OrderService.OrderServiceClient Orders(string? apiKey = KeyA) => new(Invoker(apiKey));

    public SupportService.SupportServiceClient Support(string? apiKey = KeyA) => new(Invoker(apiKey));

    private CallInvoker Invoker(string? apiKey)
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        _channels.Add(channel);
        return apiKey is null
            ? channel.CreateCallInvoker()
            : channel.CreateCallInvoker().Intercept(headers => { headers.Add("authorization", $"Bearer {apiKey}"); return headers; });
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Stops the server, then closes the test's clients. Not in <see cref="StopAsync"/>: a test that stopped the server
    /// may still be reading how its streams ended, and a closed channel would cancel those calls first.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        _channels.Clear();
    }
}
