namespace LogisticsLink.Storage.Sql;

/// <summary>
/// What the writes of one group-commit transaction share, so that work needed once per transaction (taking the
/// change-log append lock, signalling other nodes) is done once, not once per write.
/// </summary>
internal sealed class WriteBatch
{
    /// <summary>
    /// The transaction holds the dialect's append lock. Cleared when a write is rolled back to its savepoint: a lock
    /// taken inside that write was released with it, and taking it again is harmless.
    /// </summary>
    public bool AppendSerialized { get; set; }

    /// <summary>The highest change-log sequence appended in this transaction; 0 when none.</summary>
    public long LastSequence { get; set; }
}
