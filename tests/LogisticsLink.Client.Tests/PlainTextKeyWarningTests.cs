using LogisticsLink.Client.Tests.Fakes;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Client.Tests;

/// <summary>The API key over plain http to a host that is not this machine is allowed, but logged as a warning.</summary>
public sealed class PlainTextKeyWarningTests
{
    private readonly CapturingLoggerProvider logs = new();

    [Fact]
    public void The_standalone_factory_warns_for_http_to_a_remote_host()
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        using var client = LogisticsLinkClient.Create(
            new LogisticsLinkClientOptions { Address = new Uri("http://tracking.example:5080"), ApiKey = "k" }, loggerFactory: factory);

        var warning = Assert.Single(logs.Warnings);
        Assert.Contains("unencrypted", warning);
        Assert.Contains("tracking.example", warning);
    }

    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://tracking.example")]
    public void The_standalone_factory_is_quiet_for_loopback_or_https(string address)
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        using var client = LogisticsLinkClient.Create(
            new LogisticsLinkClientOptions { Address = new Uri(address), ApiKey = "k" }, loggerFactory: factory);

        Assert.Empty(logs.Warnings);
    }

    [Fact]
    public void Dependency_injection_warns_once_however_many_clients_are_resolved()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddLogisticsLinkClient(o =>
        {
            o.Address = new Uri("http://tracking:5080");
            o.ApiKey = "k";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<TrackingService.TrackingServiceClient>();
        provider.GetRequiredService<TrackingService.TrackingServiceClient>();

        Assert.Contains("tracking", Assert.Single(logs.Warnings));
    }
}
