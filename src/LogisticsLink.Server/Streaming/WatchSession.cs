using System.Threading.Channels;
using System.IO.Pipelines;
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
    // A large snapshot or replay batch is sent in bursts, so the response buffer stays bounded and the write timeout
    // measures how long one burst waits for the client, not how long the whole of it takes over a slow link.
    private const int FlushEvery = 256;
    private const int FlushAboveBytes = 256 * 1024;

    /// <param name="subscriber">Registered before <paramref name="start"/> was read from the log.</param>
    /// <param name="start">
    /// The caller's resume position, or (<paramref name="startLive"/>) the log's head when it subscribed, with the commit
    /// time of the change at it.
    /// </param>
    public async Task RunAsync(
        Subscriber subscriber, LogPosition start, bool startLive, Func<CancellationToken, IAsyncEnumerable<Shipment>>? snapshot,
        PipeWriter body, CancellationToken callToken)
    {
        var position = start.Sequence;
        // The position a heartbeat last named, with its commit time: looked up once each time the position moved.
        var stamped = start;
        var settings = options.Value;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(callToken, hub.Stopping);
        var token = lifetime.Token;
        using var writer = new UpdateWriter(body, settings.WriteTimeout, time, token);
        using var heartbeat = new HeartbeatTimer(settings.HeartbeatInterval, time, token);
        SnapshotCoverage? covered = null;
        // A caller cut off inside its snapshot lacks the shipments not sent yet: resuming would never send them.
        var snapshotPending = snapshot is not null;
        try
        {
            if (snapshot is not null)
            {
                // Sent page by page as it is read: a tenant's whole fleet is never held in memory at once. Every item
                // carries the position the stream starts from, which is also where a caller cut off inside the
                // snapshot asks for it again (with the snapshot), so the order changes meanwhile are replayed.
                var now = time.GetUtcNow();
                var shown = new SnapshotCoverage.Builder();
                await foreach (var shipment in snapshot(token))
                {
                    shown.Add(shipment);
                    writer.Buffer(ChangeMessages.Snapshot(shipment, start, now));
                    if (BurstIsFull(writer))
                    {
                        await writer.FlushAsync();
                    }
                }
                covered = shown.Build(position, await store.GetHeadSequenceAsync(token));
                snapshotPending = false;
                await writer.FlushAsync();
            }
            if (startLive)
            {
                // What is already in the log up to the head is history the caller did not ask for. Tell the caller
                // where it starts: until its first change or heartbeat it would have no position to resume from, and
                // a reconnect with 0 would start live again, past whatever was committed meanwhile.
                writer.Buffer(ChangeMessages.Heartbeat(start, time.GetUtcNow()));
                await writer.FlushAsync();
            }
            var catchingUp = !startLive;
            while (true)
            {
                if (covered is not null && position >= covered.ReadThrough)
                {
                    covered = null;
                }
                if (catchingUp)
                {
                    // The position moves with every batch sent, so a call ended mid-replay names how far it got.
                    await ReplayAsync(subscriber, position, writer, covered, sent => position = sent, token);
                    catchingUp = false;
                    continue;
                }
                var published = hub.LastPublished;
                if (subscriber.Reader.TryRead(out var first))
                {
                    position = await DrainAsync(subscriber, first, position, writer, covered);
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
                    if (stamped.Sequence != position)
                    {
                        stamped = new LogPosition(position, await store.GetCommittedAtAsync(position, token));
                    }
                    writer.Buffer(ChangeMessages.Heartbeat(stamped, time.GetUtcNow()));
                    await writer.FlushAsync();
                }
            }
        }
        catch (Exception e) when (hub.Stopping.IsCancellationRequested && !callToken.IsCancellationRequested && e is OperationCanceledException or ChannelClosedException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, snapshotPending
                ? $"The server is shutting down before the snapshot was complete. Start again with send_snapshot = true and resume_after_sequence = {position}."
                : $"The server is shutting down. Resume with resume_after_sequence = {position}."));
        }
        catch (WriteTimeoutException)
        {
            // Kestrel has already reset the stream (a write abandoned mid-way cannot be finished), so this status only
            // reaches the server's own logs; the client resumes from the last update it read.
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"The client did not read for {settings.WriteTimeout}; its stream was reset, sent through sequence {position}."));
        }
    }

    private static bool BurstIsFull(UpdateWriter writer) => writer.Buffered >= FlushEvery || writer.BufferedBytes >= FlushAboveBytes;

    /// <summary>
    /// Replays the log after <paramref name="position"/> until a read comes back short, batch by batch, each framed
    /// from the stored bytes and sent in bursts. The next batch is read while the current one is sent, so the database
    /// and the network work side by side. <paramref name="sent"/> is told the position after each burst.
    /// </summary>
    private async Task ReplayAsync(
        Subscriber subscriber, long position, UpdateWriter writer, SnapshotCoverage? covered, Action<long> sent, CancellationToken token)
    {
        var batchSize = options.Value.ReplayBatchSize;
        var next = ReadAfter(position);
        while (true)
        {
            var batch = await next;
            if (batch.Count == 0)
            {
                return;
            }
            position = batch[^1].Sequence;
            var full = batch.Count == batchSize;
            if (full)
            {
                next = ReadAfter(position);
            }
            foreach (var change in batch)
            {
                if (covered?.Covers(change) != true)
                {
                    writer.Buffer(change);
                }
                if (BurstIsFull(writer))
                {
                    await writer.FlushAsync();
                    sent(change.Sequence);
                }
            }
            await writer.FlushAsync();
            sent(position);
            if (!full)
            {
                return;
            }
        }

        // On the thread pool: the SQLite provider reads synchronously, and the point is to overlap with the flush.
        Task<IReadOnlyList<ChangeRecord>> ReadAfter(long after) =>
            Task.Run(() => store.ReadChangesAsync(subscriber.Query, after, batchSize, token), token);
    }

    /// <summary>
    /// Sends every update already queued with one flush: one frame burst and one socket send for however many changes
    /// arrived since the last wait. Returns the new position.
    /// </summary>
    private static async Task<long> DrainAsync(
        Subscriber subscriber, ChangeRecord first, long position, UpdateWriter writer, SnapshotCoverage? covered)
    {
        var last = position;
        for (var change = first; change is not null; change = subscriber.Reader.TryRead(out var next) ? next : null)
        {
            if (change.Sequence > last)
            {
                if (covered?.Covers(change) != true)
                {
                    writer.Buffer(change);
                }
                last = change.Sequence;
            }
        }
        if (writer.Buffered > 0)
        {
            await writer.FlushAsync();
        }
        return last;
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
