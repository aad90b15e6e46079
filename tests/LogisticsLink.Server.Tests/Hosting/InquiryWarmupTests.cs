using LogisticsLink.Server.Hosting;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// A fresh server's first ResolveInquiry took about 300 ms (later ones a few): reading the message, building the Liquid
/// parser, rendering the reply and checking the policy for the first time. That work is done while the server starts,
/// before its endpoints open. How fast the first call is then is measured, not asserted (a wall-clock bound would fail
/// for a busy machine): see <see cref="InquiryWarmup"/>.
/// </summary>
public sealed class InquiryWarmupTests
{
    [Fact]
    public async Task A_server_has_warmed_the_inquiry_path_by_the_time_it_takes_calls()
    {
        var logs = new LogCapture();
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { [$"Logging:LogLevel:{typeof(InquiryWarmup).FullName}"] = "Information" },
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));

        // Read as soon as the server is started: the warm-up ran during start-up, not on the side afterwards.
        var lines = logs.Lines.Where(l => l.Contains(typeof(InquiryWarmup).FullName!, StringComparison.Ordinal)).ToList();

        Assert.Contains(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Inquiry path warmed up", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }
}
