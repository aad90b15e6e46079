using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Tracking;

/// <summary>
/// The order in which every store lists a history: the later <see cref="TrackingEvent.EffectiveAt"/> first, then at
/// one instant the further along (out for delivery and delivered at 14:00 is delivered), then the later ingested, then
/// the de-duplication key in descending byte order of its UTF-8 (code point order): every tie broken, so that what is
/// newest is the same whether it was read from a store or worked out in memory.
/// </summary>
public sealed class NewestFirst : IComparer<TrackingEvent>
{
    public static readonly NewestFirst Order = new();

    private NewestFirst()
    {
    }

    public int Compare(TrackingEvent? x, TrackingEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var order = y.EffectiveAt.CompareTo(x.EffectiveAt);
        if (order == 0)
        {
            order = y.Status.Progress().CompareTo(x.Status.Progress());
        }
        if (order == 0)
        {
            order = y.IngestedAt.CompareTo(x.IngestedAt);
        }
        return order != 0 ? order : ByCodePoint(y.DedupKey, x.DedupKey);
    }

    /// <summary>UTF-8 byte order, which differs from UTF-16's ordinal order above U+D7FF.</summary>
    private static int ByCodePoint(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }
            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
