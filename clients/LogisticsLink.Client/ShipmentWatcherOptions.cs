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

    /// <summary>
    /// How many calls the watch makes before giving up while none has received anything yet (a wrong address, a
    /// server that is down): <see cref="ShipmentWatcher.WatchAsync"/> then throws the last failure as an
    /// <see cref="Grpc.Core.RpcException"/> (UNAVAILABLE when it was a network error or the server ended the stream).
    /// Once any update has arrived, reconnecting is unbounded again. Default null: never give up, as a long-running
    /// service wants; a command-line tool wants to report an unreachable server instead.
    /// </summary>
    public int? MaxFirstConnectAttempts { get; set; }

    internal void Validate()
    {
        if (MaxFirstConnectAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxFirstConnectAttempts), MaxFirstConnectAttempts,
                $"{nameof(MaxFirstConnectAttempts)} must be at least 1, or null to retry forever.");
        }

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
