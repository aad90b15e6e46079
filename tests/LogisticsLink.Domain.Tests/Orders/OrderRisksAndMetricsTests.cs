using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests.Orders;

public sealed class OrderRisksAndMetricsTests
{
    private static OrderState Order(
        string id, FulfillmentChannel fulfillment = FulfillmentChannel.Merchant, DateTimeOffset? shipBy = null,
        DateTimeOffset? deliverBy = null, DateTimeOffset? shippedAt = null, IReadOnlyList<RiskFlag>? risks = null) => new()
    {
        TenantId = "t", Channel = "amazon", OrderId = id, FulfillmentChannel = fulfillment,
        LatestShipDate = shipBy, LatestDeliveryDate = deliverBy, ShippedAt = shippedAt,
        Risks = risks ?? RiskFlags.None, CreatedAt = T0, UpdatedAt = T0,
    };

    private static ShipmentState Parcel(TrackingStatus status, DateTimeOffset? lastScan, DateTimeOffset? deliveredAt = null, params RiskFlag[] risks) => new()
    {
        Id = "shp_" + Guid.NewGuid().ToString("N"), TenantId = "t", Carrier = "ups", TrackingNumber = "1Z",
        Status = status, LastEventAt = lastScan, FirstScanAt = lastScan, DeliveredAt = deliveredAt, Risks = risks, CreatedAt = T0, UpdatedAt = T0,
    };

    [Fact]
    public void An_unshipped_merchant_order_past_its_ship_date_is_a_late_shipment_needing_action()
    {
        var order = Order("1", shipBy: Hours(24));

        Assert.Empty(OrderRisks.Evaluate(order, [], Hours(23)));
        var flag = Assert.Single(OrderRisks.Evaluate(order, [], Hours(25)));
        Assert.Equal(RiskKind.LateShipment, flag.Kind);
        Assert.True(flag.ActionRequired);
        Assert.Equal(Hours(24), flag.Since);
    }

    [Fact]
    public void A_ship_by_date_without_a_time_is_missed_when_its_day_ends()
    {
        var day = DateOnlyPromise.Of(new DateOnly(2025, 3, 12));
        var unshipped = Order("1", shipBy: day) with { CreatedAt = day.AddDays(-2), UpdatedAt = day.AddDays(-2) };

        Assert.Empty(OrderRisks.Evaluate(unshipped, [], day.AddHours(18)));
        var flag = Assert.Single(OrderRisks.Evaluate(unshipped, [], day.AddDays(1).AddSeconds(1)));
        Assert.Equal((RiskKind.LateShipment, day.AddDays(1)), (flag.Kind, flag.Since));
        Assert.Empty(OrderRisks.Evaluate(unshipped with { ShippedAt = day.AddHours(17) }, [], day.AddDays(2)));
        var metrics = SellerMetrics.Compute([(unshipped with { ShippedAt = day.AddHours(17) }, [])], day.AddDays(-1), day.AddDays(1), day.AddDays(2), [], RiskRules.Default);
        Assert.Equal((1, 0), (metrics.ShipDueOrders, metrics.LateShipments));
    }

    [Fact]
    public void A_late_shipment_reason_gives_the_time_of_a_ship_by_instant_so_a_same_day_miss_reads_as_one()
    {
        var shipBy = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
        var day = DateOnlyPromise.Of(new DateOnly(2025, 3, 4));

        var shippedLate = Assert.Single(OrderRisks.Evaluate(Order("1", shipBy: shipBy, shippedAt: shipBy.AddHours(1)), [], shipBy.AddHours(2)));
        var unshipped = Assert.Single(OrderRisks.Evaluate(Order("2", shipBy: shipBy), [], shipBy.AddHours(2)));
        var unshippedDay = Assert.Single(OrderRisks.Evaluate(Order("3", shipBy: day), [], day.AddDays(1).AddHours(1)));

        Assert.Equal("Shipped 2025-03-04 10:00 UTC, after the latest ship date 2025-03-04 09:00 UTC", shippedLate.Reason);
        Assert.Equal("Not shipped by the latest ship date 2025-03-04 09:00 UTC", unshipped.Reason);
        Assert.Equal("Not shipped by the latest ship date 2025-03-04", unshippedDay.Reason);
    }

