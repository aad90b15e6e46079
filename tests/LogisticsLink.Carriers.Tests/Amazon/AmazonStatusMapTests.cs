using LogisticsLink.Carriers.Amazon;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Amazon;

public sealed class AmazonStatusMapTests
{
    [Theory]
    [InlineData("ReadyForReceive", TrackingStatus.InfoReceived, "info_received.label_created")]
    [InlineData("PickupDone", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("Departed", TrackingStatus.InTransit, "in_transit.departed_facility")]
    [InlineData("ArrivedAtCarrierFacility", TrackingStatus.InTransit, "in_transit.arrived_at_facility")]
    [InlineData("OutForDelivery", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    [InlineData("DeliveryAttempted", TrackingStatus.AttemptFailed, "attempt_failed.attempted")]
    [InlineData("AvailableForPickup", TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point")]
    [InlineData("Delivered", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("Lost", TrackingStatus.Lost, "lost.confirmed")]
    [InlineData("Rejected", TrackingStatus.Returning, "returning.refused")]
    [InlineData("Undeliverable", TrackingStatus.Exception, "exception.undeliverable")]
    [InlineData("PickupCancelled", TrackingStatus.Cancelled, "cancelled.pickup_cancelled")]
    [InlineData("ReturnInitiated", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("RecipientRequestedAlternateDeliveryTiming", TrackingStatus.Exception, "exception.recipient_rescheduled")]
    public void Every_documented_event_code_maps_on_the_forward_leg(string code, TrackingStatus status, string detail)
    {
        Assert.Equal(new AmazonCode(status, detail), AmazonStatusMap.Event(code, "FORWARD"));
    }

    [Fact]
    public void The_table_holds_exactly_the_documented_event_codes() => Assert.Equal(14, AmazonStatusMap.EventCodes.Count);

    [Theory]
    [InlineData("Delivered", TrackingStatus.Returned, "returned.to_sender")]
    [InlineData("OutForDelivery", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("ArrivedAtCarrierFacility", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("ReturnInitiated", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("Lost", TrackingStatus.Lost, "lost.confirmed")]
    [InlineData("PickupCancelled", TrackingStatus.Cancelled, "cancelled.pickup_cancelled")]
    public void On_the_returns_leg_events_are_the_way_back(string code, TrackingStatus status, string detail)
    {
        Assert.Equal(new AmazonCode(status, detail), AmazonStatusMap.Event(code, "RETURNS"));
    }

    [Theory]
    [InlineData("PreTransit", TrackingStatus.InfoReceived)]
    [InlineData("InTransit", TrackingStatus.InTransit)]
    [InlineData("Delivered", TrackingStatus.Delivered)]
    [InlineData("Lost", TrackingStatus.Lost)]
    [InlineData("OutForDelivery", TrackingStatus.OutForDelivery)]
    [InlineData("Rejected", TrackingStatus.Returning)]
    [InlineData("Undeliverable", TrackingStatus.Exception)]
    [InlineData("DeliveryAttempted", TrackingStatus.AttemptFailed)]
    [InlineData("PickupCancelled", TrackingStatus.Cancelled)]
    [InlineData("AwaitingCustomerPickup", TrackingStatus.AvailableForPickup)]
    public void Every_documented_summary_status_maps(string status, TrackingStatus expected)
    {
        Assert.Equal(expected, AmazonStatusMap.Summary(status)!.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Teleported")]
    public void Unknown_codes_map_to_nothing(string? code)
    {
        Assert.Null(AmazonStatusMap.Event(code, "FORWARD"));
        Assert.Null(AmazonStatusMap.Summary(code));
    }

    [Theory]
    [InlineData("BusinessClosed", "attempt_failed.business_closed")]
    [InlineData("CustomerUnavailable", "attempt_failed.recipient_absent")]
    [InlineData("PaymentNotReady", "attempt_failed.payment_not_ready")]
    [InlineData("OtpNotAvailable", "attempt_failed.otp_unavailable")]
    [InlineData("UnableToAccess", "attempt_failed.no_access")]
    [InlineData("UnableToContactRecipient", "attempt_failed.recipient_unreachable")]
    [InlineData("AddressNotFound", "attempt_failed.address_issue")]
    [InlineData("Damaged", "attempt_failed.damaged")]
    [InlineData("IncorrectItems", "attempt_failed.incorrect_items")]
    [InlineData("Rejected", "attempt_failed.refused")]
    [InlineData("RejectedByRecipientWithVerification", "attempt_failed.refused")]
    [InlineData("CancelledByRecipient", "attempt_failed.cancelled_by_recipient")]
    [InlineData("HazmatShipment", "attempt_failed.hazmat")]
    [InlineData("Undeliverable", "attempt_failed.attempted")]
    [InlineData("ArrivedAtLocalFacility", "attempt_failed.attempted")]
    [InlineData("NotRequired", "attempt_failed.attempted")]
    [InlineData("DeliveryAttempted", "attempt_failed.attempted")]
    public void Failure_reasons_attribute_the_attempt(string detailCode, string detail)
    {
        Assert.Equal(detail, AmazonDetailCodes.Refine(AmazonStatusMap.Event("DeliveryAttempted", "FORWARD")!, [detailCode]).Detail);
    }

    [Fact]
    public void Failure_reasons_do_not_touch_a_status_that_is_no_failure()
    {
        var transit = AmazonStatusMap.Event("Departed", "FORWARD")!;
        Assert.Equal(transit, AmazonDetailCodes.Refine(transit, ["Damaged"]));
    }

    [Theory]
    [InlineData("Signed", "delivered.signed", "", true)]
    [InlineData("DeliveredWithOTP", "delivered.with_otp", "", false)]
    [InlineData("DeliveredToPorch", "delivered.safe_place", "Porch", false)]
    [InlineData("DeliveredToGarage", "delivered.safe_place", "Garage", false)]
    [InlineData("DeliveredToGarden", "delivered.safe_place", "Garden", false)]
    [InlineData("DeliveredToGreenhouse", "delivered.safe_place", "Greenhouse", false)]
    [InlineData("DeliveredToMailSlot", "delivered.safe_place", "Mail slot", false)]
    [InlineData("DeliveredToMailRoom", "delivered.safe_place", "Mail room", false)]
    [InlineData("DeliveredToNeighbor", "delivered.neighbour", "Neighbour", false)]
    [InlineData("DeliveredToRearDoor", "delivered.safe_place", "Rear door", false)]
    [InlineData("DeliveredToReceptionist", "delivered.safe_place", "Receptionist", false)]
    [InlineData("DeliveredToShed", "delivered.safe_place", "Shed", false)]
    [InlineData("DeliveredToBehindWheelieBin", "delivered.safe_place", "Behind wheelie bin", false)]
    public void Delivery_codes_give_the_detail_and_the_proof(string code, string detail, string place, bool signed)
    {
        Assert.Equal(detail, AmazonDetailCodes.DeliveryDetail([code]));
        var proof = AmazonDetailCodes.Proof([code]);
        Assert.Equal((place, signed), (proof?.Location ?? "", proof?.HasSignature ?? false));
    }
}
