using System.Collections.Concurrent;
using System.Data.Common;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// Group commit: a writer queues its work, then whoever holds the write lock runs every queued write in one
/// transaction and pays one commit, one log flush, for all of them; one failing write fails alone (see
/// <see cref="CommitBatchAsync"/>). Nobody is told "done" before the transaction holding their write has committed.
/// </summary>
/// <param name="beforeWrites">Runs once per transaction before its writes, e.g. to take a lock that must come first.</param>
/// <param name="beforeCommit">Runs once per transaction after its writes, e.g. to signal what it appended.</param>
/// <param name="optimistic">
/// Run a batch without savepoints first and again with them only when a write failed. Only for a database whose
/// rolled-back transaction gives its change-log sequences back (SQLite's AUTOINCREMENT does, PostgreSQL's identity
/// does not: the retry would leave holes in the log).
/// </param>
/// <param name="savepointsRideAlong">
/// Send each write's savepoint statements in the round trip of its first statement (<see cref="WriteSavepoints"/>), for
/// a database whose write transactions hold a lock every node waits for; its connections must not use a
/// <see cref="PreparedCommands"/> cache.
/// </param>
internal sealed class GroupCommitter(
    int maxBatch, Func<Task<GroupCommitter.Connection>> acquire,
    Func<SqlSession, Task>? beforeWrites = null, Func<SqlSession, Task>? beforeCommit = null, bool optimistic = false,
    bool savepointsRideAlong = false)
    : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _queue = new();

    /// <summary>A connection for one batch; <see cref="Release"/> is called when the batch is over.</summary>
    public sealed record Connection(DbConnection Db, PreparedCommands? Prepared, Func<ValueTask> Release);

    public async Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite(async session => await work(session));
        _queue.Enqueue(pending);
        // Once queued, the write will run: waiting is bounded by the batch in progress, so it is not cancellable.
        await _lock.WaitAsync(CancellationToken.None);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                await CommitBatchAsync();
            }
        }
        finally
        {
            _lock.Release();
        }
        return (T)(await pending.Done.Task)!;
    }

    /// <summary>Runs <paramref name="work"/> alone, between batches.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task CommitBatchAsync()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < maxBatch && _queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            // A write alone needs no savepoint either way: its failure leaves the transaction uncommitted.
            // Writes rarely fail, so (optimistic) first all together with no savepoint, two statements fewer per write.
            // When one fails nothing is committed, and the batch runs again with each write in its own savepoint, so
            // that only the failing write fails.
            if (!await RunAsync(batch, results, errors, isolated: !optimistic && batch.Count > 1))
            {
                Array.Clear(results);
                await RunAsync(batch, results, errors, isolated: true);
            }
        }
        catch (Exception e)
        {
            // The transaction did not commit: nothing of this batch is stored.
            for (var i = 0; i < batch.Count; i++)
            {
                errors[i] ??= e;
            }
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                batch[i].Done.SetException(error);
            }
            else
            {
                batch[i].Done.SetResult(results[i]);
            }
        }
    }

    /// <summary>
    /// Runs the batch in one transaction and commits it. Not <paramref name="isolated"/>: returns false, committing
    /// nothing, when a write of several fails (a write alone just throws). Isolated: a failing write is rolled back to
    /// its savepoint and its error recorded, and the others commit.
    /// </summary>
    private async Task<bool> RunAsync(List<PendingWrite> batch, object?[] results, Exception?[] errors, bool isolated)
    {
        var connection = await acquire();
        try
        {
            await using var tx = await connection.Db.BeginTransactionAsync();
            var shared = new WriteBatch();
            var savepoints = new WriteSavepoints(savepointsRideAlong);
            if (beforeWrites is not null)
            {
                await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                await beforeWrites(session);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                if (!isolated)
                {
                    try
                    {
                        results[i] = await batch[i].Work(session);
                    }
                    catch (Exception) when (batch.Count > 1)
                    {
                        return false;
                    }
                    continue;
                }
                await savepoints.BeginAsync(session);
                try
                {
                    results[i] = await batch[i].Work(session);
                    await savepoints.ReleaseAsync(session);
                }
                catch (Exception e)
                {
                    errors[i] = e;
                    await savepoints.RollBackAsync(session);
                }
            }
            if (beforeCommit is not null)
            {
                await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                await beforeCommit(session);
            }
            await tx.CommitAsync();
            return true;
        }
        finally
        {
            await connection.Release();
        }
    }

    private sealed class PendingWrite(Func<SqlSession, Task<object?>> work)
    {
        public Func<SqlSession, Task<object?>> Work => work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
