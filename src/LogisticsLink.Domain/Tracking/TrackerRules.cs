using LogisticsLink.Domain.Risks;

namespace LogisticsLink.Domain.Tracking;

/// <summary>Tunable business rules for <see cref="Tracker"/>.</summary>
public sealed record TrackerRules(TimeSpan ExpireUnknownAfter)
{
    public RiskRules Risks { get; init; } = RiskRules.Default;

    /// <summary>A number the carrier still does not know after 30 days is given up on.</summary>
    public static readonly TrackerRules Default = new(TimeSpan.FromDays(30));
}
