using System.Collections.Concurrent;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using FulfillmentChannel = LogisticsLink.Domain.Orders.FulfillmentChannel;
using TrackingEvent = LogisticsLink.Domain.Shipments.TrackingEvent;
using TrackingLocation = LogisticsLink.Domain.Shipments.TrackingLocation;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// A parcel that leaves its order because the marketplace no longer lists it (a cancelled Shopify fulfillment, a voided
/// label, an eBay fulfillment removed): one the carrier never scanned is a label nobody will send, and is no longer
/// polled (it would be asked about until it expired after 30 days); one already on its way, or one a caller tracks on
/// its own, still is. Listed again, it is polled again.
/// </summary>
public sealed class DroppedParcelPollingTests
{
    private const string Tenant = "tenant-a";
    private const string OrderId = "5829990061";
    private const string Voided = "1Z999AA10123456784";
    private const string Moving = "1Z999AA10123456793";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_label_the_carrier_never_scanned_is_no_longer_polled_once_its_fulfillment_is_cancelled()
    {
        var (clock, ups) = (new FakeTimeProvider(Start), new UpsDouble(Moving));
        await using var server = await StartAsync(clock, ups);
        var linker = server.Get<OrderLinker>();
        await linker.UpsertAsync(Tenant, Listing(Voided, Moving), CancellationToken.None);
        await HoursAsync(server, clock, 4);
        Assert.True(ups.Asked[Voided] > 0 && ups.Asked[Moving] > 0);

        // Both fulfillments cancelled: the label was voided, the other parcel had left already.
        await linker.UpsertAsync(Tenant, Listing(), CancellationToken.None);
        var (voidedAsked, movingAsked) = (ups.Asked[Voided], ups.Asked[Moving]);
        await HoursAsync(server, clock, 24 * 7);

        Assert.Equal(voidedAsked, ups.Asked[Voided]);
        Assert.True(ups.Asked[Moving] > movingAsked);
        var store = server.Get<IShipmentStore>();
        var voided = (await store.FindByNumberAsync(Tenant, "ups", Voided, CancellationToken.None))!.State;
        Assert.Equal((OrderLink.None, (DateTimeOffset?)null), (voided.Order, voided.NextCheckAt));

        // The fulfillment is created again with the same number: polled again.
        await linker.UpsertAsync(Tenant, Listing(Voided), CancellationToken.None);
        await HoursAsync(server, clock, 24);
        Assert.True(ups.Asked[Voided] > voidedAsked);
    }

    [Fact]
    public async Task A_label_a_caller_tracks_itself_is_still_polled_once_its_marketplace_drops_it()
    {
        var (clock, ups) = (new FakeTimeProvider(Start), new UpsDouble());
        await using var server = await StartAsync(clock, ups);
        await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Voided });
        var linker = server.Get<OrderLinker>();
        await linker.UpsertAsync(Tenant, Listing(Voided), CancellationToken.None);
        await HoursAsync(server, clock, 4);

        await linker.UpsertAsync(Tenant, Listing(), CancellationToken.None);
        var asked = ups.Asked[Voided];
        await HoursAsync(server, clock, 24 * 3);

        Assert.True(ups.Asked[Voided] > asked);
    }

    [Fact]
    public async Task A_dropped_label_a_caller_then_tracks_is_polled_again()
    {
        var (clock, ups) = (new FakeTimeProvider(Start), new UpsDouble());
        await using var server = await StartAsync(clock, ups);
        var linker = server.Get<OrderLinker>();
        await linker.UpsertAsync(Tenant, Listing(Voided), CancellationToken.None);
        await HoursAsync(server, clock, 4);
        await linker.UpsertAsync(Tenant, Listing(), CancellationToken.None);
        var asked = ups.Asked[Voided];

        await server.Client().TrackShipmentAsync(new TrackShipmentRequest { Carrier = "ups", TrackingNumber = Voided });
        await HoursAsync(server, clock, 24);

        Assert.True(ups.Asked[Voided] > asked);
    }

    private static Task<TestServer> StartAsync(FakeTimeProvider clock, UpsDouble ups) =>
        // The test runs the scheduler's passes itself.
        FakeClockServer.StartAsync(clock, new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            s => s.AddSingleton<ICarrierClient>(ups));

    /// <summary>A Shopify order as its import lists it: every live fulfillment's number.</summary>
    private static ImportedOrder Listing(params string[] numbers) =>
        new("shopify", OrderId, FulfillmentChannel.Merchant, numbers.Length == 0 ? "UNFULFILLED" : "FULFILLED", "", "en",
            Start.AddDays(-1), null, Start.AddDays(5), null,
            numbers.Select(n => new ImportedPackage("ups", "UPS", n, Start)).ToList(), ListsEveryPackage: true);

    private static async Task HoursAsync(TestServer server, FakeTimeProvider clock, int hours)
    {
        var scheduler = server.Services.GetServices<IHostedService>().OfType<RefreshScheduler>().Single();
        var settings = server.Get<IOptions<SchedulerOptions>>().Value;
        for (var hour = 0; hour < hours; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await scheduler.RunDueAsync(settings, CancellationToken.None);
        }
    }

    /// <summary>UPS as it answers: the parcels it carries are on their way; a voided label it never saw is not found.</summary>
    private sealed class UpsDouble(params string[] moving) : ICarrierClient
    {
        public ConcurrentDictionary<string, int> Asked { get; } = new(StringComparer.Ordinal);
        public string Code => "ups";
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
        {
            Asked.AddOrUpdate(request.TrackingNumber, 1, (_, n) => n + 1);
            if (!moving.Contains(request.TrackingNumber))
            {
                return Task.FromResult(CarrierResult.Success(CarrierSnapshot.NotFound()));
            }
            var scan = new TrackingEvent(
                Start.AddHours(1), TrackingStatus.InTransit, "in_transit.departed", "Departed facility", "DP",
                new TrackingLocation("Louisville", "KY", "40209", "US"), "poll", default);
            return Task.FromResult(CarrierResult.Success(new CarrierSnapshot(null, [scan])));
        }
    }
}