    [Fact]
    public void A_shipment_confirmed_late_is_recorded_without_action_and_fba_orders_are_never_late_shipments()
    {
        var late = Assert.Single(OrderRisks.Evaluate(Order("1", shipBy: Hours(24), shippedAt: Hours(30)), [], Hours(31)));
        Assert.False(late.ActionRequired);

        Assert.Empty(OrderRisks.Evaluate(Order("2", FulfillmentChannel.Amazon, shipBy: Hours(24)), [], Hours(48)));
        Assert.Empty(OrderRisks.Evaluate(Order("3", shipBy: Hours(24), shippedAt: Hours(20)), [], Hours(48)));
    }

    [Theory]
    [InlineData("Canceled")]
    [InlineData("CANCELLED")]
    [InlineData("Shipped")]
    [InlineData("PARTIALLY_SHIPPED")]
    [InlineData("FULFILLED")]
    [InlineData("IN_PROGRESS")]
    [InlineData("InvoiceUnconfirmed")]
    [InlineData("INVOICE_UNCONFIRMED")]
    // Amazon MCF completed in part, in Fulfillment Outbound 2020-07-01's spelling, its notifications' and 2026-07-04's.
    [InlineData("CompletePartialled")]
    [InlineData("COMPLETE_PARTIALLED")]
    [InlineData("COMPLETE_PARTIAL")]
    public void An_order_the_marketplace_calls_cancelled_or_shipped_is_no_late_shipment_without_a_tracked_parcel(string status)
    {
        var order = Order("1", shipBy: Hours(24), deliverBy: Hours(72)) with { Status = status };

        Assert.Empty(OrderRisks.Evaluate(order, [], Hours(48)));
        Assert.Equal(0, SellerMetrics.Compute([(order, (IReadOnlyList<ShipmentState>)[])], Hours(0), Hours(100), Hours(48), [], RiskRules.Default).LateShipments);
        Assert.Single(OrderRisks.Evaluate(order with { Status = "Unshipped" }, [], Hours(48)));
    }

    // Amazon MCF's Unfulfillable and Invalid: Amazon will never ship the order, as if it were cancelled. It is never late
    // to ship (nothing is awaited), and, as a cancelled order, no order due to ship in the late shipment rate.
    [Theory]
    [InlineData("Unfulfillable")]
    [InlineData("UNFULFILLABLE")]
    [InlineData("Invalid")]
    [InlineData("INVALID")]
    public void An_order_amazon_will_never_fulfil_is_never_a_late_shipment_nor_counted_in_the_rates(string status)
    {
        var order = Order("1", shipBy: Hours(24), deliverBy: Hours(72)) with { Status = status };

        Assert.False(MarketplaceOrderStatus.IsAwaitingShipment(status));
        Assert.Empty(OrderRisks.Evaluate(order, [], Hours(48)));
        var metrics = SellerMetrics.Compute([(order, (IReadOnlyList<ShipmentState>)[])], Hours(0), Hours(100), Hours(100), [], RiskRules.Default);
        Assert.Equal((0, 0, 0, 0), (metrics.ShipDueOrders, metrics.LateShipments, metrics.ShippedPackages, metrics.OnTimeEligible));
    }

    // Shopify's FULFILLMENT_NOT_REQUIRED: nothing in the order ships (a digital product, a service). It is never late to
    // ship, and it is no order due to ship in the late shipment rate (neither on time nor late: there is nothing to ship).
    [Fact]
    public void An_order_that_needs_no_shipment_is_never_a_late_shipment_nor_counted_in_the_rates()
    {
        var order = Order("1", shipBy: Hours(24), deliverBy: Hours(72)) with { Status = "FULFILLMENT_NOT_REQUIRED" };

        Assert.Empty(OrderRisks.Evaluate(order, [], Hours(48)));
        var metrics = SellerMetrics.Compute([(order, (IReadOnlyList<ShipmentState>)[])], Hours(0), Hours(100), Hours(100), [], RiskRules.Default);
        Assert.Equal((0, 0, 0, 0), (metrics.ShipDueOrders, metrics.LateShipments, metrics.ShippedPackages, metrics.OnTimeEligible));
    }

