namespace LogisticsLink.Client.Tests;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Fact]
    public void Jitter_draws_from_the_upper_half_of_the_ceiling()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(50), new ReconnectBackoff(Initial, Max, () => 0).Next());
        Assert.Equal(TimeSpan.FromMilliseconds(75), new ReconnectBackoff(Initial, Max, () => 0.5).Next());
    }

    [Fact]
    public void Ceiling_doubles_to_the_maximum_and_stays_there()
    {
        var backoff = new ReconnectBackoff(Initial, Max, () => 0.999999);
        var ceilings = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            ceilings.Add(backoff.NextCeiling.TotalMilliseconds);
            backoff.Next();
        }

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000, 10_000, 10_000], ceilings);
    }

    [Fact]
    public void Many_failures_do_not_overflow()
    {
        var backoff = new ReconnectBackoff(Initial, Max, () => 0);
        for (var i = 0; i < 10_000; i++)
        {
            backoff.Next();
        }

        Assert.Equal(Max, backoff.NextCeiling);
    }

    [Fact]
    public void Reset_starts_over()
    {
        var backoff = new ReconnectBackoff(Initial, Max, () => 0);
        backoff.Next();
        backoff.Next();
        backoff.Reset();

        Assert.Equal(Initial, backoff.NextCeiling);
    }
}
