using Microsoft.Playwright;

namespace LogisticsLink.Dashboard.Tests.Infrastructure;

/// <summary>Screenshots kept as test artifacts, under TestResults/dashboard-screenshots at the repository root.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png") });
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("LOGISTICSLINK_SCREENSHOTS") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LogisticsLink.sln")))
            {
                return Path.Combine(folder.FullName, "TestResults", "dashboard-screenshots");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");
    }
}
