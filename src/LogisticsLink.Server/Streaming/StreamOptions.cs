namespace LogisticsLink.Server.Streaming;

/// <summary>Bound from the <c>Streams</c> configuration section.</summary>
public sealed class StreamOptions
{
    public const string Section = "Streams";

    /// <summary>An idle WatchShipments stream gets a Heartbeat this often.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Live updates queued per subscriber; past this the subscriber is served from the log again.</summary>
    public int SubscriberBufferSize { get; set; } = 512;

    /// <summary>Changes read from the log per query when replaying.</summary>
    public int ReplayBatchSize { get; set; } = 2000;

    /// <summary>How often the hub reads the log even without a commit signal (other writers, lost signals).</summary>
    public TimeSpan LogPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A single write to a client that takes longer than this ends the call (the client resumes).</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
