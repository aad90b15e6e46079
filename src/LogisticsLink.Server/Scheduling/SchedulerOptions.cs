using LogisticsLink.Domain.Scheduling;

namespace LogisticsLink.Server.Scheduling;

/// <summary>Bound from the <c>Scheduler</c> configuration section.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due shipments.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due shipments taken per look.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a node holds the shipments it took for refreshing. A node that dies mid-refresh blocks them this long;
    /// keep it above the slowest carrier call.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The default of <see cref="MaxConcurrency"/> on SQLite, the embedded store.</summary>
    public const int DefaultMaxConcurrency = 64;

    /// <summary>
    /// Carrier refreshes running at once. A refresh mostly waits for its carrier, so this bounds how many shipments a
    /// node refreshes per second (concurrency / carrier latency); on PostgreSQL the default is lower
    /// (<see cref="PostgresSchedulerDefaults"/>).
    /// </summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>A PENDING / NOT_FOUND number is given up (EXPIRED) after this long.</summary>
    public TimeSpan ExpireUnknownAfter { get; set; } = TimeSpan.FromDays(30);

    public RefreshIntervals Intervals { get; set; } = new();
}
