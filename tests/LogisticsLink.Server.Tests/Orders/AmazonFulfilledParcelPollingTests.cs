using System.Collections.Concurrent;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// Parcels Amazon delivers itself for an FBA or MCF order (Amazon Logistics <c>TBA…</c>, Amazon's own <c>AFTN…</c>)
/// take their status from the Amazon import (the FBA shipments report, MCF package tracking) and are never asked of
/// the Amazon Shipping connector, which tracks only labels bought through Amazon Shipping: polling them would spend
/// its calls on "not found" answers, turn a package Amazon has not tracked yet NOT_FOUND and then EXPIRED, and mark it
/// stale when the call fails. An FBM package labelled through Amazon Shipping is polled as before.
/// </summary>
public sealed class AmazonFulfilledParcelPollingTests
{
    private const string Tenant = "tenant-a";
    private const string FbaOrderId = "113-5550021-0000000";
    private const string FbaNumber = "TBA401555002101";
    private const string McfOrderId = "S01-5550022-0000000";
    private const string McfNumber = "TBA402555002202";
    private const string McfAmazonNumber = "AFTN402555002203";
    private const string FbmOrderId = "113-5550023-0000000";
    private const string FbmNumber = "TBA403555002303";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_scheduler_asks_amazon_shipping_only_about_the_fbm_label()
    {
        var (clock, shipping) = (new FakeTimeProvider(Start), new AmazonShippingDouble(FbmNumber));
        await using var server = await StartAsync(clock, shipping);
        await ImportAsync(server);

        // Two days of scheduler passes, one an hour.
        for (var hour = 0; hour < 48; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await PassAsync(server);
        }

        Assert.Equal([FbmNumber], shipping.Asked.Keys);
        Assert.True(shipping.Asked[FbmNumber] > 1);
        var store = server.Get<IShipmentStore>();
        var fba = (await store.FindByNumberAsync(Tenant, "amazon", FbaNumber, CancellationToken.None))!.State;
        var mcf = (await store.FindByNumberAsync(Tenant, "amazon", McfNumber, CancellationToken.None))!.State;
        var awaitingTracking = (await store.FindByNumberAsync(Tenant, "amazon", McfAmazonNumber, CancellationToken.None))!.State;
        Assert.Equal((TrackingStatus.InTransit, false, (DateTimeOffset?)null), (fba.Status, fba.Stale, fba.NextCheckAt));
        Assert.Equal((TrackingStatus.InTransit, false, (DateTimeOffset?)null), (mcf.Status, mcf.Stale, mcf.NextCheckAt));
        // Amazon has not tracked this package yet: it waits for Amazon's status, neither NOT_FOUND nor EXPIRED.
        Assert.Equal((TrackingStatus.Pending, false, (DateTimeOffset?)null), (awaitingTracking.Status, awaitingTracking.Stale, awaitingTracking.NextCheckAt));
    }

    [Fact]
    public async Task A_caller_asking_for_a_fresh_status_does_not_send_an_fba_parcel_to_amazon_shipping()
    {
        var (clock, shipping) = (new FakeTimeProvider(Start), new AmazonShippingDouble(FbmNumber) { FailUnknown = true });
        await using var server = await StartAsync(clock, shipping);
        await ImportAsync(server);
        clock.Advance(TimeSpan.FromHours(1));
        var store = server.Get<IShipmentStore>();
        var fba = (await store.FindByNumberAsync(Tenant, "amazon", FbaNumber, CancellationToken.None))!;

        var refreshed = await server.Get<ShipmentTracker>().RefreshAsync(fba, freshEnoughSince: clock.GetUtcNow());

        Assert.Empty(shipping.Asked);
        Assert.Equal((TrackingStatus.InTransit, false), (refreshed.State.Status, refreshed.State.Stale));
    }

