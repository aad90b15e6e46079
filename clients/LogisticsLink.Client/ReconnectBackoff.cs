namespace LogisticsLink.Client;

/// <summary>
/// Exponential reconnect delays with jitter: the ceiling doubles from the initial delay up to the maximum, and each
/// delay is drawn from [ceiling / 2, ceiling). The random half keeps many clients that lost the same server from
/// reconnecting in lockstep; the fixed half keeps a delay from collapsing to zero.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Func<double> nextRandom)
{
    private int failures;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max)
        : this(initial, max, Random.Shared.NextDouble)
    {
    }

    /// <summary>The ceiling of the next delay, before jitter.</summary>
    public TimeSpan NextCeiling
    {
        get
        {
            // Compare in doubles so a long run of failures cannot overflow TimeSpan.
            var ticks = initial.Ticks * Math.Pow(2, failures);
            return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
        }
    }

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        var ceiling = NextCeiling;
        if (ceiling < max)
        {
            failures++;
        }

        return TimeSpan.FromTicks((long)(ceiling.Ticks * (0.5 + (nextRandom() / 2))));
    }

    /// <summary>Called when a message arrives: the connection works again, so the next failure starts small.</summary>
    public void Reset() => failures = 0;
}
