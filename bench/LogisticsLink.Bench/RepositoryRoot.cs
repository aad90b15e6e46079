namespace LogisticsLink.Bench;

/// <summary>The repository root: the nearest folder above the working directory (or the binary) with LogisticsLink.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "LogisticsLink.sln")))
                {
                    return folder.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
