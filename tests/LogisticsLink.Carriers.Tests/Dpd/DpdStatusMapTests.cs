using LogisticsLink.Carriers.Dpd;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Dpd;

public sealed class DpdStatusMapTests
{
    [Theory]
    [InlineData("SHIPMENT", TrackingStatus.InfoReceived, "info_received.shipment_data")]
    [InlineData("PickedUp", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("BetweenDepots", TrackingStatus.InTransit, "in_transit.between_depots")]
    [InlineData("Depot", TrackingStatus.InTransit, "in_transit.arrived_at_delivery_depot")]
    [InlineData("Courier", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    [InlineData("DeliveryFailure", TrackingStatus.AttemptFailed, "attempt_failed.delivery_failure")]
    [InlineData("ReturningFromDelivery", TrackingStatus.AttemptFailed, "attempt_failed.back_at_depot")]
    [InlineData("ParcelShop", TrackingStatus.AvailableForPickup, "available_for_pickup.parcel_shop")]
    [InlineData("Delivered", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("delivered", TrackingStatus.Delivered, "delivered.recipient")]
    public void Every_documented_status_maps(string code, TrackingStatus status, string detail)
    {
        Assert.Equal(new DpdCode(status, detail), DpdStatusMap.Map(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Teleported")]
    public void An_unknown_status_maps_to_nothing(string? code) => Assert.Null(DpdStatusMap.Map(code));

    [Fact]
    public void The_table_holds_exactly_the_documented_codes() => Assert.Equal(
        ["BetweenDepots", "Courier", "Delivered", "DeliveryFailure", "Depot", "ParcelShop", "PickedUp", "ReturningFromDelivery"],
        DpdStatusMap.Statuses.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Returning to sender: undeliverable.", "exception.return_to_sender")]
    [InlineData("Shipment cancelled by the sender.", "exception.cancelled")]
    [InlineData("Parcel declared lost after investigation.", "exception.lost")]
    [InlineData("Delayed: severe weather in the area.", "exception.delayed_weather")]
    [InlineData("Held by customs: commercial invoice required.", "exception.customs_hold")]
    [InlineData("The address is incomplete.", "exception.address_issue")]
    [InlineData("The parcel is damaged.", "exception.damaged")]
    [InlineData("Acceptance refused by the consignee.", "exception.refused")]
    [InlineData("Something happened.", "exception.carrier")]
    public void Error_items_are_exceptions_attributed_from_their_words(string text, string detail)
    {
        Assert.Equal(new DpdCode(TrackingStatus.Exception, detail), DpdIncidents.Exception(text));
    }

    [Theory]
    [InlineData("We could not deliver: the consignee was not at home.", "attempt_failed.recipient_absent")]
    [InlineData("The business was closed.", "attempt_failed.business_closed")]
    [InlineData("Acceptance refused.", "attempt_failed.refused")]
    [InlineData("The address is incomplete.", "attempt_failed.address_issue")]
    [InlineData("No access to the building.", "attempt_failed.no_access")]
    [InlineData("Unfortunately we have not been able to deliver your parcel.", "attempt_failed.delivery_failure")]
    public void A_failed_delivery_is_attributed_from_its_description(string text, string detail)
    {
        Assert.Equal(detail, DpdIncidents.Refine(DpdStatusMap.Map("DeliveryFailure")!, text).Detail);
    }
}
