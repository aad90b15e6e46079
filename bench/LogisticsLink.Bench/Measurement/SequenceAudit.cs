namespace LogisticsLink.Bench.Measurement;

/// <summary>
/// Compares what a subscriber received with what it should have received in a window of the change log:
/// every expected sequence exactly once, nothing else, in increasing order.
/// </summary>
public sealed record SequenceAudit(long Expected, long Received, long Missing, long Duplicated, long Unexpected)
{
    public bool Clean => Missing == 0 && Duplicated == 0 && Unexpected == 0;

    public static SequenceAudit Compare(IReadOnlyCollection<long> expected, IEnumerable<long> received)
    {
        var want = expected as IReadOnlySet<long> ?? expected.ToHashSet();
        var seen = new HashSet<long>();
        long count = 0, duplicated = 0, unexpected = 0;
        foreach (var sequence in received)
        {
            count++;
            if (!seen.Add(sequence))
            {
                duplicated++;
            }
            else if (!want.Contains(sequence))
            {
                unexpected++;
            }
        }
        var missing = want.Count(s => !seen.Contains(s));
        return new SequenceAudit(want.Count, count, missing, duplicated, unexpected);
    }

    public SequenceAudit Plus(SequenceAudit other) => new(
        Expected + other.Expected, Received + other.Received, Missing + other.Missing,
        Duplicated + other.Duplicated, Unexpected + other.Unexpected);

    public static readonly SequenceAudit None = new(0, 0, 0, 0, 0);
}
