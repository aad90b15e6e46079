using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Risks;

/// <summary>
/// When a shipment's flags must be judged again although nothing happens to it: the first instant after now at which a
/// flag that time alone makes true could be raised — DELAYED when the promise passes undelivered, STALLED when the last
/// scan grows older than its status allows, NO_VALID_TRACKING when the grace for a first scan runs out. Null when none
/// can. A terminal EXPIRED parcel is never polled, and a node may run without the scheduler: without this time a sweep
/// could not find them. It is a hint, not a verdict (<see cref="ShipmentRisks"/> decides): a judgement that finds
/// nothing new costs one evaluation, and the next time is always after the judgement, so a hint never repeats.
/// </summary>
public static class RiskClock
{
    // The flags are raised once now is past a limit, not at it.
    private static readonly TimeSpan JustPast = TimeSpan.FromTicks(1);

    public static DateTimeOffset? NextCheck(ShipmentState s, DateTimeOffset now, RiskRules rules)
    {
        DateTimeOffset? next = null;
        if (s.PromisedBy is { } promise && ShipmentRisks.AwaitsDelivery(s))
        {
            next = Earliest(next, DateOnlyPromise.Deadline(promise) + JustPast, now);
        }
        if (rules.StalledAfter(s.Status) is { } limit && s.LastEventAt is { } lastScan)
        {
            next = Earliest(next, lastScan + limit + JustPast, now);
        }
        if (ShipmentRisks.AwaitsFirstScan(s))
        {
            next = Earliest(next, s.CreatedAt + rules.ValidTrackingGrace + JustPast, now);
        }
        return next;
    }

    /// <summary>
    /// The time to store: the one already stored while it is still ahead and no later than <paramref name="next"/>. A
    /// check earlier than needed costs one judgement that finds nothing and stores the exact time, while moving the
    /// time on every new scan (a stall limit runs from the last scan) would rewrite its index entry on every refresh.
    /// </summary>
    public static DateTimeOffset? Keep(DateTimeOffset? stored, DateTimeOffset? next, DateTimeOffset now) =>
        stored is { } kept && kept > now && next is { } exact && kept <= exact ? kept : next;

    /// <summary>A limit already past was judged with the state: only one still ahead is a reason to look again.</summary>
    private static DateTimeOffset? Earliest(DateTimeOffset? next, DateTimeOffset candidate, DateTimeOffset now) =>
        candidate > now && (next is null || candidate < next) ? candidate : next;
}
