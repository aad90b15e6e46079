using System.Text.RegularExpressions;
using LogisticsLink.Server.Tests.Infrastructure;

namespace LogisticsLink.Server.Tests;

/// <summary>The dashboard's files as the server serves them: the page and its assets carry the browser's safety headers.</summary>
public sealed partial class DashboardHostingTests
{
    private const string Policy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [Fact]
    public async Task The_page_and_its_assets_carry_a_content_security_policy_nosniff_and_no_referrer()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" });
        using var http = new HttpClient { BaseAddress = server.WebAddress };

        using var page = await http.GetAsync("/");
        Assert.True(page.IsSuccessStatusCode, $"GET / answered {page.StatusCode}: is the dashboard built into wwwroot?");
        var html = await page.Content.ReadAsStringAsync();
        var script = ScriptSource().Match(html);
        Assert.True(script.Success, "the page names no script");
        using var asset = await http.GetAsync(script.Groups[1].Value.TrimStart('.'));
        Assert.True(asset.IsSuccessStatusCode);

        foreach (var response in new[] { page, asset })
        {
            Assert.Equal(Policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [GeneratedRegex("""<script[^>]*\ssrc="([^"]+)""")]
    private static partial Regex ScriptSource();
}