    [Fact]
    public void Shipment_risks_are_folded_into_the_order_one_per_kind_with_the_earliest_since()
    {
        var a = Parcel(TrackingStatus.Exception, Hours(5), risks: new RiskFlag(RiskKind.Exception, "customs", Hours(5), true));
        var b = Parcel(TrackingStatus.Exception, Hours(3), risks: new RiskFlag(RiskKind.Exception, "damaged", Hours(3), false));
        var c = Parcel(TrackingStatus.InTransit, Hours(1), risks: new RiskFlag(RiskKind.Stalled, "no scan", Hours(50), true));

        var flags = OrderRisks.Evaluate(Order("1"), [a, b, c], Hours(60));

        // Sorted by kind, as the contract's enum orders them.
        Assert.Equal([RiskKind.Stalled, RiskKind.Exception], flags.Select(f => f.Kind));
        Assert.Equal(Hours(3), flags[1].Since);
        Assert.Equal("damaged", flags[1].Reason);
        Assert.True(flags[1].ActionRequired);
    }

    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        var from = Hours(0);
        var to = Hours(24 * 30);
        var promise = Hours(24 * 10);
        var orders = new List<(OrderState, IReadOnlyList<ShipmentState>)>
        {
            // On time: delivered before the promise; shipped in time.
            (Order("1", shipBy: Hours(24), deliverBy: promise, shippedAt: Hours(20)), [Parcel(TrackingStatus.Delivered, Hours(200), Hours(200))]),
            // Late delivery, two parcels (one never scanned: not valid tracking); shipped late.
            (Order("2", shipBy: Hours(24), deliverBy: promise, shippedAt: Hours(30)),
                [Parcel(TrackingStatus.Delivered, Hours(250), Hours(250)), Parcel(TrackingStatus.NotFound, null)]),
            // Still in transit after its promise: valid tracking, not on time; shipped in time.
            (Order("3", shipBy: Hours(24), deliverBy: promise, shippedAt: Hours(10),
                risks: [new RiskFlag(RiskKind.Delayed, "late", promise, true)]), [Parcel(TrackingStatus.InTransit, Hours(100))]),
            // Unshipped past its ship date: a late shipment; promise in the window but no package.
            (Order("4", shipBy: Hours(48), deliverBy: promise, risks: [new RiskFlag(RiskKind.LateShipment, "x", Hours(48), true)]), []),
            // FBA: never counted in the rates, but its open risks are.
            (Order("5", FulfillmentChannel.Amazon, shipBy: Hours(24), deliverBy: promise,
                risks: [new RiskFlag(RiskKind.Delayed, "late", promise, true)]), [Parcel(TrackingStatus.InTransit, null)]),
            // Promise outside the window.
            (Order("6", shipBy: Hours(24 * 40), deliverBy: Hours(24 * 45)), [Parcel(TrackingStatus.InTransit, null)]),
        };

        var m = SellerMetrics.Compute(orders, from, to, now: to, orders.Select(o => o.Item1), RiskRules.Default);

