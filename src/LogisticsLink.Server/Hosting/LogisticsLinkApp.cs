using Grpc.AspNetCore.Web;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Support;
using LogisticsLink.Server.Webhooks;

namespace LogisticsLink.Server.Hosting;

/// <summary>Builds the server application; used by Program and by tests that host real servers.</summary>
public static class LogisticsLinkApp
{
    /// <summary>
    /// Runs the server until it is stopped; the process's exit code. Invalid configuration is printed on
    /// <paramref name="error"/>, one line per wrong key, and ends it with 1 before any endpoint opens; so does, in one
    /// line, any other failure to start.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        WebApplication app;
        try
        {
            app = Create(args);
        }
        catch (Exception failure) when (InvalidConfiguration.MessagesOf(failure) is { Count: > 0 } messages)
        {
            await error.WriteLineAsync("LogisticsLink cannot start: invalid configuration.");
            foreach (var message in messages)
            {
                await error.WriteLineAsync("  " + message);
            }
            return 1;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception failure)
            {
                // The host has logged it with its details; the runtime's report of an unhandled exception would repeat
                // them with a stack trace and abort (exit code 134).
                await error.WriteLineAsync($"LogisticsLink cannot start: {failure.Message}");
                return 1;
            }
            await app.WaitForShutdownAsync();
        }
        return 0;
    }

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files ship beside the binary; relative data paths resolve against the directory the server starts in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Kestrel sends no HTTP/2 pings by default; idle subscriptions behind NATs and proxies need them.
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Services.AddLogisticsLink(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        InvalidConfiguration.ThrowIfAny(app.Services);
        ApiKeys.Load(app);
        app.Services.GetRequiredService<CarrierStartupReport>().Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogisticsLink.Carriers"));

        var dashboard = app.UseDashboard();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<TrackingGrpcService>();
        app.MapGrpcService<OrderGrpcService>();
        app.MapSupportDesk();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz");
        app.MapCarrierSimulators();
        app.MapWebhooks();
        Marketplaces.MarketplaceWebhooks.Map(app);
        if (!dashboard)
        {
            app.MapGet("/", () => Results.Text(
                "LogisticsLink is running: gRPC (h2c) on the Grpc endpoint, gRPC-Web and /healthz on this one. See README.md.", "text/plain"));
        }
        return app;
    }
}
