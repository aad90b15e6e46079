using Microsoft.Playwright;

namespace LogisticsLink.Dashboard.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test class: Debian's package at /usr/bin/chromium (override with LOGISTICSLINK_CHROMIUM),
/// launched through Playwright's driver from the NuGet package. Nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LOGISTICSLINK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {executable}. ./test.sh installs Debian's package (apt-get install -y chromium); " +
                "or set LOGISTICSLINK_CHROMIUM to a Chromium executable.");
        }
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
