using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Tests.Orders;

/// <summary>
/// The order link end to end: an FBM order's sandbox parcel is tracked through the real scheduler; the carrier reports
/// a weather delay past the promised day; DELAYED with action_required reaches a subscriber on the shipment and on the
/// order, and clears once the parcel is delivered.
/// </summary>
public sealed class OrderRiskStreamTests
{
    [Fact]
    public async Task A_carrier_delay_past_the_promise_reaches_a_subscriber_as_a_delayed_flag()
    {
        // One-second steps: the parcel is late from the weather scan until its delivery, four steps; at 200 ms that window
        // was shorter than the scheduler's poll on a loaded PostgreSQL run, which then saw the parcel only before and after it.
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:01" });
        var client = server.Client();
        await using var watcher = StreamCollector.Start(client, new WatchShipmentsRequest { ResumeAfterSequence = 0 });
        await watcher.WaitUntilAsync(c => c.Updates.Count > 0, "the watch is live");
        // The sandbox promises delivery the day after tomorrow's scans; scenario 4's weather delay slips it a day.
        var promise = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(1).AddHours(23), TimeSpan.Zero);
        var order = new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "amazon", OrderId = "171-0000010-0000010", FulfillmentChannel = FulfillmentChannel.Merchant, Status = "Shipped",
                LatestShipDate = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
                LatestDeliveryDate = Timestamp.FromDateTimeOffset(promise),
            },
            Shipments = { new OrderShipment { TrackingNumber = Numbers.Sandbox(4) } },
        };

        var created = await server.Orders().UpsertOrderAsync(order);

        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.Change?.Shipment.Risks.Any(r => r.Kind == RiskKind.Delayed) == true),
            "a DELAYED flag on the shipment");
        await watcher.WaitUntilAsync(c => c.Updates.Any(u => u.OrderChange?.Order.Risks.Any(r => r.Kind == RiskKind.Delayed) == true),
            "a DELAYED flag on the order");
        await watcher.WaitUntilAsync(c => c.Changes.Any(u => u.Change.Shipment.Status == ShipmentStatus.Delivered), "delivery");
        await watcher.WaitUntilAsync(c => c.Updates.LastOrDefault(u => u.OrderChange is not null)?.OrderChange.Order.Risks.Count == 0,
            "the order's flags cleared after delivery");

        var raised = watcher.Updates.First(u => u.Change?.Shipment.Risks.Any(r => r.Kind == RiskKind.Delayed) == true).Change;
        Assert.Contains(ChangeKind.RisksChanged, raised.Kinds);
        var delayed = raised.Shipment.Risks.Single(r => r.Kind == RiskKind.Delayed);
        Assert.True(delayed.ActionRequired);
        Assert.Contains("after the promised", delayed.Reason);
        Assert.Equal(created.Shipments[0].Id, raised.Shipment.Id);
        // Order changes share the log's sequence: every update of the stream is in order, without a gap or repeat.
        var sequences = watcher.Updates.Where(u => u.Heartbeat is null).Select(u => u.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
    }

    [Fact]
    public async Task Seller_metrics_are_computed_from_stored_orders()
    {
        // A grace of a millisecond: the parcel the carrier never finds is a valid tracking miss by the time metrics are asked.
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Sandbox:StepInterval"] = "00:00:00.100", ["Risks:ValidTrackingGrace"] = "00:00:00.001",
        });
        var orders = server.Orders();
        var now = DateTimeOffset.UtcNow;
        UpsertOrderRequest Order(string id, DateTimeOffset shipBy, params string[] numbers) => new()
        {
            Order = new Order
            {
                Channel = "manual", OrderId = id, FulfillmentChannel = FulfillmentChannel.Merchant,
                LatestShipDate = Timestamp.FromDateTimeOffset(shipBy), LatestDeliveryDate = Timestamp.FromDateTimeOffset(now.AddDays(3)),
            },
            Shipments = { numbers.Select(n => new OrderShipment { TrackingNumber = n }) },
        };
        // Scenario 0 is scanned and delivered within a second; scenario 7 is never found by the carrier.
        await orders.UpsertOrderAsync(Order("m-1", now.AddDays(1), Numbers.Sandbox(0)));
        await orders.UpsertOrderAsync(Order("m-2", now.AddDays(1), Numbers.Sandbox(7)));
        await orders.UpsertOrderAsync(Order("m-3", now.AddHours(-2)));
        await Eventually.UntilAsync(async () =>
            (await orders.GetOrderAsync(new GetOrderRequest { Channel = "manual", OrderId = "m-1" })).Shipments[0].Status == ShipmentStatus.Delivered,
            "the first parcel is delivered");

        var metrics = await orders.GetSellerMetricsAsync(new GetSellerMetricsRequest
        {
            From = Timestamp.FromDateTimeOffset(now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(now.AddDays(7)),
        });

        Assert.Equal(2u, metrics.ShippedPackageCount);
        Assert.Equal(1u, metrics.ValidTrackingCount);
        Assert.Equal(0.5, metrics.ValidTrackingRate, 6);
        Assert.Equal(1u, metrics.OnTimeEligibleCount);
        Assert.Equal(1u, metrics.OnTimeDeliveredCount);
        Assert.Equal(1.0, metrics.OnTimeDeliveryRate, 6);
        Assert.Equal(3u, metrics.ShipDueOrderCount);
        Assert.Equal(1u, metrics.LateShipmentCount);
        Assert.Equal(1.0 / 3, metrics.LateShipmentRate, 6);
        Assert.Contains(metrics.OpenRisks, r => r.Kind == RiskKind.LateShipment && r.Count == 1);
    }

    [Fact]
    public async Task A_parcel_not_scanned_yet_is_no_valid_tracking_miss_within_its_grace()
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string> { ["Sandbox:StepInterval"] = "00:00:00.100" });
        var orders = server.Orders();
        var now = DateTimeOffset.UtcNow;
        // Scenario 7 is never found by the carrier: within Risks:ValidTrackingGrace (48 h) it is not judged yet.
        await orders.UpsertOrderAsync(new UpsertOrderRequest
        {
            Order = new Order
            {
                Channel = "manual", OrderId = "m-1", FulfillmentChannel = FulfillmentChannel.Merchant,
                LatestShipDate = Timestamp.FromDateTimeOffset(now.AddDays(1)), LatestDeliveryDate = Timestamp.FromDateTimeOffset(now.AddDays(3)),
            },
            Shipments = { new OrderShipment { TrackingNumber = Numbers.Sandbox(7) } },
        });

        var metrics = await orders.GetSellerMetricsAsync(new GetSellerMetricsRequest
        {
            From = Timestamp.FromDateTimeOffset(now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(now.AddDays(7)),
        });

        Assert.Equal((0u, 0u, 1.0), (metrics.ShippedPackageCount, metrics.ValidTrackingCount, metrics.ValidTrackingRate));
        Assert.DoesNotContain(metrics.OpenRisks, r => r.Kind == RiskKind.NoValidTracking);
    }
}
