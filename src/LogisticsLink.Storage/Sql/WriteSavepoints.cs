namespace LogisticsLink.Storage.Sql;

/// <summary>
/// The savepoint around each write of a group-commit transaction run isolated, so that a failing write is rolled back
/// alone. One instance per transaction; its writes come one after another.
/// <para>
/// Riding along: a write's SAVEPOINT, and the RELEASE of the write before it, are not sent on their own but in the
/// round trip of the write's first statement, ahead of it, and the last write's RELEASE is left to COMMIT: two round
/// trips fewer per write, for a database whose write transactions hold a lock that every node's writes wait for
/// (PostgreSQL's change-log append lock). Needs a driver that runs the statements of one command text in order, counts
/// only the rows of those that change any, and reads results from those that return rows (Npgsql does).
/// </para>
/// <para>
/// Successive savepoints alternate between two names. A write's savepoint rides with its first command, so when that
/// command fails it may have failed before the SAVEPOINT ran (or before anything reached the database), the previous
/// write's savepoint still there unreleased: under one name, rolling back would undo the previous write, which has been
/// counted as done. Under the other name the rollback finds no such savepoint and fails, and the whole transaction with
/// it: nothing of the batch is stored, and no write of it is reported done.
/// </para>
/// </summary>
internal sealed class WriteSavepoints(bool rideAlong)
{
    private const string First = "write_a";
    private const string Second = "write_b";

    private string _current = First;
    // A savepoint whose write is done and whose RELEASE rides with the next write's first statement.
    private string? _unreleased;

    public async Task BeginAsync(SqlSession session)
    {
        _current = _unreleased == First ? Second : First;
        if (!rideAlong)
        {
            await session.ExecuteAsync($"SAVEPOINT {_current}");
            return;
        }
        session.SendAhead(_unreleased is null ? $"SAVEPOINT {_current}" : $"RELEASE SAVEPOINT {_unreleased}; SAVEPOINT {_current}");
    }

    /// <summary>The write succeeded: what it stored stays in the transaction.</summary>
    public async Task ReleaseAsync(SqlSession session)
    {
        if (!rideAlong)
        {
            await session.ExecuteAsync($"RELEASE SAVEPOINT {_current}");
        }
        else if (session.SentAhead)
        {
            _unreleased = _current;
        }
        // Else the write sent no statement, and so no savepoint: the previous write's RELEASE still waits for the next.
    }

    /// <summary>The write failed: what it stored is undone, and the transaction can go on with the next write.</summary>
    public async Task RollBackAsync(SqlSession session)
    {
        if (!rideAlong)
        {
            await session.ExecuteAsync($"ROLLBACK TO SAVEPOINT {_current}");
            await session.ExecuteAsync($"RELEASE SAVEPOINT {_current}");
            return;
        }
        if (!session.SentAhead)
        {
            // It failed before sending a statement: nothing to undo.
            return;
        }
        // The RELEASE of the write before went out with this write's first statement.
        _unreleased = null;
        await session.ExecuteAsync($"ROLLBACK TO SAVEPOINT {_current}; RELEASE SAVEPOINT {_current}");
    }
}
