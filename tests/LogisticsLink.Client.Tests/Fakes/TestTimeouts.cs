namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>How long a test waits for something that should happen at once; only reached when a test fails.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);
}
