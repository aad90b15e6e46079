namespace LogisticsLink.Client;

/// <summary>How <see cref="ShipmentWatcher"/> reconnects and what it yields.</summary>
public sealed class ShipmentWatcherOptions
{
    /// <summary>The first reconnect delay; it doubles on every failure without a message in between. Default 100 ms.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest reconnect delay. Default 10 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether heartbeats are yielded to the caller. Default true, so a caller that persists
    /// <see cref="ShipmentWatcher.ResumePosition"/> also learns when the position moved without a change.
    /// </summary>
    public bool IncludeHeartbeats { get; set; } = true;

    internal void Validate()
    {
        if (InitialReconnectDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(InitialReconnectDelay), InitialReconnectDelay, $"{nameof(InitialReconnectDelay)} must be positive.");
        }

        if (MaxReconnectDelay < InitialReconnectDelay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxReconnectDelay), MaxReconnectDelay,
                $"{nameof(MaxReconnectDelay)} must be at least {nameof(InitialReconnectDelay)}.");
        }
    }
}
