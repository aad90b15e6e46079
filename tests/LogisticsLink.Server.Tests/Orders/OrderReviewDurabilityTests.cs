using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// A shipment change that its order was not judged on yet is not forgotten: the mark that the order needs judging is
/// stored with the shipment's change, so a restart before the judgement, or a judgement that failed, is made good by
/// the order sweep. Here a parcel past its promise (the order DELAYED) is delivered, and the order must lose DELAYED.
/// </summary>
public sealed class OrderReviewDurabilityTests
{
    private const string Tenant = "tenant-a";
    private static readonly OrderLink Link = new("shopify", "5820007101");

    [Fact]
    public async Task An_order_not_judged_before_a_restart_is_judged_by_the_sweep_after_it()
    {
        var folder = TestServer.NewDataFolder();
        var settings = new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" };
        await using (var before = await TestServer.StartAsync(folder, settings, services: WithoutOrderReviewer))
        {
            var now = DateTimeOffset.UtcNow;
            var id = await ImportLateOrderAsync(before, now);
            Assert.Contains(await OrderRisksAsync(before), r => r.Kind == RiskKind.Delayed);

            await DeliverAsync(before, id);

            // The process stops with the order's judgement still to do (here: nothing was there to do it).
            Assert.Contains(await OrderRisksAsync(before), r => r.Kind == RiskKind.Delayed);
            await before.StopAsync();
        }

        await using var after = await TestServer.StartAsync(folder, settings);

        await Eventually.UntilAsync(async () => (await OrderRisksAsync(after)).All(r => r.Kind != RiskKind.Delayed),
            "the delivered order is judged again and loses DELAYED");
    }