    [Fact]
    public async Task Fba_and_mcf_parcels_an_earlier_version_stored_stop_being_polled_at_their_next_check()
    {
        var (clock, shipping) = (new FakeTimeProvider(Start), new AmazonShippingDouble(FbmNumber));
        await using var server = await StartAsync(clock, shipping);
        // Stored before the importers marked Amazon's own parcels, and past the window a new read reaches back.
        await ImportAsync(server, asEarlierVersions: true);
        var store = server.Get<IShipmentStore>();
        Assert.NotNull((await store.FindByNumberAsync(Tenant, "amazon", FbaNumber, CancellationToken.None))!.State.NextCheckAt);

        for (var hour = 0; hour < 48; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await PassAsync(server);
        }

        Assert.Equal([FbmNumber], shipping.Asked.Keys);
        foreach (var number in new[] { FbaNumber, McfNumber, McfAmazonNumber })
        {
            var parcel = (await store.FindByNumberAsync(Tenant, "amazon", number, CancellationToken.None))!.State;
            Assert.Equal((true, false, (DateTimeOffset?)null), (parcel.NotPolled, parcel.Stale, parcel.NextCheckAt));
        }
        var fbm = (await store.FindByNumberAsync(Tenant, "amazon", FbmNumber, CancellationToken.None))!.State;
        Assert.Equal((false, TrackingStatus.InTransit), (fbm.NotPolled, fbm.Status));
        Assert.NotNull(fbm.NextCheckAt);
    }

    // Valid tracking is the seller's duty on the parcels the seller ships (marketplaces.md lines 690-691: it can cost
    // "seller-fulfilled selling privileges"). Amazon ships FBA and MCF parcels, FBA has no per-order tracking (lines
    // 28-33) and their status comes from Amazon without carrier scans, so NO_VALID_TRACKING stayed on them for good and
    // counted among GetSellerMetrics' open risks. The FBM label without a scan after the grace is still flagged.
    [Fact]
    public async Task Only_the_parcel_the_seller_ships_is_flagged_for_no_valid_tracking_after_the_grace()
    {
        var (clock, shipping) = (new FakeTimeProvider(Start), new AmazonShippingDouble(FbmNumber));
        await using var server = await FakeClockServer.StartAsync(clock, new Dictionary<string, string>
            {
                // Nothing polls (the FBM label stays unscanned): the sweep judges the parcels when the grace runs out.
                ["Scheduler:Enabled"] = "false",
                ["Orders:SweepInterval"] = "01:00:00",
            },
            s => s.AddSingleton<ICarrierClient>(shipping));
        await ImportAsync(server);
        var (store, orders, ct) = (server.Get<IShipmentStore>(), server.Get<IOrderStore>(), CancellationToken.None);
        var amazonShipped = new[] { FbaNumber, McfNumber, McfAmazonNumber };

        // Past the 48 h grace, before the FBA order's promise.
        clock.Advance(TimeSpan.FromHours(60));

        async Task<bool> JudgedAsync()
        {
            foreach (var number in amazonShipped)
            {
                if ((await store.FindByNumberAsync(Tenant, "amazon", number, ct))!.State.RiskCheckAt is { } due && due <= clock.GetUtcNow())
                {
                    return false;
                }
            }
            return (await orders.FindOrderAsync(Tenant, "amazon", FbmOrderId, ct))!.State.Risks.Any(r => r.Kind == RiskKind.NoValidTracking);
        }
        await Eventually.UntilAsync(JudgedAsync, "the sweep judged every parcel, and flagged the FBM order");

        foreach (var number in amazonShipped)
        {
            var parcel = (await store.FindByNumberAsync(Tenant, "amazon", number, ct))!.State;
            Assert.True(parcel.Risks.All(r => r.Kind != RiskKind.NoValidTracking), $"{number}: {string.Join("; ", parcel.Risks.Select(r => r.Reason))}");
        }
        foreach (var orderId in new[] { FbaOrderId, McfOrderId })
        {
            Assert.DoesNotContain((await orders.FindOrderAsync(Tenant, "amazon", orderId, ct))!.State.Risks, r => r.Kind == RiskKind.NoValidTracking);
        }
        var metrics = await server.Orders().GetSellerMetricsAsync(new V1.GetSellerMetricsRequest());
        Assert.Equal(1u, Assert.Single(metrics.OpenRisks, r => r.Kind == V1.RiskKind.NoValidTracking).Count);
    }

    private static Task<TestServer> StartAsync(FakeTimeProvider clock, AmazonShippingDouble shipping) =>
        // The test runs the scheduler's passes itself.
        FakeClockServer.StartAsync(clock, new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            s => s.AddSingleton<ICarrierClient>(shipping));

