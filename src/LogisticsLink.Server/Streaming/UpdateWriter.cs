using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Grpc.Core;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// Writes a WatchShipments stream's messages straight into the response body as gRPC length-prefixed frames, and
/// sends them only on <see cref="FlushAsync"/>, so a burst of updates (a replay batch, a drained queue) costs one
/// send instead of one per message. Frames are built in a pooled buffer and copied into the body once per flush: the
/// body's own GetSpan/Advance lock the HTTP/2 stream on every call.
/// <para>
/// A logged change is framed from its stored bytes without parsing them: a ShipmentUpdate is field 1 (sequence, varint)
/// and field 2 (the ShipmentChange, length-delimited), and the stored payload is that ShipmentChange. Its
/// <c>committed_at</c> (field 5) is appended after the payload (an order's entry is field 4, an OrderChange, whose
/// <c>committed_at</c> is field 2): protobuf merges a repeated occurrence of a message field
/// into the first, and both of its fields are written even when zero, so the appended value is the one a reader sees.
/// Frames are uncompressed (flag 0), which is valid whatever encoding the call negotiated.
/// </para>
/// <para>
/// Only <see cref="FlushAsync"/> can wait (HTTP/2 flow control), so only it is guarded by the write timeout: one token
/// source serves every flush of the call, armed before and disarmed after, so a fast flush allocates nothing.
/// </para>
/// </summary>
internal sealed class UpdateWriter : IDisposable
{
    private const int FrameHeaderSize = 5;
    private const byte SequenceTag = (1 << 3) | 0;      // ShipmentUpdate.sequence, varint
    private const byte ChangeTag = (2 << 3) | 2;        // ShipmentUpdate.change, length-delimited
    private const byte CommittedAtTag = (5 << 3) | 2;   // ShipmentChange.committed_at, length-delimited
    private const byte OrderChangeTag = (4 << 3) | 2;   // ShipmentUpdate.order_change, length-delimited
    private const byte OrderCommittedAtTag = (2 << 3) | 2; // OrderChange.committed_at, length-delimited
    private const byte SecondsTag = (1 << 3) | 0;       // Timestamp.seconds, varint
    private const byte NanosTag = (2 << 3) | 0;         // Timestamp.nanos, varint
    private const int MaxVarintSize = 10;

    private readonly PipeWriter _body;
    private readonly PooledBufferWriter _frames = new();
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _callToken;
    private readonly CancellationTokenSource _flush;
    private readonly CancellationTokenRegistration _link;

    public UpdateWriter(PipeWriter body, TimeSpan timeout, TimeProvider time, CancellationToken callToken)
    {
        _body = body;
        _timeout = timeout;
        _callToken = callToken;
        _flush = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _link = callToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _flush);
    }

    /// <summary>Messages buffered since the last flush.</summary>
    public int Buffered { get; private set; }

    /// <summary>Bytes buffered since the last flush, frame headers included.</summary>
    public int BufferedBytes => _frames.WrittenCount;

    /// <summary>Buffers a message built in memory (heartbeats, snapshots).</summary>
    public void Buffer(ShipmentUpdate update)
    {
        var size = update.CalculateSize();
        WriteFrameHeader(size);
        update.WriteTo(_frames);
        Buffered++;
    }

    /// <summary>Buffers a logged change from its stored payload, unparsed.</summary>
    public void Buffer(ChangeRecord change)
    {
        var (seconds, nanos) = UnixTime(change.CommittedAt);
        var timestampSize = 1 + CodedOutputStream.ComputeInt64Size(seconds) + 1 + CodedOutputStream.ComputeInt32Size(nanos);
        var changeSize = change.Payload.Length + 1 + CodedOutputStream.ComputeLengthSize(timestampSize) + timestampSize;
        var sequence = (ulong)change.Sequence;
        var size = 1 + CodedOutputStream.ComputeUInt64Size(sequence) + 1 + CodedOutputStream.ComputeLengthSize(changeSize) + changeSize;
        WriteFrameHeader(size);

        var head = _frames.GetSpan(2 + 2 * MaxVarintSize);
        var n = 0;
        head[n++] = SequenceTag;
        n += WriteVarint(head[n..], sequence);
        // An order's log entry is an OrderChange: the same framing under its own field numbers.
        var isOrder = change.Kinds.HasFlag(Domain.Tracking.ChangeKinds.OrderChanged);
        head[n++] = isOrder ? OrderChangeTag : ChangeTag;
        n += WriteVarint(head[n..], (uint)changeSize);
        _frames.Advance(n);

        _frames.Write(change.Payload);

        var tail = _frames.GetSpan(4 + 3 * MaxVarintSize);
        n = 0;
        tail[n++] = isOrder ? OrderCommittedAtTag : CommittedAtTag;
        n += WriteVarint(tail[n..], (uint)timestampSize);
        tail[n++] = SecondsTag;
        n += WriteVarint(tail[n..], (ulong)seconds);
        tail[n++] = NanosTag;
        n += WriteVarint(tail[n..], (uint)nanos);
        _frames.Advance(n);
        Buffered++;
    }

    /// <summary>Sends everything buffered; fails with <see cref="WriteTimeoutException"/> when the client stops reading.</summary>
    public async Task FlushAsync()
    {
        _body.Write(_frames.WrittenSpan);
        _frames.Reset();
        _flush.CancelAfter(_timeout);
        FlushResult result;
        try
        {
            result = await _body.FlushAsync(_flush.Token);
        }
        catch (OperationCanceledException) when (!_callToken.IsCancellationRequested)
        {
            throw new WriteTimeoutException();
        }
        if (!_flush.TryReset() || result.IsCanceled)
        {
            _callToken.ThrowIfCancellationRequested();
            throw new WriteTimeoutException();
        }
        if (result.IsCompleted)
        {
            // The response was completed under us: the client went away (before the call's token said so).
            throw new RpcException(new Status(StatusCode.Cancelled, "The client stopped reading the stream."));
        }
        Buffered = 0;
    }

    public void Dispose()
    {
        _link.Dispose();
        _flush.Dispose();
        _frames.Dispose();
    }

    private void WriteFrameHeader(int messageSize)
    {
        var header = _frames.GetSpan(FrameHeaderSize);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)messageSize);
        _frames.Advance(FrameHeaderSize);
    }

    private static int WriteVarint(Span<byte> span, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        return i;
    }

    private static (long Seconds, int Nanos) UnixTime(DateTimeOffset instant)
    {
        var (seconds, ticks) = Math.DivRem(instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerSecond);
        if (ticks < 0)
        {
            seconds--;
            ticks += TimeSpan.TicksPerSecond;
        }
        return (seconds, (int)(ticks * TimeSpan.NanosecondsPerTick));
    }
}

/// <summary>The client stopped reading for longer than the write timeout.</summary>
public sealed class WriteTimeoutException : Exception;
