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
        using var heartbeat = new HeartbeatTimer(settings.HeartbeatInterval, time, token);
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
                        await writer.WriteAsync(ChangeMessages.Snapshot(shipment, position, now), flush: true);
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
                if (subscriber.Reader.TryRead(out var first))
                {
                    position = await DrainAsync(subscriber, first, position, writer);
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
                if (!await heartbeat.WaitAsync(subscriber.Reader))
                {
                    await writer.WriteAsync(ChangeMessages.Heartbeat(position, time.GetUtcNow()), flush: true);
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
            await writer.WriteAsync(ChangeMessages.ToUpdate(change), flush: true);
            position = change.Sequence;
        }
        return (position, batch.Count == batchSize);
    }

    /// <summary>
    /// Writes every update already queued, buffered, and flushes once with the last: one frame burst and one socket
    /// send for however many changes arrived since the last wait. Returns the new position.
    /// </summary>
    private static async Task<long> DrainAsync(
        Subscriber subscriber, (long Sequence, ShipmentUpdate Update) first, long position, GuardedWriter writer)
    {
        var pending = first.Sequence > position ? first : default;
        while (subscriber.Reader.TryRead(out var next))
        {
            if (next.Sequence <= Math.Max(position, pending.Sequence))
            {
                continue;
            }
            if (pending.Update is not null)
            {
                await writer.WriteAsync(pending.Update, flush: false);
                position = pending.Sequence;
            }
            pending = next;
        }
        if (pending.Update is not null)
        {
            await writer.WriteAsync(pending.Update, flush: true);
            position = pending.Sequence;
        }
        return position;
    }
}

/// <summary>
/// The idle timer of one call: armed before each wait for an update, disarmed when one arrives, so a busy stream
/// reuses one timer instead of creating one per message. It fires only when the wait lasted a whole interval.
/// </summary>
internal sealed class HeartbeatTimer : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly CancellationToken _callToken;
    private CancellationTokenSource _idle;
    private CancellationTokenRegistration _link;

    public HeartbeatTimer(TimeSpan interval, TimeProvider time, CancellationToken callToken)
    {
        _interval = interval;
        _time = time;
        _callToken = callToken;
        (_idle, _link) = Arm();
    }

    /// <summary>True when an update is ready; false when the interval passed first (time for a heartbeat).</summary>
    public async Task<bool> WaitAsync<T>(ChannelReader<T> reader)
    {
        _idle.CancelAfter(_interval);
        bool ready;
        try
        {
            ready = await reader.WaitToReadAsync(_idle.Token);
        }
        catch (OperationCanceledException) when (!_callToken.IsCancellationRequested)
        {
            Renew();
            return false;
        }
        if (!_idle.TryReset())
        {
            // The interval ended just as the update arrived: deliver the update; the next wait gets a fresh timer.
            _callToken.ThrowIfCancellationRequested();
            Renew();
        }
        // False from WaitToReadAsync means the hub completed the queue: the server is shutting down.
        return ready ? true : throw new ChannelClosedException();
    }

    public void Dispose()
    {
        _link.Dispose();
        _idle.Dispose();
    }

    private (CancellationTokenSource, CancellationTokenRegistration) Arm()
    {
        var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        return (idle, _callToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), idle));
    }

    /// <summary>A cancelled source cannot be reset: replace it (once per heartbeat, not per message).</summary>
    private void Renew()
    {
        Dispose();
        (_idle, _link) = Arm();
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

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    /// <summary>
    /// Writes one message; with <paramref name="flush"/> false it stays in the response buffer (BufferHint) until a
    /// later write flushes, so a burst of messages costs one send.
    /// </summary>
    public async Task WriteAsync(ShipmentUpdate update, bool flush)
    {
        _stream.WriteOptions = flush ? WriteOptions.Default : Buffered;
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
