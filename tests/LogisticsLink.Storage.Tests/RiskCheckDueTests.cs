using LogisticsLink.Domain.Shipments;
using LogisticsLink.Storage.Tests.Support;
using static LogisticsLink.Storage.Tests.Support.TestData;

namespace LogisticsLink.Storage.Tests;

/// <summary>
/// ListRiskChecksDueAsync: the shipments whose time-driven flags may have come due. Due means RiskCheckAt &lt;= now,
/// whichever tenant; the time is stored with every commit, moved and cleared like any other column.
/// </summary>
public sealed class RiskCheckDueTests
{
    [Fact]
    public async Task Only_shipments_due_at_or_before_now_are_listed_longest_due_first_across_tenants_at_most_max()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var slightlyLate = Shipment("1") with { RiskCheckAt = T0.AddMinutes(-1) };
        var future = Shipment("2") with { RiskCheckAt = T0.AddTicks(1) };
        var veryLate = Shipment("3", TenantB) with { RiskCheckAt = T0.AddDays(-2) };
        var never = Shipment("4") with { RiskCheckAt = null };
        var exactlyNow = Shipment("5") with { RiskCheckAt = T0 };
        foreach (var s in new[] { slightlyLate, future, veryLate, never, exactlyNow })
        {
            await store.CommitAsync(Insert(s), Ct);
        }

        var due = await store.ListRiskChecksDueAsync(T0, 100, Ct);
        var firstTwo = await store.ListRiskChecksDueAsync(T0, 2, Ct);

        StateAssert.Ids([veryLate, slightlyLate, exactlyNow], due.Select(d => d.State));
        StateAssert.Equal(veryLate, due[0].State);
        StateAssert.Ids([veryLate, slightlyLate], firstTwo.Select(d => d.State));
        Assert.Equal(0, await store.GetHeadSequenceAsync(Ct)); // listing is a read
    }

    [Fact]
    public async Task A_commit_moves_or_clears_the_risk_check_and_a_moved_one_is_due_only_at_its_new_time()
    {
        await using var db = new TestDatabase();
        var store = await db.OpenAsync();
        var state = Shipment("1") with { RiskCheckAt = T0.AddHours(-1) };
        await store.CommitAsync(Insert(state), Ct);

        await store.CommitAsync(Update(state with { RiskCheckAt = T0.AddHours(1) }, 1, state.Status), Ct);
        Assert.Empty(await store.ListRiskChecksDueAsync(T0, 10, Ct));
        Assert.Single(await store.ListRiskChecksDueAsync(T0.AddHours(1), 10, Ct));
        Assert.Equal(T0.AddHours(1), (await store.FindAsync(TenantA, state.Id, Ct))!.State.RiskCheckAt);

        await store.CommitAsync(Update(state with { RiskCheckAt = null }, 2, state.Status), Ct);
        Assert.Empty(await store.ListRiskChecksDueAsync(T0.AddDays(30), 10, Ct));
        Assert.Null((await store.FindAsync(TenantA, state.Id, Ct))!.State.RiskCheckAt);

        await store.CommitAsync(Update(state with { RiskCheckAt = T0.AddMinutes(-5) }, 3, state.Status), Ct);
        Assert.Equal(state.Id, Assert.Single(await store.ListRiskChecksDueAsync(T0, 10, Ct)).State.Id);
    }
}
