using System.Collections.Concurrent;
using System.Data.Common;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// Group commit: a writer queues its work, then whoever holds the write lock runs every queued write in one
/// transaction (each in its own savepoint, so one failing write fails alone) and pays one commit, one log flush, for
/// all of them. Nobody is told "done" before the transaction holding their write has committed.
/// </summary>
/// <param name="beforeCommit">Runs once per transaction after its writes, e.g. to signal what it appended.</param>
internal sealed class GroupCommitter(
    int maxBatch, Func<Task<GroupCommitter.Connection>> acquire, Func<SqlSession, Task>? beforeCommit = null) : IDisposable
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
            var connection = await acquire();
            try
            {
                await using var tx = await connection.Db.BeginTransactionAsync();
                var shared = new WriteBatch();
                if (batch.Count == 1)
                {
                    // Alone in its transaction: a failure simply leaves it uncommitted, no savepoint needed.
                    await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                    results[0] = await batch[0].Work(session);
                }
                else
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                        await session.ExecuteAsync("SAVEPOINT write");
                        try
                        {
                            results[i] = await batch[i].Work(session);
                            await session.ExecuteAsync("RELEASE SAVEPOINT write");
                        }
                        catch (Exception e)
                        {
                            await session.ExecuteAsync("ROLLBACK TO SAVEPOINT write");
                            await session.ExecuteAsync("RELEASE SAVEPOINT write");
                            shared.AppendSerialized = false;
                            errors[i] = e;
                        }
                    }
                }
                if (beforeCommit is not null)
                {
                    await using var session = new SqlSession(connection.Db, tx, connection.Prepared, null, shared);
                    await beforeCommit(session);
                }
                await tx.CommitAsync();
            }
            finally
            {
                await connection.Release();
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

    private sealed class PendingWrite(Func<SqlSession, Task<object?>> work)
    {
        public Func<SqlSession, Task<object?>> Work => work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