    [Fact]
    public async Task A_judgement_that_failed_is_made_again_at_the_next_sweep()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        OrderStoreGate? gate = null;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeClockServer.StartAsync(clock, new Dictionary<string, string>
            {
                ["Scheduler:Enabled"] = "false",
                ["Orders:SweepInterval"] = "00:10:00",
            },
            services => gate = OrderStoreGate.Install(services));
        var id = await ImportLateOrderAsync(server, clock.GetUtcNow());
        Assert.Contains(await OrderRisksAsync(server), r => r.Kind == RiskKind.Delayed);
        // The import's own marks judged first: one still queued would judge the order again right after the failure.
        await Eventually.UntilAsync(async () => !(await server.Get<IOrderStore>().FindReviewMarkAsync(
            Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Pending, "the import's marks are judged");
        // The first judgement after the delivery fails to store (a database error, say).
        gate!.BeforeEach(nameof(IOrderStore.CommitOrderAsync), args =>
            ((OrderCommit)args[0]!).State.Risks.All(r => r.Kind != RiskKind.Delayed) && failed.TrySetResult()
                ? throw new InvalidOperationException("The database went away.")
                : Task.CompletedTask);

        await DeliverAsync(server, id);
        await failed.Task.WaitAsync(Eventually.DefaultTimeout);
        Assert.Contains(await OrderRisksAsync(server), r => r.Kind == RiskKind.Delayed);
        clock.Advance(TimeSpan.FromMinutes(10));

        await Eventually.UntilAsync(async () => (await OrderRisksAsync(server)).All(r => r.Kind != RiskKind.Delayed),
            "the order is judged again at the sweep and loses DELAYED");
    }

    [Fact]
    public async Task An_order_write_that_read_a_shipment_before_its_change_is_decided_again()
    {
        var (server, gate) = await StartGatedAsync();
        await using var _ = server;
        var now = DateTimeOffset.UtcNow;
        var linker = server.Get<OrderLinker>();
        var order = new ImportedOrder(Link.Channel, Link.OrderId, FulfillmentChannel.Merchant, "FULFILLED", "", "en", now.AddDays(-1),
            now.AddDays(1), now.AddDays(5), null, [new ImportedPackage("sandbox", "Sandbox", Numbers.Sandbox(0), now)], ListsEveryPackage: true);
        var id = Assert.Single((await linker.UpsertAsync(Tenant, order, CancellationToken.None)).Shipments).Id;
        await ChangeStatusAsync(server, id, TrackingStatus.Exception);
        var (reached, release) = HoldFirstOrderWrite(gate);

        // An import decides the order while the parcel shows the exception, and is held before it stores that.
        var import = linker.UpsertAsync(Tenant, order with { Status = "ON_HOLD", Packages = [], ListsEveryPackage = false }, CancellationToken.None);
        await reached.Task.WaitAsync(Eventually.DefaultTimeout);
        // Meanwhile the parcel is delivered, and the order is judged on that (with nothing to change).
        await ChangeStatusAsync(server, id, TrackingStatus.Delivered);
        await linker.ReassessAsync(Tenant, Link, CancellationToken.None);
        release.SetResult();
        await import;

        var stored = (await server.Get<IOrderStore>().FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State;
        Assert.Equal("ON_HOLD", stored.Status);
        Assert.DoesNotContain(stored.Risks, r => r.Kind == RiskKind.Exception);
    }

    [Fact]
    public async Task A_new_order_whose_parcel_changed_before_its_insert_is_decided_again()
    {
        var (server, gate) = await StartGatedAsync();
        await using var _ = server;
        var now = DateTimeOffset.UtcNow;
        var (reached, release) = HoldFirstOrderWrite(gate);

        // The first import links its parcel, decides the new order on it, and is held before it stores that.
        var import = server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder(Link.Channel, Link.OrderId, FulfillmentChannel.Merchant,
            "FULFILLED", "", "en", now.AddDays(-1), now.AddDays(1), now.AddDays(5), null,
            [new ImportedPackage("sandbox", "Sandbox", Numbers.Sandbox(0), now)], ListsEveryPackage: true), CancellationToken.None);
        await reached.Task.WaitAsync(Eventually.DefaultTimeout);
        // Meanwhile the parcel runs into trouble: no order is stored yet to mark.
        var id = Assert.Single(await server.Get<IOrderStore>().ListOrderShipmentsAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Id;
        await ChangeStatusAsync(server, id, TrackingStatus.Exception);
        release.SetResult();
        await import;

        var stored = (await server.Get<IOrderStore>().FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State;
        Assert.Contains(stored.Risks, r => r.Kind == RiskKind.Exception);
    }

    [Fact]
    public async Task An_order_whose_parcel_changes_during_every_judgement_is_still_judged()
    {
        var (server, gate) = await StartGatedAsync();
        await using var _ = server;
        var now = DateTimeOffset.UtcNow;
        var id = await ImportLateOrderAsync(server, now);
        await ScanAsync(server, id, now.AddMinutes(-30));
        // From here on a new scan lands between every judgement's reads and its write (a busy parcel, a slow database).
        var churn = true;
        var scans = 0;
        gate.BeforeEach(nameof(IOrderStore.CommitOrderAsync), _ => churn ? ScanAsync(server, id, now.AddMinutes(-29 + scans++)) : Task.CompletedTask);

        await server.Get<OrderLinker>().ReassessAsync(Tenant, Link, CancellationToken.None);
        churn = false;

        // Decided on the parcel's exception although every write came after a newer scan; nothing is left to judge.
        Assert.True(scans > 0);
        Assert.Contains(await OrderRisksAsync(server), r => r.Kind == RiskKind.Exception);
        Assert.False((await server.Get<IOrderStore>().FindReviewMarkAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Pending);
    }

    // The linker's two reasons to go round again are bounded apart: judging again because a parcel changed meanwhile is
    // not a lost write, and does not use up the tries a write conflict after it is owed.
    [Fact]
    public async Task An_order_judged_again_for_each_parcel_change_still_retries_a_write_conflict_that_follows()
    {
        var (server, gate) = await StartGatedAsync();
        await using var _ = server;
        var id = await ImportLateOrderAsync(server, DateTimeOffset.UtcNow);
        await MarkAsync(server, id);
        // Each judgement finds nothing to change, and a parcel change lands before it is recorded (judge again): four
        // that leave the order as it was, then the parcel's delivery, which the next judgement must store.
        var rounds = 0;
        gate.BeforeEach(nameof(IOrderStore.RecordReviewedAsync), _ => ++rounds switch
        {
            < 5 => MarkAsync(server, id),
            5 => DeliverAsync(server, id),
            _ => Task.CompletedTask,
        });
        // That write then loses once to another writer of the order (another node's review).
        var contended = 1;
        gate.BeforeEach(nameof(IOrderStore.CommitOrderAsync), _ => Interlocked.Exchange(ref contended, 0) == 1 ? AnotherWriterAsync(server) : Task.CompletedTask);

        await server.Get<OrderLinker>().ReassessAsync(Tenant, Link, CancellationToken.None);

        Assert.Equal(5, rounds);
        Assert.Equal(0, contended);
        Assert.DoesNotContain(await OrderRisksAsync(server), r => r.Kind == RiskKind.Delayed);
        Assert.False((await server.Get<IOrderStore>().FindReviewMarkAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Pending);
    }

    // The other way round: writes lost to other writers do not use up the rounds owed to a parcel change after them.
    [Fact]
    public async Task An_order_whose_writes_lost_to_other_writers_is_judged_again_for_a_parcel_change_after_them()
    {
        var (server, gate) = await StartGatedAsync();
        await using var _ = server;
        var now = DateTimeOffset.UtcNow;
        var id = await ImportLateOrderAsync(server, now);
        await ScanAsync(server, id, now.AddMinutes(-30));
        // The judgement's first five writes lose to another writer of the order; before the sixth, the parcel is delivered,
        // so that write stores a judgement on the parcel as it was, and the order is to be judged again.
        var writes = 0;
        gate.BeforeEach(nameof(IOrderStore.CommitOrderAsync), _ => ++writes switch
        {
            < 6 => AnotherWriterAsync(server),
            6 => DeliverAsync(server, id),
            _ => Task.CompletedTask,
        });

        await server.Get<OrderLinker>().ReassessAsync(Tenant, Link, CancellationToken.None);

        Assert.Equal(7, writes);
        Assert.DoesNotContain(await OrderRisksAsync(server), r => r.Kind == RiskKind.Delayed);
        Assert.False((await server.Get<IOrderStore>().FindReviewMarkAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None)).Pending);
    }

    /// <summary>
    /// A change of the parcel that leaves its order's judgement as it was (a scan of a parcel still on its way) marks the
    /// order to be judged again, as <see cref="ShipmentTracker"/> does for any change that can matter to it.
    /// </summary>
    private static async Task MarkAsync(TestServer server, string shipmentId)
    {
        var store = server.Get<IShipmentStore>();
        var stored = (await store.FindAsync(Tenant, shipmentId, CancellationToken.None))!;
        await store.CommitAsync(new ShipmentCommit(stored.State, stored.Revision, [], ChangeKinds.None, stored.State.Status, null)
        {
            OrdersToReview = [Link],
        }, CancellationToken.None);
    }

    /// <summary>Another writer commits the order as it is stored, so a write that read it before loses.</summary>
    private static async Task AnotherWriterAsync(TestServer server)
    {
        // The server's own store, not the gated one: this write is not one of the judgement's.
        var store = (IOrderStore)server.Get<IShipmentStore>();
        var held = (await store.FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!;
        await store.CommitOrderAsync(new OrderCommit(held.State, held.Revision, null), CancellationToken.None);
    }

    /// <summary>A new exception scan for the parcel, at <paramref name="at"/>.</summary>
    private static Task ScanAsync(TestServer server, string shipmentId, DateTimeOffset at) =>
        ChangeAsync(server, shipmentId, new CarrierSnapshot(null,
            [new TrackingEvent(at, TrackingStatus.Exception, "", "Held at depot", "X", TrackingLocation.Unknown, "", at)]));

    private static async Task<(TestServer Server, OrderStoreGate Gate)> StartGatedAsync()
    {
        OrderStoreGate? gate = null;
        var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s =>
            {
                WithoutOrderReviewer(s);
                gate = OrderStoreGate.Install(s);
            });
        return (server, gate!);
    }

    /// <summary>Holds the first order write until <c>Release</c> is set; <c>Reached</c> completes once it is held.</summary>
    private static (TaskCompletionSource Reached, TaskCompletionSource Release) HoldFirstOrderWrite(OrderStoreGate gate)
    {
        var held = 1;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.BeforeEach(nameof(IOrderStore.CommitOrderAsync), async _ =>
        {
            if (Interlocked.Exchange(ref held, 0) == 1)
            {
                reached.SetResult();
                await release.Task;
            }
        });
        return (reached, release);
    }

    private static void WithoutOrderReviewer(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ImplementationType == typeof(OrderReviewer)));

    /// <summary>An order promised for yesterday whose one parcel is on its way: DELAYED. The parcel's id.</summary>
    private static async Task<string> ImportLateOrderAsync(TestServer server, DateTimeOffset now)
    {
        var (_, shipments, _) = await server.Get<OrderLinker>().UpsertAsync(Tenant, new ImportedOrder(
            Link.Channel, Link.OrderId, FulfillmentChannel.Merchant, "FULFILLED", "", "en", now.AddDays(-4), now.AddDays(-3), now.AddDays(-1), null,
            [new ImportedPackage("sandbox", "Sandbox", Numbers.Sandbox(0), now.AddDays(-3))], ListsEveryPackage: true), CancellationToken.None);
        return Assert.Single(shipments).Id;
    }

    private static async Task DeliverAsync(TestServer server, string shipmentId)
    {
        var delivered = await ChangeStatusAsync(server, shipmentId, TrackingStatus.Delivered);
        Assert.DoesNotContain(delivered.Risks, r => r.Kind == RiskKind.Delayed);
    }

    private static async Task<ShipmentState> ChangeStatusAsync(TestServer server, string shipmentId, TrackingStatus status)
    {
        var changed = await ChangeAsync(server, shipmentId, new CarrierSnapshot(status, []));
        Assert.Equal(status, changed.Status);
        return changed;
    }

    private static async Task<ShipmentState> ChangeAsync(TestServer server, string shipmentId, CarrierSnapshot snapshot)
    {
        var stored = (await server.Get<IShipmentStore>().FindAsync(Tenant, shipmentId, CancellationToken.None))!;
        return (await server.Get<ShipmentTracker>().ChangeAsync(stored,
            (s, now, rules) => Tracker.Apply(s, [], snapshot, now, rules), CancellationToken.None)).State;
    }

    private static async Task<IReadOnlyList<RiskFlag>> OrderRisksAsync(TestServer server) =>
        (await server.Get<IOrderStore>().FindOrderAsync(Tenant, Link.Channel, Link.OrderId, CancellationToken.None))!.State.Risks;
}
