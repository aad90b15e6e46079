using LogisticsLink.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// The simulated carriers and marketplaces are called on the server's own web endpoint: one bound to every address,
/// in any of the spellings Kestrel takes, is called on loopback.
/// </summary>
public sealed class SandboxRootTests
{
    [Theory]
    [InlineData("http://*:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://+:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://0.0.0.0:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://[::]:5081", "http://127.0.0.1:5081/")]
    [InlineData("http://localhost:5082", "http://localhost:5082/")]
    public void A_wildcard_web_endpoint_is_called_on_loopback(string url, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Web:Url"] = url })
            .Build();

        Assert.Equal(expected, CarrierRegistration.SandboxRoot(configuration).ToString());
    }
}
