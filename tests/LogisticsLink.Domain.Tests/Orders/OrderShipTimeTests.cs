using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using static LogisticsLink.Domain.Tests.Times;

namespace LogisticsLink.Domain.Tests.Orders;

/// <summary>An order's ship time, decided from the parcels linked to it now.</summary>
public sealed class OrderShipTimeTests
{
    private static readonly OrderLink Link = new("amazon", "113-1234567-1234567");

    private static readonly OrderState Order = new()
    {
        TenantId = "t", Channel = Link.Channel, OrderId = Link.OrderId, FulfillmentChannel = FulfillmentChannel.Merchant,
        Status = "Unshipped", LatestShipDate = Hours(24), ShippedAt = Hours(1), CreatedAt = T0, UpdatedAt = T0,
    };

    private static ShipmentState Parcel(
        DateTimeOffset registered, DateTimeOffset? stated = null, DateTimeOffset? firstScan = null,
        TrackingStatus status = TrackingStatus.InTransit, OrderLink? order = null) => new()
    {
        Id = "shp_" + Guid.NewGuid().ToString("N"), TenantId = "t", Carrier = "ups", TrackingNumber = "1Z", Status = status,
        Order = order ?? Link, StatedShippedAt = stated, FirstScanAt = firstScan, CreatedAt = registered, UpdatedAt = registered,
    };

    [Fact]
    public void An_order_with_no_parcel_linked_is_not_shipped_whatever_was_stored()
    {
        Assert.Null(OrderShipTime.Of(Order, []));
        var unshipped = Order with { ShippedAt = OrderShipTime.Of(Order, []) };
        var flag = Assert.Single(OrderRisks.Evaluate(unshipped, [], Hours(30)));
        Assert.Equal(RiskKind.LateShipment, flag.Kind);
        Assert.True(flag.ActionRequired);
    }

    [Fact]
    public void The_earliest_parcel_counts_and_a_stated_ship_time_beats_a_later_registration()
    {
        var statedEarly = Parcel(registered: Hours(40), stated: Hours(10));
        var registeredLater = Parcel(registered: Hours(30));

        Assert.Equal(Hours(10), OrderShipTime.Of(Order, [registeredLater, statedEarly]));
        Assert.Equal(Hours(30), OrderShipTime.Of(Order, [registeredLater]));
    }

    [Fact]
    public void A_stated_ship_time_is_believed_even_when_later_than_registration_or_scan()
    {
        // The marketplace's ship confirmation is what its late shipment rate counts (reference §5.5).
        Assert.Equal(Hours(30), OrderShipTime.ParcelShippedAt(Parcel(registered: Hours(5), stated: Hours(30), firstScan: Hours(6))));
    }

    [Fact]
    public void A_voided_label_or_another_orders_parcel_does_not_count()
    {
        var voided = Parcel(registered: Hours(2), status: TrackingStatus.Cancelled);
        var elsewhere = Parcel(registered: Hours(3), order: new OrderLink("amazon", "other"));
        var reshipped = Parcel(registered: Hours(30));

        Assert.Equal(Hours(30), OrderShipTime.Of(Order, [voided, elsewhere, reshipped]));
        Assert.Null(OrderShipTime.Of(Order, [voided, elsewhere]));
    }

    [Fact]
    public void Without_a_stated_time_a_carrier_scan_before_registration_counts_and_one_after_does_not()
    {
        Assert.Equal(Hours(20), OrderShipTime.ParcelShippedAt(Parcel(registered: Hours(48), firstScan: Hours(20))));
        Assert.Equal(Hours(10), OrderShipTime.ParcelShippedAt(Parcel(registered: Hours(10), firstScan: Hours(30))));
        Assert.Equal(Hours(10), OrderShipTime.ParcelShippedAt(Parcel(registered: Hours(10))));
    }
}
