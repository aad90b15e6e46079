namespace LogisticsLink.Server.Tests.Infrastructure;

/// <summary>Unique sandbox tracking numbers: LLSB + 9 unique digits + the scenario digit.</summary>
public static class Numbers
{
    private static long _next = Random.Shared.NextInt64(100_000_000, 800_000_000);

    public static string Sandbox(int scenario = 0) => $"LLSB{Interlocked.Increment(ref _next):D9}{scenario}";
}
