using System.Threading.Channels;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Tests.Streaming;

/// <summary>
/// The hub marks a subscriber overflowed when its queue is full, and from then on offers it nothing; the call notices
/// the mark only once it has read its queue empty. Whatever the order of the two, the call must not be left waiting on
/// an empty queue with the mark set.
/// </summary>
public sealed class SubscriberOverflowTests
{
    [Fact]
    public async Task A_call_that_empties_its_queue_while_the_hub_marks_the_overflow_is_woken()
    {
        var queue = new ReadWhenFull(capacity: 1);
        var subscriber = new Subscriber("tenant", new HashSet<string>(), new HashSet<TrackingStatus>(), queue);

        subscriber.Offer(Change(1));
        subscriber.Offer(Change(2));

        Assert.True(subscriber.Overflowed);
        Assert.Equal([1L], queue.ReadByTheCall);
        // Woken: the call reads its queue again, then finds the mark and catches up from the log after sequence 1.
        Assert.True(subscriber.Reader.WaitToReadAsync().IsCompleted);
        Assert.True(await subscriber.Reader.WaitToReadAsync());
    }

    [Fact]
    public void A_queue_still_full_keeps_its_changes_for_the_call_to_read_before_the_mark()
    {
        var subscriber = new Subscriber("tenant", new HashSet<string>(), new HashSet<TrackingStatus>(), capacity: 1);

        subscriber.Offer(Change(1));
        subscriber.Offer(Change(2));
        subscriber.Offer(Change(3));

        Assert.True(subscriber.Overflowed);
        Assert.True(subscriber.Reader.TryRead(out var first));
        Assert.Equal(1, first.Sequence);
        Assert.False(subscriber.Reader.TryRead(out _));
    }

    private static ChangeRecord Change(long sequence) =>
        new(sequence, "tenant", "shp_1", ChangeKinds.StatusChanged, TrackingStatus.InTransit, TrackingStatus.Delivered, 2,
            DateTimeOffset.UnixEpoch, []);

    /// <summary>A bounded queue whose reader (the call) reads everything at the moment a write finds it full.</summary>
    private sealed class ReadWhenFull : Channel<ChangeRecord>
    {
        private readonly Channel<ChangeRecord> _inner;

        public ReadWhenFull(int capacity)
        {
            _inner = Channel.CreateBounded<ChangeRecord>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
            Reader = _inner.Reader;
            Writer = new Full(this);
        }

        public List<long> ReadByTheCall { get; } = [];

        private sealed class Full(ReadWhenFull queue) : ChannelWriter<ChangeRecord>
        {
            public override bool TryWrite(ChangeRecord item)
            {
                if (queue._inner.Writer.TryWrite(item))
                {
                    return true;
                }
                while (queue._inner.Reader.TryRead(out var read))
                {
                    queue.ReadByTheCall.Add(read.Sequence);
                }
                return false;
            }

            public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
                queue._inner.Writer.WaitToWriteAsync(cancellationToken);

            public override bool TryComplete(Exception? error = null) => queue._inner.Writer.TryComplete(error);
        }
    }
}
