using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Client.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Registers_the_generated_client_and_a_watcher()
    {
        using var services = Build(o =>
        {
            o.Address = new Uri("http://localhost:5080");
            o.ApiKey = "k-123";
        });

        Assert.NotNull(services.GetRequiredService<TrackingService.TrackingServiceClient>());
        var first = services.GetRequiredService<ShipmentWatcher>();
        var second = services.GetRequiredService<ShipmentWatcher>();
        Assert.NotSame(first, second);
    }

    [Fact]
    public void The_primary_handler_opens_extra_http2_connections_and_never_times_out_idle_ones()
    {
        using var services = Build(o =>
        {
            o.Address = new Uri("http://localhost:5080");
            o.ApiKey = "k-123";
        });

        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>()
            .CreateHandler(nameof(TrackingService.TrackingServiceClient));
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.True(sockets.EnableMultipleHttp2Connections);
        Assert.Equal(Timeout.InfiniteTimeSpan, sockets.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), sockets.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), sockets.KeepAlivePingTimeout);
    }

    [Theory]
    [InlineData(null, "k", "Address")]
    [InlineData("localhost:5080", "k", "Address")]
    [InlineData("http://localhost:5080", "", "ApiKey")]
    [InlineData("http://localhost:5080", "a b", "ApiKey")]
    public void Invalid_options_name_the_option(string? address, string key, string option)
    {
        using var services = Build(o =>
        {
            o.Address = address is null ? null : new Uri(address, UriKind.RelativeOrAbsolute);
            o.ApiKey = key;
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<TrackingService.TrackingServiceClient>());
        Assert.Contains($"LogisticsLinkClientOptions.{option}", error.Message);
    }

    [Fact]
    public void The_standalone_factory_rejects_invalid_options_and_exposes_the_client()
    {
        Assert.Throws<ArgumentException>(() => LogisticsLinkClient.Create(new Uri("http://localhost:5080"), ""));

        using var client = LogisticsLinkClient.Create(new Uri("http://localhost:5080"), "k-123");
        Assert.NotNull(client.Tracking);
        Assert.NotNull(client.CreateWatcher());
    }

    private static ServiceProvider Build(Action<LogisticsLinkClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogisticsLinkClient(configure);
        return services.BuildServiceProvider();
    }
}
