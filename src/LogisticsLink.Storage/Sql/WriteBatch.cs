namespace LogisticsLink.Storage.Sql;

/// <summary>
/// What the writes of one group-commit transaction share, so that work needed once per transaction (signalling other
/// nodes) is done once, not once per write.
/// </summary>
internal sealed class WriteBatch
{
    /// <summary>The highest change-log sequence appended in this transaction; 0 when none.</summary>
    public long LastSequence { get; set; }
}
