using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// Orders whose shipments changed are judged several at a time (Orders:ReviewConcurrency): one slow judgement (a slow
/// store, a lock) does not hold back every other order's flags.
/// </summary>
public sealed class OrderReviewConcurrencyTests
{
    private const string Tenant = "tenant-a";

    [Fact]
    public async Task An_order_is_judged_while_another_orders_judgement_is_held()
    {
        OrderStoreGate? gate = null;
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => gate = OrderStoreGate.Install(s));
        var slow = new OrderLink("shopify", "5820007201");
        var other = new OrderLink("shopify", "5820007202");
        var slowParcel = await ImportAsync(server, slow, 0);
        var otherParcel = await ImportAsync(server, other, 1);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate!.BeforeEach(nameof(IOrderStore.FindReviewMarkAsync), async args =>
        {
            if ((string)args[2]! == slow.OrderId)
            {
                held.TrySetResult();
                await release.Task;
            }
        });

        await ExceptionAsync(server, slowParcel);
        await held.Task.WaitAsync(Eventually.DefaultTimeout);
        await ExceptionAsync(server, otherParcel);

        try
        {
            await Eventually.UntilAsync(async () => (await RisksAsync(server, other)).Any(r => r.Kind == RiskKind.Exception),
                "the other order is judged while the first one's judgement is held");
            Assert.DoesNotContain(await RisksAsync(server, slow), r => r.Kind == RiskKind.Exception);
        }
        finally
        {
            release.SetResult();
        }
        await Eventually.UntilAsync(async () => (await RisksAsync(server, slow)).Any(r => r.Kind == RiskKind.Exception),
            "the held order is judged once released");
    }

    private static async Task<string> ImportAsync(TestServer server, OrderLink link, int parcel)
    {
        var now = DateTimeOffset.UtcNow;
        var (_, shipments, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder(
            link.Channel, link.OrderId, FulfillmentChannel.Merchant, "FULFILLED", "", "en", now.AddDays(-1), now.AddDays(1), now.AddDays(5), null,
            [new ImportedPackage("sandbox", "Sandbox", Numbers.Sandbox(parcel), now)], ListsEveryPackage: true), CancellationToken.None);
        return Assert.Single(shipments).Id;
    }

    private static async Task ExceptionAsync(TestServer server, string shipmentId)
    {
        var stored = (await server.Get<IShipmentStore>().FindAsync(Tenant, shipmentId, CancellationToken.None))!;
        await server.Get<ShipmentTracker>().ChangeAsync(stored,
            (s, now, rules) => Tracker.Apply(s, [], new CarrierSnapshot(TrackingStatus.Exception, []), now, rules), CancellationToken.None);
    }

    private static async Task<IReadOnlyList<RiskFlag>> RisksAsync(TestServer server, OrderLink link) =>
        (await server.Get<IOrderStore>().FindOrderAsync(Tenant, link.Channel, link.OrderId, CancellationToken.None))!.State.Risks;
}
