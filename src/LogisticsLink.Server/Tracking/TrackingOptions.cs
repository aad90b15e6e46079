namespace LogisticsLink.Server.Tracking;

/// <summary>Bound from the <c>Tracking</c> configuration section.</summary>
public sealed class TrackingOptions
{
    public const string Section = "Tracking";

    /// <summary>
    /// How long a GetShipment with max_age waits for the carrier before answering from the last known state, flagged
    /// stale. The refresh itself carries on and lands for the next reader.
    /// </summary>
    public TimeSpan RefreshWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shipments (with their histories) kept in memory for GetShipment; the least recently used go first.</summary>
    public long CacheSize { get; set; } = 100_000;

    /// <summary>
    /// Shipments still polled whose stored scan keys are kept in memory between two refreshes, so that a refresh does
    /// not read them back (about 2 KB each with 10 scans); the least recently used go first; 0 reads them on every refresh.
    /// </summary>
    public long KnownEventsCacheSize { get; set; } = 100_000;
}
