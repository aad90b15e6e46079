using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Tests.Shared;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// `--health-probe URL` is what a container's HEALTHCHECK runs: a URL it cannot use must say so and answer "unhealthy"
/// (1), not crash with an unhandled exception's stack trace (exit code 134); an unhealthy answer says why.
/// </summary>
public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("127.0.0.1:5081")]
    [InlineData("localhost")]
    [InlineData("ftp://127.0.0.1:5081")]
    public async Task A_url_that_is_not_an_http_url_is_refused_with_a_message(string url)
    {
        var error = new StringWriter();

        Assert.Equal(1, await HealthProbe.RunAsync(url, error));

        Assert.Equal($"--health-probe needs the web endpoint's http or https URL, such as http://127.0.0.1:5081 (got '{url}').",
            error.ToString().Trim());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unhealthy_and_the_probe_says_where_it_asked()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        var error = new StringWriter();

        Assert.Equal(1, await HealthProbe.RunAsync(url, error));

        Assert.StartsWith($"Unhealthy: {url}/healthz did not answer", error.ToString());
    }

    [Fact]
    public async Task A_healthy_server_answers_0_and_prints_nothing()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        var error = new StringWriter();

        Assert.Equal(0, await HealthProbe.RunAsync(server.WebAddress.ToString(), error));

        Assert.Empty(error.ToString());
    }
}
