using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// A status that comes without a carrier call (Amazon's FBA/MCF status on an imported package) schedules the next
/// carrier check as a poll's answer would: a parcel it brings back from EXPIRED is polled again.
/// </summary>
public sealed class AmazonStatusSchedulingTests
{
    private const string Tenant = "tenant-a";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_expired_parcel_revived_by_amazons_status_is_scheduled_again()
    {
        var clock = new FakeTimeProvider(Start);
        // The test applies every carrier answer itself: the scheduler must not poll meanwhile.
        await using var server = await FakeClockServer.StartAsync(clock,
            new Dictionary<string, string> { ["Scheduler:Enabled"] = "false", ["Scheduler:ExpireUnknownAfter"] = "1.00:00:00" });
        var (tracker, linker, store) = (server.Get<ShipmentTracker>(), server.Get<OrderLinker>(), server.Get<IShipmentStore>());
        var number = Numbers.Sandbox();
        var registered = await tracker.RegisterAsync(Tenant, "sandbox", number, OrderLink.None, ShipmentState.EmptyLabels, byCaller: true, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        var expired = await tracker.ApplyPushedAsync(registered, CarrierSnapshot.NotFound(), CancellationToken.None);
        Assert.Equal(TrackingStatus.Expired, expired.State.Status);
        Assert.Null(expired.State.NextCheckAt);

        await linker.UpsertAsync(Tenant, FbaOrder(number, TrackingStatus.InTransit), CancellationToken.None);

        var revived = (await store.FindByNumberAsync(Tenant, "sandbox", number, CancellationToken.None))!.State;
        Assert.Equal(TrackingStatus.InTransit, revived.Status);
        Assert.NotNull(revived.NextCheckAt);
        Assert.True(revived.NextCheckAt > clock.GetUtcNow());
    }

    private static ImportedOrder FbaOrder(string number, TrackingStatus amazonStatus) => new(
        "amazon", "113-0000000-0000001", FulfillmentChannel.Amazon, "Shipped", "ATVPDKIKX0DER", "en", Start.AddDays(-1), Start,
        Start.AddDays(5), null, [new ImportedPackage("sandbox", "Sandbox", number, Start, AmazonStatus: amazonStatus)]);
}
