using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>A <see cref="TestServer"/> whose time is a fake clock the test advances.</summary>
internal static class FakeClockServer
{
    /// <summary>
    /// A periodic loop fires once per period the clock is advanced over, so the scheduler's poll (50 ms on a test
    /// server) is an hour unless <paramref name="settings"/> say otherwise: a two-day advance is then 48 ticks, not 3.5
    /// million.
    /// </summary>
    public static Task<TestServer> StartAsync(
        FakeTimeProvider clock, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string> { ["Scheduler:PollInterval"] = "01:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        return TestServer.StartAsync(settings: all, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
    }
}
