using System.Collections.Concurrent;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// LeaseDueAsync: what the scheduler refreshes next. Due means NextCheckAt &lt;= now; a leased shipment is handed to no
/// one else until its lease expires or its next commit releases it.
/// </summary>
public sealed class LeaseDueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Only_shipments_due_at_or_before_now_are_leased_most_overdue_first_across_tenants()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var now = T0;
        var slightlyLate = Shipment("1") with { NextCheckAt = now.AddMinutes(-1) };
        var future = Shipment("2") with { NextCheckAt = now.AddTicks(1) };
        var veryLate = Shipment("3", TenantB) with { NextCheckAt = now.AddDays(-2) };
        var never = Shipment("4") with { NextCheckAt = null };
        var exactlyNow = Shipment("5") with { NextCheckAt = now };
        var late = Shipment("6") with { NextCheckAt = now.AddHours(-3) };
        foreach (var s in new[] { slightlyLate, future, veryLate, never, exactlyNow, late })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        var due = await store.LeaseDueAsync(now, Lease, 100, Ct);

        StateAssert.Ids([veryLate, late, slightlyLate, exactlyNow], due.Select(d => d.State));
        StateAssert.Equal(veryLate, due[0].State);
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct)); // leasing is bookkeeping, not a change
    }

    [Fact]
    public async Task LeaseDueAsync_hands_out_at_most_max_and_the_most_overdue_first()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var states = Enumerable.Range(0, 5).Select(i => Shipment($"{i}") with { NextCheckAt = T0.AddMinutes(-10 * i) }).ToList();
        foreach (var s in states)
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        Assert.Empty(await store.LeaseDueAsync(T0, Lease, 0, Ct));
        var first = await store.LeaseDueAsync(T0, Lease, 2, Ct);
        var rest = await store.LeaseDueAsync(T0, Lease, 10, Ct);

        StateAssert.Ids([states[4], states[3]], first.Select(d => d.State));
        StateAssert.Ids([states[2], states[1], states[0]], rest.Select(d => d.State));
    }

    [Fact]
    public async Task A_shipment_without_next_check_is_never_due()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitAsync(Insert(Shipment("1") with { NextCheckAt = null }), Ct);

        Assert.Empty(await store.LeaseDueAsync(T0.AddYears(100), Lease, 100, Ct));
    }

    [Fact]
    public async Task A_leased_shipment_is_not_handed_out_again_until_the_lease_expires()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var s = Shipment("1") with { NextCheckAt = T0.AddMinutes(-1) };
        await store.CommitAsync(Insert(s), Ct);

        var leased = Assert.Single(await store.LeaseDueAsync(T0, Lease, 10, Ct));
        var whileHeld = await store.LeaseDueAsync(T0 + Lease - TimeSpan.FromTicks(1), Lease, 10, Ct);
        var afterExpiry = await store.LeaseDueAsync(T0 + Lease, Lease, 10, Ct);

        Assert.Equal(s.Id, leased.State.Id);
        Assert.Empty(whileHeld);
        var again = Assert.Single(afterExpiry);
        Assert.Equal(s.Id, again.State.Id);
        Assert.Equal(leased.Revision + 1, again.Revision);
    }

    [Fact]
    public async Task A_lease_survives_reopening_the_store()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        await store.CommitAsync(Insert(Shipment("1") with { NextCheckAt = T0 }), Ct);
        Assert.Single(await store.LeaseDueAsync(T0, Lease, 10, Ct));

        store = await db.ReopenAsync(store);

        Assert.Empty(await store.LeaseDueAsync(T0.AddMinutes(1), Lease, 10, Ct));
        Assert.Single(await store.LeaseDueAsync(T0 + Lease, Lease, 10, Ct));
    }

    [Fact]
    public async Task Leasing_bumps_the_revision_so_only_the_lease_holder_can_commit()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var s = Shipment("1") with { NextCheckAt = T0.AddMinutes(-1) };
        await store.CommitAsync(Insert(s), Ct);
        var readBeforeLease = await store.FindAsync(TenantA, s.Id, Ct);

        var leased = Assert.Single(await store.LeaseDueAsync(T0, Lease, 10, Ct));

        Assert.Equal(1, readBeforeLease!.Revision);
        Assert.Equal(2, leased.Revision);
        Assert.Equal(2, (await store.FindAsync(TenantA, s.Id, Ct))!.Revision);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.CommitAsync(Update(s with { ConsecutiveFailures = 9 }, readBeforeLease.Revision, s.Status), Ct));
        var holder = await store.CommitAsync(Update(s with { ConsecutiveFailures = 1 }, leased.Revision, s.Status), Ct);
        Assert.Equal(3, holder.Revision);
    }

    [Fact]
    public async Task The_next_commit_releases_the_lease()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var s = Shipment("1") with { NextCheckAt = T0.AddMinutes(-1) };
        await store.CommitAsync(Insert(s), Ct);
        var leased = Assert.Single(await store.LeaseDueAsync(T0, Lease, 10, Ct));

        // A refresh that failed and keeps the shipment due: the commit ends the lease at once.
        await store.CommitAsync(Update(s with { ConsecutiveFailures = 1 }, leased.Revision, s.Status), Ct);

        var again = Assert.Single(await store.LeaseDueAsync(T0.AddSeconds(1), Lease, 10, Ct));
        Assert.Equal(4, again.Revision); // insert 1, lease 2, commit 3, lease 4
        Assert.Equal(1, again.State.ConsecutiveFailures);
    }

    [Fact]
    public async Task Rescheduling_or_clearing_the_next_check_takes_a_shipment_off_the_due_list()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var a = Shipment("A") with { NextCheckAt = T0.AddMinutes(-5) };
        var b = Shipment("B") with { NextCheckAt = T0.AddMinutes(-1) };
        await store.CommitAsync(Insert(a), Ct);
        await store.CommitAsync(Insert(b), Ct);
        var due = await store.LeaseDueAsync(T0, Lease, 10, Ct);
        StateAssert.Ids([a, b], due.Select(d => d.State));

        // Bookkeeping commits (no change-log entry) with the revisions the lease returned.
        await store.CommitAsync(Update(a with { NextCheckAt = T0.AddHours(1), ConsecutiveFailures = 1 }, due[0].Revision, a.Status), Ct);
        await store.CommitAsync(Update(b with { NextCheckAt = null, Status = TrackingStatus.Delivered }, due[1].Revision, b.Status), Ct);

        Assert.Empty(await store.LeaseDueAsync(T0.AddMinutes(59), Lease, 10, Ct));
        var later = Assert.Single(await store.LeaseDueAsync(T0.AddHours(1), Lease, 10, Ct));
        Assert.Equal(a.Id, later.State.Id);
        Assert.Equal(1, later.State.ConsecutiveFailures);
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_leasers_get_each_due_shipment_exactly_once()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
        var due = Enumerable.Range(0, 40).Select(i => Shipment($"D{i:D2}") with { NextCheckAt = T0.AddSeconds(-i) }).ToList();
        foreach (var s in due)
        {
            await store.CommitAsync(Insert(s), ct);
        }

        var handedOut = new ConcurrentBag<string>();
        var leasers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            // Stops when nothing is left, or as soon as something was handed out twice (the assertion then fails).
            while (handedOut.Count <= due.Count && await store.LeaseDueAsync(T0, Lease, 3, ct) is { Count: > 0 } batch)
            {
                foreach (var d in batch)
                {
                    handedOut.Add(d.State.Id);
                }
            }
        }, ct));
        await Task.WhenAll(leasers);

        Assert.Equal(due.Select(s => s.Id).Order(), handedOut.Order());
    }
}