        // Packages shipped with the promise in the window (orders 1-3): 4, of which 3 have a scan.
        Assert.Equal(4, m.ShippedPackages);
        Assert.Equal(3, m.ValidTrackingPackages);
        Assert.Equal(0.75, m.ValidTrackingRate, 6);
        // Of the 3 with valid tracking, only order 1's was delivered by the promise.
        Assert.Equal(3, m.OnTimeEligible);
        Assert.Equal(1, m.OnTimeDelivered);
        Assert.Equal(1.0 / 3, m.OnTimeDeliveryRate, 6);
        // Orders due to ship in the window: 1-4 (FBA excluded); late: 2 (shipped late) and 4 (unshipped).
        Assert.Equal(4, m.ShipDueOrders);
        Assert.Equal(2, m.LateShipments);
        Assert.Equal(0.5, m.LateShipmentRate, 6);
        Assert.Equal(2, m.OpenRisks[RiskKind.Delayed]);
        Assert.Equal(1, m.OpenRisks[RiskKind.LateShipment]);
    }

    [Fact]
    public void A_parcel_with_only_a_label_created_event_is_not_valid_tracking_nor_counted_for_on_time_delivery()
    {
        var rules = LogisticsLink.Domain.Tracking.TrackerRules.Default;
        var promise = Hours(24 * 10);
        ShipmentState Tracked(params TrackingEvent[] scans) => LogisticsLink.Domain.Tracking.Tracker.Apply(
            LogisticsLink.Domain.Tracking.Tracker.Register("shp_" + scans.Length, "t", "ups", "1Z" + scans.Length,
                new OrderLink("amazon", "1"), ShipmentState.EmptyLabels, T0, promise).State,
            [], new LogisticsLink.Domain.Tracking.CarrierSnapshot(null, scans, null), Hours(3), rules).State;
        var labelOnly = Tracked(Scan.InfoReceived(Hours(1)));
        var scanned = Tracked(Scan.InfoReceived(Hours(1)), Scan.InTransit(Hours(2)));

        var m = SellerMetrics.Compute(
            [(Order("1", shipBy: Hours(24), deliverBy: promise, shippedAt: Hours(2)), [labelOnly, scanned])], Hours(0), Hours(24 * 30), Hours(24 * 11), [], RiskRules.Default);

        Assert.Equal(2, m.ShippedPackages);
        Assert.Equal(1, m.ValidTrackingPackages);
        Assert.Equal(1, m.OnTimeEligible);
    }

    [Fact]
    public void A_voided_label_is_no_shipped_package_in_the_valid_tracking_rate()
    {
        var promise = Hours(24 * 10);
        var voided = Parcel(TrackingStatus.Cancelled, lastScan: null);
        var scanned = Parcel(TrackingStatus.InTransit, Hours(2));

        var m = SellerMetrics.Compute(
            [(Order("1", shipBy: Hours(24), deliverBy: promise, shippedAt: Hours(2)), [voided, scanned])], Hours(0), Hours(24 * 30), Hours(24 * 11), [], RiskRules.Default);

        Assert.Equal((1, 1, 1), (m.ShippedPackages, m.ValidTrackingPackages, m.OnTimeEligible));
        Assert.Equal(1, m.ValidTrackingRate);
    }

    [Fact]
    public void A_parcel_not_yet_scanned_within_its_grace_is_not_yet_counted_in_the_valid_tracking_rate()
    {
        // Registered at T0 (CreatedAt), as NO_VALID_TRACKING judges it: a miss only once the grace has passed unscanned.
        var order = Order("1", shipBy: Hours(24), deliverBy: Hours(24 * 10), shippedAt: Hours(0));
        var unscanned = Parcel(TrackingStatus.InfoReceived, lastScan: null);
        var scanned = Parcel(TrackingStatus.InTransit, Hours(2));
        var grace = RiskRules.Default.ValidTrackingGrace;

        var withinGrace = SellerMetrics.Compute([(order, [unscanned, scanned])], Hours(0), Hours(24 * 30), T0 + grace, [], RiskRules.Default);
        var afterGrace = SellerMetrics.Compute([(order, [unscanned, scanned])], Hours(0), Hours(24 * 30), T0 + grace + TimeSpan.FromSeconds(1), [], RiskRules.Default);

        Assert.Equal((1, 1, 1.0), (withinGrace.ShippedPackages, withinGrace.ValidTrackingPackages, withinGrace.ValidTrackingRate));
        Assert.Empty(ShipmentRisks.Evaluate(unscanned with { Order = new OrderLink("amazon", "1") }, T0 + grace, RiskRules.Default));
        Assert.Equal((2, 1, 0.5), (afterGrace.ShippedPackages, afterGrace.ValidTrackingPackages, afterGrace.ValidTrackingRate));
        Assert.Contains(ShipmentRisks.Evaluate(unscanned with { Order = new OrderLink("amazon", "1") }, T0 + grace + TimeSpan.FromSeconds(1), RiskRules.Default),
            f => f.Kind == RiskKind.NoValidTracking);
    }

    // An MCF order (THIRD_PARTY) is counted, but not the package Amazon ships for it: the seller did not ship it, and
    // NO_VALID_TRACKING does not judge it either.
    [Fact]
    public void A_package_amazon_ships_counts_in_no_package_rate()
    {
        var order = Order("S01-1234567-1234567", FulfillmentChannel.ThirdParty, deliverBy: Hours(24 * 10));
        var amazons = Parcel(TrackingStatus.InTransit, lastScan: null) with { ShippedByAmazon = true };
        var sellers = Parcel(TrackingStatus.InTransit, lastScan: null);
        var now = T0 + RiskRules.Default.ValidTrackingGrace + TimeSpan.FromHours(1);

        var m = SellerMetrics.Compute([(order, [amazons, sellers])], Hours(0), Hours(24 * 30), now, [], RiskRules.Default);

        Assert.Equal((1, 0), (m.ShippedPackages, m.ValidTrackingPackages));
    }

    [Fact]
    public void A_parcel_still_on_its_way_before_its_promise_ends_is_not_yet_judged_on_time_or_late()
    {
        var promisedDay = DateOnlyPromise.Of(DateOnly.FromDateTime(T0.UtcDateTime.AddDays(3)));
        var order = Order("1", shipBy: Hours(24), deliverBy: promisedDay, shippedAt: Hours(2));
        var inTransit = Parcel(TrackingStatus.InTransit, Hours(2));
        var lost = Parcel(TrackingStatus.Lost, Hours(2));

        var duringThePromisedDay = SellerMetrics.Compute([(order, [inTransit, lost])], Hours(0), Hours(24 * 30), promisedDay.AddHours(15), [], RiskRules.Default);
        var afterIt = SellerMetrics.Compute([(order, [inTransit, lost])], Hours(0), Hours(24 * 30), promisedDay.AddDays(1).AddSeconds(1), [], RiskRules.Default);

        Assert.Equal((2, 1, 0), (duringThePromisedDay.ValidTrackingPackages, duringThePromisedDay.OnTimeEligible, duringThePromisedDay.OnTimeDelivered));
        Assert.Equal((2, 2, 0), (afterIt.ValidTrackingPackages, afterIt.OnTimeEligible, afterIt.OnTimeDelivered));
    }

    [Fact]
    public void An_unshipped_order_before_its_ship_by_date_ends_is_not_yet_counted_in_the_late_shipment_rate()
    {
        var shipByDay = DateOnlyPromise.Of(DateOnly.FromDateTime(T0.UtcDateTime.AddDays(3)));
        var lateOne = Order("late", shipBy: Hours(24));
        var stillInTime = Order("waiting", shipBy: shipByDay);
        var shippedEarly = Order("shipped", shipBy: shipByDay, shippedAt: Hours(30));

        var duringTheShipByDay = SellerMetrics.Compute(
            [(lateOne, []), (stillInTime, []), (shippedEarly, [])], Hours(0), Hours(24 * 30), shipByDay.AddHours(15), [], RiskRules.Default);
        var afterIt = SellerMetrics.Compute(
            [(lateOne, []), (stillInTime, []), (shippedEarly, [])], Hours(0), Hours(24 * 30), shipByDay.AddDays(1).AddSeconds(1), [], RiskRules.Default);

        Assert.Equal((2, 1), (duringTheShipByDay.ShipDueOrders, duringTheShipByDay.LateShipments));
        Assert.Equal((3, 2), (afterIt.ShipDueOrders, afterIt.LateShipments));
    }

    [Fact]
    public void A_delivery_during_the_promised_date_counts_as_on_time()
    {
        var promisedDay = DateOnlyPromise.Of(DateOnly.FromDateTime(T0.UtcDateTime.AddDays(3)));
        var order = Order("1", shipBy: Hours(24), deliverBy: promisedDay, shippedAt: Hours(2));

        var m = SellerMetrics.Compute(
            [(order, [Parcel(TrackingStatus.Delivered, Hours(2), promisedDay.AddHours(15))])], Hours(0), Hours(24 * 30), Hours(24 * 5), [], RiskRules.Default);

        Assert.Equal((1, 1), (m.OnTimeEligible, m.OnTimeDelivered));
    }

    [Fact]
    public void An_empty_window_has_perfect_rates()
    {
        var m = SellerMetrics.Compute([], Hours(0), Hours(1), Hours(1), [], RiskRules.Default);

        Assert.Equal(1, m.ValidTrackingRate);
        Assert.Equal(1, m.OnTimeDeliveryRate);
        Assert.Equal(0, m.LateShipmentRate);
    }

    [Theory]
    [InlineData("Royal Mail", "royalmail")]
    [InlineData("AMZN_UK", "amazon")]
    [InlineData("colissimo", "laposte")]
    [InlineData(" UPS ", "ups")]
    [InlineData("Yamato", "")]
    [InlineData("", "")]
    public void Marketplace_carrier_names_map_to_our_codes(string name, string code) =>
        Assert.Equal(code, MarketplaceCarrierNames.ToCarrierCode(name));
}
