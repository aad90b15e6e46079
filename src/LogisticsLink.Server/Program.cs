using Grpc.AspNetCore.Web;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Grpc;
using LogisticsLink.Server.Hosting;

if (args.Length == 2 && args[0] == HealthProbe.Flag)
{
    return await HealthProbe.RunAsync(args[1]);
}

// Settings files ship beside the binary; relative data paths resolve against the directory the server is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Kestrel sends no HTTP/2 pings by default; idle subscriptions behind NATs and proxies need them.
    kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
    kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
});
builder.Services.AddLogisticsLink(builder.Configuration);

var app = builder.Build();
ApiKeys.Load(app);

app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
app.MapGrpcService<TrackingGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapHealthChecks("/healthz");
app.MapGet("/", () => Results.Text(
    "LogisticsLink is running. gRPC (h2c) on the Grpc endpoint; gRPC-Web on this one. See README.md.", "text/plain"));

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory-style helpers.</summary>
public partial class Program;
