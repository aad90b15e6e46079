using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// Flags that time alone makes true come without anything touching the shipment: on a real server and database with
/// a fake clock and the refresh scheduler off, an EXPIRED parcel (terminal, never polled again) gets DELAYED, on the
/// shipment, in the change log and on its order, once its order's promise passes.
/// </summary>
public sealed class TimeDrivenRisksTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Promise = Start.AddDays(2);
    private static readonly OrderLink Link = new("shopify", "5820007001");

    [Fact]
    public async Task A_promise_passing_on_an_expired_parcel_raises_delayed_without_a_poll()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await FakeClockServer.StartAsync(clock, new Dictionary<string, string>
            {
                // Nothing polls: only the passing of time can bring the flag.
                ["Scheduler:Enabled"] = "false",
                ["Scheduler:ExpireUnknownAfter"] = "1.00:00:00",
                ["Orders:SweepInterval"] = "00:10:00",
            });
        var (linker, tracker, store) = (server.Get<OrderLinker>(), server.Get<ShipmentTracker>(), server.Get<IShipmentStore>());
        // Scenario 7's number is never known to the carrier.
        var (_, shipments, _) = await linker.UpsertAsync(Tenant, new ImportedOrder(
            Link.Channel, Link.OrderId, FulfillmentChannel.Merchant, "FULFILLED", "", "en", Start.AddDays(-1), Start.AddHours(12), Promise, null,
            [new ImportedPackage("sandbox", "Sandbox", Numbers.Sandbox(7), Start)], ListsEveryPackage: true), CancellationToken.None);
        var id = Assert.Single(shipments).Id;
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        var expired = await tracker.RefreshAsync((await store.FindAsync(Tenant, id, CancellationToken.None))!);
        Assert.Equal(TrackingStatus.Expired, expired.State.Status);
        Assert.DoesNotContain(expired.State.Risks, r => r.Kind == RiskKind.Delayed);
        var head = await store.GetHeadSequenceAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(2));

        await Eventually.UntilAsync(async () =>
            (await store.FindAsync(Tenant, id, CancellationToken.None))!.State.Risks.Any(r => r.Kind == RiskKind.Delayed),
            "the expired parcel is flagged DELAYED");
        var shipment = (await store.FindAsync(Tenant, id, CancellationToken.None))!.State;
        Assert.Equal(TrackingStatus.Expired, shipment.Status);
        var delayed = Assert.Single(shipment.Risks, r => r.Kind == RiskKind.Delayed);
        Assert.Equal(Promise, delayed.Since);
        var changes = await store.ReadChangesAsync(new ChangeQuery(Tenant, [id], []), head, 100, CancellationToken.None);
        Assert.Contains(changes, c => (c.Kinds & ChangeKinds.RisksChanged) != 0);
        var orders = server.Get<IOrderStore>();
        await Eventually.UntilAsync(async () =>
            (await orders.FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State.Risks.Any(r => r.Kind == RiskKind.Delayed),
            "the order is flagged DELAYED");
    }
}
