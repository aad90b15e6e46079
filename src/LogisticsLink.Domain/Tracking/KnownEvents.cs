using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// What applying a snapshot needs from a shipment's stored history, without the history itself: which of the
/// snapshot's scans are already stored (their de-duplication keys; keys of other stored scans may be left out), the
/// newest stored scan (by <see cref="TrackingEvent.EffectiveAt"/>, then the furthest along, then the latest ingested) and when the latest
/// stored delivery scan occurred (its <see cref="TrackingEvent.EffectiveAt"/>). A store can answer this with key lookups, whatever the length of the history.
/// </summary>
public sealed record KnownEvents(IReadOnlySet<string> DedupKeys, TrackingEvent? Newest, DateTimeOffset? LatestDeliveredAt)
{
    public static readonly KnownEvents None = new(new HashSet<string>(StringComparer.Ordinal), null, null);

    /// <summary>The same facts computed from a whole history (any order; the first of equally new scans is the newest).</summary>
    public static KnownEvents Of(IEnumerable<TrackingEvent> history)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        TrackingEvent? newest = null;
        DateTimeOffset? delivered = null;
        foreach (var e in history)
        {
            keys.Add(e.DedupKey);
            if (newest is null || e.EffectiveAt > newest.EffectiveAt)
            {
                newest = e;
            }
            if (e.Status == TrackingStatus.Delivered && (delivered is null || e.EffectiveAt > delivered))
            {
                delivered = e.EffectiveAt;
            }
        }
        return new KnownEvents(keys, newest, delivered);
    }
}
