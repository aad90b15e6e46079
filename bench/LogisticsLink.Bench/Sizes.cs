using LogisticsLink.Server.Scheduling;

namespace LogisticsLink.Bench;

/// <summary>Every size and duration the scenarios use: the full run's and the quick run's.</summary>
public sealed record Sizes
{
    // Lookup
    public required int LookupShipments { get; init; }
    public required int LookupCallers { get; init; }
    public required int LookupConnections { get; init; }
    public required TimeSpan LookupWarmup { get; init; }
    public required TimeSpan LookupDuration { get; init; }
    /// <summary>Measured slices per server, alternating between the ceiling and LogisticsLink.</summary>
    public required int LookupRounds { get; init; }

    // Fan-out
    public required int FanOutShipments { get; init; }
    public required IReadOnlyList<int> FanOutSubscriberSteps { get; init; }
    public required int FanOutIdsPerSubscriber { get; init; }
    public required int FanOutTenantWide { get; init; }
    public required int FanOutChangesPerSecond { get; init; }
    public required TimeSpan FanOutDuration { get; init; }

    // Coalescing
    public required int CoalescingCallers { get; init; }
    public required IReadOnlyList<TimeSpan> CoalescingCarrierLatencies { get; init; }

    // Ingest
    /// <summary>Enough parcels that each keeps a realistic history (tens of scans) over the whole scenario.</summary>
    public required int IngestShipments { get; init; }
    /// <summary>PostgreSQL's parcels are seeded through its store, at its commit rate, so fewer of them.</summary>
    public required int IngestPostgresShipments { get; init; }
    public required TimeSpan IngestDuration { get; init; }
    public required IReadOnlyList<int> IngestEventsPerSnapshot { get; init; }
    /// <summary>Refreshes in flight (the scheduler's MaxConcurrency): its default on PostgreSQL, then on SQLite.</summary>
    public required IReadOnlyList<int> IngestInFlight { get; init; }

    // Catch-up
    public required int CatchUpBacklog { get; init; }
    public required int CatchUpShipments { get; init; }
    /// <summary>Changes a first subscriber replays before the measured one, so the streaming path is compiled, as in a running server.</summary>
    public required int CatchUpWarmup { get; init; }
    /// <summary>Pause after the warm-up: the runtime compiles the methods it found hot in the background.</summary>
    public required TimeSpan CatchUpSettle { get; init; }

    // Schedule
    public required int ScheduleShipments { get; init; }
    public required int ScheduleBatchSize { get; init; }

    /// <summary>Every scenario gives up after this, so a hang ends the run instead of stalling it.</summary>
    public required TimeSpan ScenarioTimeout { get; init; }

    public static readonly Sizes Full = new()
    {
        LookupShipments = 1_000,
        LookupCallers = 64,
        LookupConnections = 4,
        LookupWarmup = TimeSpan.FromSeconds(8),
        LookupDuration = TimeSpan.FromSeconds(5),
        LookupRounds = 6,
        FanOutShipments = 10_000,
        FanOutSubscriberSteps = [1_000, 10_000],
        FanOutIdsPerSubscriber = 10,
        FanOutTenantWide = 10,
        FanOutChangesPerSecond = 1_000,
        FanOutDuration = TimeSpan.FromSeconds(20),
        CoalescingCallers = 1_000,
        CoalescingCarrierLatencies = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)],
        IngestShipments = 20_000,
        IngestPostgresShipments = 2_000,
        IngestDuration = TimeSpan.FromSeconds(8),
        IngestEventsPerSnapshot = [1, 10],
        IngestInFlight = [PostgresSchedulerDefaults.MaxConcurrency, SchedulerOptions.DefaultMaxConcurrency],
        CatchUpBacklog = 1_000_000,
        CatchUpShipments = 10_000,
        CatchUpWarmup = 200_000,
        CatchUpSettle = TimeSpan.FromSeconds(5),
        ScheduleShipments = 1_000_000,
        ScheduleBatchSize = 500,
        ScenarioTimeout = TimeSpan.FromMinutes(6),
    };

    public static readonly Sizes Quick = new()
    {
        LookupShipments = 50,
        LookupCallers = 8,
        LookupConnections = 2,
        LookupWarmup = TimeSpan.FromSeconds(0.5),
        LookupDuration = TimeSpan.FromSeconds(1),
        LookupRounds = 1,
        FanOutShipments = 200,
        FanOutSubscriberSteps = [20, 100],
        FanOutIdsPerSubscriber = 10,
        FanOutTenantWide = 2,
        FanOutChangesPerSecond = 100,
        FanOutDuration = TimeSpan.FromSeconds(2),
        CoalescingCallers = 100,
        CoalescingCarrierLatencies = [TimeSpan.Zero, TimeSpan.FromMilliseconds(100)],
        IngestShipments = 50,
        IngestPostgresShipments = 50,
        IngestDuration = TimeSpan.FromSeconds(1),
        IngestEventsPerSnapshot = [1, 10],
        IngestInFlight = [PostgresSchedulerDefaults.MaxConcurrency, SchedulerOptions.DefaultMaxConcurrency],
        CatchUpBacklog = 5_000,
        CatchUpShipments = 100,
        CatchUpWarmup = 1_000,
        CatchUpSettle = TimeSpan.FromSeconds(0.2),
        ScheduleShipments = 5_000,
        ScheduleBatchSize = 100,
        ScenarioTimeout = TimeSpan.FromMinutes(2),
    };
}
