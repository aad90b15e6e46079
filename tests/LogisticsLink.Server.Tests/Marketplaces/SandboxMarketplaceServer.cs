using LogisticsLink.Sandbox;
using LogisticsLink.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>A test server with the sandbox marketplaces on, their accounts feeding tenant-a.</summary>
internal static class SandboxMarketplaceServer
{
    public const string EncryptionKey = "q6m0Gt0bb3yYpW9QVQyF2v4h1kT3cq4Zz0q2o1y8v6M=";

    public static Task<TestServer> StartAsync(IReadOnlyDictionary<string, string>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:SimulateMarketplaces"] = "true",
            ["Sandbox:MarketplaceTenant"] = "tenant-a",
            ["Sandbox:StepInterval"] = "00:00:00.200",
            ["Marketplaces:SyncInterval"] = "00:00:02",
            ["Marketplaces:EncryptionKey"] = EncryptionKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return TestServer.StartAsync(settings: settings, services: services);
    }

    public static T Simulator<T>(this TestServer server) where T : ICarrierSimulator =>
        server.Services.GetServices<ICarrierSimulator>().OfType<T>().Single();
}
