using LogisticsLink.Client;
using LogisticsLink.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Bench.Hosting;

/// <summary>The real server, hosted in this process on loopback ports, on a given database file.</summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private BenchServer(WebApplication app, Uri grpcAddress)
    {
        _app = app;
        GrpcAddress = grpcAddress;
    }

    public Uri GrpcAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchServer> StartAsync(
        string databasePath,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var grpc = FreePorts.NextLoopback();
        var web = FreePorts.NextLoopback();
        var app = LogisticsLinkApp.Create(ServerSettings.Args(databasePath, grpc, web, settings), b => services?.Invoke(b.Services));
        await app.StartAsync(cancellationToken);
        return new BenchServer(app, grpc);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A typed client with its own channel (one HTTP/2 connection per 100 concurrent calls).</summary>
    public LogisticsLinkClient NewClient() => LogisticsLinkClient.Create(GrpcAddress, ServerSettings.ApiKey);

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
