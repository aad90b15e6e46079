namespace LogisticsLink.Domain.Tracking;

/// <summary>Tunable business rules for <see cref="Tracker"/>.</summary>
public sealed record TrackerRules(TimeSpan ExpireUnknownAfter)
{
    /// <summary>A number the carrier still does not know after 30 days is given up on.</summary>
    public static readonly TrackerRules Default = new(TimeSpan.FromDays(30));
}
