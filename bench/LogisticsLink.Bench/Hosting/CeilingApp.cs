using Google.Protobuf;
using LogisticsLink.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Bench.Hosting;

/// <summary>
/// The framework's ceiling as an application: a bare gRPC server built the way the real one is (the same builder,
/// settings files and arguments, Kestrel with the same HTTP/2 keep-alive limits, logging at Warning) serving only
/// <see cref="CeilingService"/>. It runs in its own process (<see cref="ServeMode"/>), like the real server it is
/// compared with; the reply travels in the configuration key <see cref="ReplyKey"/>.
/// </summary>
public static class CeilingApp
{
    public const string ReplyKey = "Bench:CeilingReply";

    public static string ReplyArgument(Shipment reply) => $"--{ReplyKey}={Convert.ToBase64String(reply.ToByteArray())}";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        });
        var reply = Shipment.Parser.ParseFrom(Convert.FromBase64String(
            builder.Configuration[ReplyKey] ?? throw new InvalidOperationException($"{ReplyKey} is required.")));
        builder.Services.AddGrpc(o => o.EnableDetailedErrors = false);
        builder.Services.AddSingleton(new CeilingService(reply));
        var app = builder.Build();
        app.MapGrpcService<CeilingService>();
        return app;
    }
}
