using LogisticsLink.Carriers.Http;
using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Tests.Infrastructure;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// A carrier's BaseUrl written without its scheme ("onlinetools.ups.com") binds as a relative URI, which no request can
/// be sent to: start-up must refuse it naming the key, as it does every other carrier setting.
/// </summary>
public sealed class CarrierBaseUrlTests
{
    [Theory]
    [InlineData("onlinetools.ups.com")]
    [InlineData("/api/track")]
    [InlineData("ftp://onlinetools.ups.com")]
    public void A_base_url_that_is_not_an_http_url_is_refused_naming_the_key(string value)
    {
        var options = new CarrierOptions { BaseUrl = new Uri(value, UriKind.RelativeOrAbsolute) };

        var error = Assert.Single(CarrierOptionsCheck.Errors(options, "Carriers:Ups"));

        Assert.StartsWith("Carriers:Ups:BaseUrl must be an absolute http or https URL, scheme included (got ", error);
        Assert.Contains(value, error);
    }

    [Theory]
    [InlineData("https://onlinetools.ups.com")]
    [InlineData("http://127.0.0.1:9000/ups")]
    public void An_http_or_https_base_url_is_accepted(string value) =>
        Assert.Empty(CarrierOptionsCheck.Errors(new CarrierOptions { BaseUrl = new Uri(value) }, "Carriers:Ups"));

    [Fact]
    public async Task Start_up_with_a_base_url_without_scheme_fails_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Carriers:Ups:BaseUrl"] = "onlinetools.ups.com",
            ["Carriers:Ups:ClientId"] = "client",
            ["Carriers:Ups:ClientSecret"] = "secret",
        }));

        Assert.Contains("Carriers:Ups:BaseUrl must be an absolute http or https URL", error.Message);
    }
}
