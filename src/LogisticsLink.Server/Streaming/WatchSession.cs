using System.Threading.Channels;
using Grpc.Core;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// Serves one WatchShipments call: replay from the log, then live from the hub, with no gap and no duplicate at the
/// seam. The subscriber is registered before the log is read, so any change is either in the log when it is read or
/// offered live afterwards (or both: then the sequence check drops the second copy). When the live queue overflows the
/// call simply goes back to the log, so a slow reader loses nothing and costs the hub nothing.
/// </summary>
public sealed class WatchSession(
    IShipmentStore store, ChangeHub hub, IOptions<StreamOptions> options, TimeProvider time)
{
    public async Task RunAsync(
        Subscriber subscriber, long resumeAfter, Func<Task<IReadOnlyList<Shipment>>>? snapshot,
        IServerStreamWriter<ShipmentUpdate> stream, CancellationToken callToken)
    {
        var settings = options.Value;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(callToken, hub.Stopping);
        var token = lifetime.Token;
        using var writer = new GuardedWriter(stream, settings.WriteTimeout, time, token);
        var position = resumeAfter;
        try
        {
            if (resumeAfter == 0)
            {
                // Start live: what is already in the log is history the caller did not ask for.
                position = await store.GetHeadSequenceAsync(token);
                if (snapshot is not null)
                {
                    var now = time.GetUtcNow();
                    foreach (var shipment in await snapshot())
                    {
                        await writer.WriteAsync(ChangeMessages.Snapshot(shipment, position, now));
                    }
                }
            }
            var catchingUp = resumeAfter != 0;
            while (true)
            {
                if (catchingUp)
                {
                    (position, catchingUp) = await ReplayAsync(subscriber, position, writer, token);
                    continue;
                }
                var published = hub.LastPublished;
                if (subscriber.Reader.TryRead(out var item))
                {
                    if (item.Sequence > position)
                    {
                        await writer.WriteAsync(item.Update);
                        position = item.Sequence;
                    }
                    continue;
                }
                if (subscriber.Overflowed)
                {
                    subscriber.ResetOverflow();
                    catchingUp = true;
                    continue;
                }
                // The queue is empty and nothing was dropped: every matching change up to `published` was delivered.
                position = Math.Max(position, published);
                if (!await WaitForUpdateAsync(subscriber, settings.HeartbeatInterval, token))
                {
                    await writer.WriteAsync(ChangeMessages.Heartbeat(position, time.GetUtcNow()));
                }
            }
        }
        catch (Exception e) when (hub.Stopping.IsCancellationRequested && !callToken.IsCancellationRequested && e is OperationCanceledException or ChannelClosedException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The server is shutting down. Resume with resume_after_sequence = {position}."));
        }
        catch (WriteTimeoutException)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"The client did not read for {settings.WriteTimeout}. Resume with resume_after_sequence = {position}."));
        }
    }

    private async Task<(long Position, bool CatchingUp)> ReplayAsync(
        Subscriber subscriber, long position, GuardedWriter writer, CancellationToken token)
    {
        var batchSize = options.Value.ReplayBatchSize;
        var batch = await store.ReadChangesAsync(subscriber.Query, position, batchSize, token);
        foreach (var change in batch)
        {
            await writer.WriteAsync(ChangeMessages.ToUpdate(change));
            position = change.Sequence;
        }
        return (position, batch.Count == batchSize);
    }

    /// <summary>True when an update is ready; false when the heartbeat interval passed first.</summary>
    private async Task<bool> WaitForUpdateAsync(Subscriber subscriber, TimeSpan heartbeat, CancellationToken token)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delay = Task.Delay(heartbeat, time, idle.Token);
        var ready = subscriber.Reader.WaitToReadAsync(idle.Token).AsTask();
        var first = await Task.WhenAny(ready, delay);
        await idle.CancelAsync();
        token.ThrowIfCancellationRequested();
        if (first != ready)
        {
            return false;
        }
        // False from WaitToReadAsync means the hub completed the queue: the server is shutting down.
        return await ready ? true : throw new ChannelClosedException();
    }
}

/// <summary>The client stopped reading for longer than the write timeout.</summary>
public sealed class WriteTimeoutException : Exception;

/// <summary>
/// Writes to a stream, giving up when one write takes longer than the timeout. One token source serves every write of
/// the call: armed before a write, disarmed after, so the common fast write allocates nothing.
/// </summary>
internal sealed class GuardedWriter : IDisposable
{
    private readonly IServerStreamWriter<ShipmentUpdate> _stream;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _callToken;
    private readonly CancellationTokenSource _write;
    private readonly CancellationTokenRegistration _link;

    public GuardedWriter(IServerStreamWriter<ShipmentUpdate> stream, TimeSpan timeout, TimeProvider time, CancellationToken callToken)
    {
        _stream = stream;
        _timeout = timeout;
        _callToken = callToken;
        _write = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _link = callToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _write);
    }

    public async Task WriteAsync(ShipmentUpdate update)
    {
        _write.CancelAfter(_timeout);
        try
        {
            await _stream.WriteAsync(update, _write.Token);
        }
        catch (OperationCanceledException) when (!_callToken.IsCancellationRequested)
        {
            throw new WriteTimeoutException();
        }
        if (!_write.TryReset())
        {
            _callToken.ThrowIfCancellationRequested();
            throw new WriteTimeoutException();
        }
    }

    public void Dispose()
    {
        _link.Dispose();
        _write.Dispose();
    }
}
