using LogisticsLink.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Marketplaces.Tests.Loopback;

/// <summary>
/// Hosts marketplace simulators (a copy of the carrier tests' helper) on a real Kestrel bound to 127.0.0.1 and a port the OS picks, so adapter tests exercise
/// real HTTP (headers, status codes, connection aborts) without reaching the network or racing for a fixed port.
/// Each simulator is mapped under its own <see cref="ICarrierSimulator.PathPrefix"/>, as the server does.
/// </summary>
public sealed class MarketplaceLoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MarketplaceLoopbackHost(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>Scheme, loopback address and bound port, with a trailing slash.</summary>
    public Uri Root { get; }

    /// <summary>The base URL an adapter is configured with to talk to <paramref name="simulator"/>.</summary>
    public Uri BaseUrlOf(ICarrierSimulator simulator) => new(Root, simulator.PathPrefix.TrimStart('/'));

    public static async Task<MarketplaceLoopbackHost> StartAsync(params ICarrierSimulator[] simulators)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var simulator in simulators)
        {
            simulator.Map(app.MapGroup(simulator.PathPrefix));
        }
        await app.StartAsync();
        // Port 0 means "any free port": the real one is only known once Kestrel has bound.
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new MarketplaceLoopbackHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