    /// <summary>What the Amazon importers hand the order link: an FBA order and its report row, an MCF order, an FBM order.</summary>
    /// <param name="asEarlierVersions">As versions before the importers marked the packages Amazon fulfilled.</param>
    private static async Task ImportAsync(TestServer server, bool asEarlierVersions = false)
    {
        IReadOnlyList<ImportedPackage> AsImported(IReadOnlyList<ImportedPackage> packages) =>
            asEarlierVersions ? packages.Select(p => p with { ShippedByAmazon = false }).ToList() : packages;
        var linker = server.Get<OrderLinker>();
        var ct = CancellationToken.None;
        await linker.UpsertAsync(Tenant, new ImportedOrder("amazon", FbaOrderId, FulfillmentChannel.Amazon, "Shipped", "ATVPDKIKX0DER", "en",
            Start.AddDays(-1), Start, Start.AddDays(3), Start, []), ct);
        var report = AmazonFbaShipmentsReport.Parse(
            "amazon-order-id\tshipment-date\tcarrier\ttracking-number\testimated-arrival-date\tfulfillment-center-id\n" +
            $"{FbaOrderId}\t2026-03-10T06:00:00+00:00\tAMZN_US\t{FbaNumber}\t2026-03-12T20:00:00+00:00\tLEX1\n");
        Assert.Equal(1, await linker.AttachPackagesAsync(Tenant, new OrderLink("amazon", FbaOrderId), AsImported(report[FbaOrderId]), ct));

        var mcf = new AmazonMcfOrder(McfOrderId, McfOrderId, "ATVPDKIKX0DER", "Complete", Start.AddDays(-1), Start, null,
        [
            new AmazonMcfPackage(1, "AMZN_US", McfNumber, Start, Start.AddDays(2)),
            // Amazon names only its own number so far, and has no tracking for it yet.
            new AmazonMcfPackage(2, "AMZN_US", "", Start, Start.AddDays(2), McfAmazonNumber),
        ]);
        var tracking = AmazonMcfTracking.Parse($$"""
            {"payload":{"packageNumber":1,"trackingNumber":"{{McfNumber}}","carrierCode":"AMZN_US","shipDate":"2026-03-10T06:00:00Z",
              "currentStatus":"IN_TRANSIT","currentStatusDescription":"Package arrived at a carrier facility",
              "trackingEvents":[{"eventDate":"2026-03-10T07:00:00Z","eventCode":"EVENT_201","eventDescription":"Arrival scan"}]} }
            """);
        var mcfImported = AmazonMcfOrderParser.ToImported(mcf, new Dictionary<int, AmazonMcfTracking> { [1] = tracking });
        await linker.UpsertAsync(Tenant, mcfImported with { Packages = AsImported(mcfImported.Packages) }, ct);

        await linker.UpsertAsync(Tenant, AmazonOrderParser.ParseGetOrder($$"""
            {"order":{"orderId":"{{FbmOrderId}}","createdTime":"2026-03-09T10:00:00Z","lastUpdatedTime":"2026-03-10T07:00:00Z",
              "salesChannel":{"marketplaceId":"A1F83G8C2ARO7P"},"fulfillment":{"fulfillmentStatus":"SHIPPED","fulfilledBy":"MERCHANT"},
              "packages":[{"carrier":"AMZN_UK","shipTime":"2026-03-10T06:00:00Z","trackingNumber":"{{FbmNumber}}"}]} }
            """), ct);
    }

    private static Task PassAsync(TestServer server)
    {
        var scheduler = server.Services.GetServices<IHostedService>().OfType<RefreshScheduler>().Single();
        return scheduler.RunDueAsync(server.Get<IOptions<SchedulerOptions>>().Value, CancellationToken.None);
    }

    /// <summary>
    /// Amazon Shipping's getTracking as it answers a seller: the labels it sold are in transit; any other number is
    /// unknown to it (404, or a failed call with <see cref="FailUnknown"/>).
    /// </summary>
    private sealed class AmazonShippingDouble(params string[] labels) : ICarrierClient
    {
        public ConcurrentDictionary<string, int> Asked { get; } = new(StringComparer.Ordinal);
        public bool FailUnknown { get; init; }
        public string Code => "amazon";
        public TimeSpan? Cadence => null;

        public Task<CarrierResult> TrackAsync(CarrierRequest request, CancellationToken cancellationToken)
        {
            Asked.AddOrUpdate(request.TrackingNumber, 1, (_, n) => n + 1);
            if (labels.Contains(request.TrackingNumber))
            {
                return Task.FromResult(CarrierResult.Success(new CarrierSnapshot(TrackingStatus.InTransit, [])));
            }
            return Task.FromResult(FailUnknown
                ? CarrierResult.Failure("amazon: HTTP 400 (InvalidInput Invalid trackingId)", transient: false)
                : CarrierResult.Success(CarrierSnapshot.NotFound()));
        }
    }
}
