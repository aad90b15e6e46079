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

    /// <summary>Carrier refreshes running at once.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>A PENDING / NOT_FOUND number is given up (EXPIRED) after this long.</summary>
    public TimeSpan ExpireUnknownAfter { get; set; } = TimeSpan.FromDays(30);

    public RefreshIntervals Intervals { get; set; } = new();
}
