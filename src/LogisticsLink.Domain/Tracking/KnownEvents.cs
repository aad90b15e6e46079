using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// What applying a snapshot needs from a shipment's stored history, without the history itself: the de-duplication
/// keys of every stored scan, the newest stored scan (in <see cref="NewestFirst"/> order, as a store lists the history)
/// and when the latest stored delivery scan occurred (its <see cref="TrackingEvent.EffectiveAt"/>). A store can answer
/// this with one read of the keys, whatever the length of the history, and a tracker that just stored new scans can
/// work out the next one itself (<see cref="With"/>).
/// </summary>
public sealed record KnownEvents(IReadOnlySet<string> DedupKeys, TrackingEvent? Newest, DateTimeOffset? LatestDeliveredAt)
{
    public static readonly KnownEvents None = new(new HashSet<string>(StringComparer.Ordinal), null, null);

    /// <summary>
    /// The facts once <paramref name="stored"/>, scans whose keys were not stored yet (a snapshot's new scans), are
    /// stored too: exactly what the store would answer then, the newest included however the scans tie.
    /// </summary>
    public KnownEvents With(IReadOnlyCollection<TrackingEvent> stored)
    {
        if (stored.Count == 0)
        {
            return this;
        }
        var keys = new HashSet<string>(DedupKeys, StringComparer.Ordinal);
        var newest = Newest;
        var delivered = LatestDeliveredAt;
        foreach (var e in stored)
        {
            keys.Add(e.DedupKey);
            if (newest is null || NewestFirst.Order.Compare(e, newest) < 0)
            {
                newest = e;
            }
            if (e.Status == TrackingStatus.Delivered && (delivered is null || e.EffectiveAt > delivered))
            {
                delivered = e.EffectiveAt;
            }
        }
        return new KnownEvents(keys, ReferenceEquals(newest, Newest) ? newest : newest!.AsStored(), delivered);
    }

    /// <summary>The same facts computed from a whole history, in any order.</summary>
    public static KnownEvents Of(IEnumerable<TrackingEvent> history) => None.With(history.ToList());
}
