using LogisticsLink.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// What makes a stream position verifiable: the commit time of the change at a sequence, and the head's, read back
/// exactly as a stream sends them (to the tick, on every store), so a client's saved pair matches the log it came from.
/// </summary>
public sealed class LogPositionTests
{
    [Fact]
    public async Task The_commit_time_of_a_change_is_read_back_by_its_sequence_to_the_tick_even_after_reopening()
    {
        await using var db = new TestDatabase();
        // Seven ticks past a whole microsecond: a store keeping microseconds would lose them.
        var clock = new FakeTimeProvider(T0.AddTicks(7 - T0.UtcTicks % 10));
        var store = await db.OpenAsync(clock);
        var first = await store.CommitAsync(Insert(Shipment("1Z001"), PayloadFor("a")), Ct);
        clock.Advance(TimeSpan.FromTicks(3));
        var second = await store.CommitAsync(Insert(Shipment("1Z002"), PayloadFor("b")), Ct);

        store = await db.ReopenAsync(store);

        Assert.Equal(7, first.CommittedAt.UtcTicks % 10);
        var logged = await store.ReadChangesAsync(ChangeQuery.All, 0, 10, Ct);
        Assert.Equal(logged.Select(c => (DateTimeOffset?)c.CommittedAt), [
            await store.GetCommittedAtAsync(first.Sequence, Ct),
            await store.GetCommittedAtAsync(second.Sequence, Ct),
        ]);
        Assert.Equal(first.CommittedAt.UtcTicks, (await store.GetCommittedAtAsync(first.Sequence, Ct))!.Value.UtcTicks);
        Assert.Equal(second.CommittedAt.UtcTicks, (await store.GetCommittedAtAsync(second.Sequence, Ct))!.Value.UtcTicks);
    }

    [Fact]
    public async Task A_sequence_the_log_has_no_change_at_has_no_commit_time()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var committed = await store.CommitAsync(Insert(Shipment("1Z001"), PayloadFor("a")), Ct);

        Assert.Null(await store.GetCommittedAtAsync(0, Ct));
        Assert.Null(await store.GetCommittedAtAsync(committed.Sequence + 1, Ct));
    }

    [Fact]
    public async Task The_head_is_the_newest_change_with_its_commit_time_and_nothing_when_the_log_is_empty()
    {
        await using var db = new TestDatabase();
        var clock = new FakeTimeProvider(T0);
        var store = await db.OpenAsync(clock);

        Assert.Equal(new LogPosition(0, null), await store.GetHeadAsync(Ct));

        await store.CommitAsync(Insert(Shipment("1Z001"), PayloadFor("a")), Ct);
        clock.Advance(TimeSpan.FromTicks(1_234));
        var newest = await store.CommitAsync(Insert(Shipment("1Z002"), PayloadFor("b")), Ct);
        await store.CommitAsync(Insert(Shipment("1Z003"), payload: null), Ct);

        Assert.Equal(new LogPosition(newest.Sequence, newest.CommittedAt), await store.GetHeadAsync(Ct));
        Assert.Equal(newest.Sequence, await store.GetHeadSequenceAsync(Ct));
    }
}
