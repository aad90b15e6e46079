using LogisticsLink.Carriers.FedEx;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.FedEx;

/// <summary>The FedEx code table, entry by entry (pure).</summary>
public sealed class FedExStatusMapTests
{
    [Theory]
    [InlineData("OC", TrackingStatus.InfoReceived, "info_received.label_created")]
    [InlineData("OX", TrackingStatus.InfoReceived, "info_received.sent_to_usps")]
    [InlineData("EP", TrackingStatus.InfoReceived, "info_received.pickup_en_route")]
    [InlineData("AP", TrackingStatus.InfoReceived, "info_received.at_pickup")]
    [InlineData("DS", TrackingStatus.InfoReceived, "info_received.pickup_vehicle_dispatched")]
    [InlineData("RP", TrackingStatus.InfoReceived, "info_received.return_label_emailed")]
    [InlineData("RG", TrackingStatus.InfoReceived, "info_received.return_label_expiring")]
    [InlineData("PU", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("PX", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("IT", TrackingStatus.InTransit, "in_transit.in_transit")]
    [InlineData("IX", TrackingStatus.InTransit, "in_transit.in_transit")]
    [InlineData("Ow", TrackingStatus.InTransit, "in_transit.in_transit")]
    [InlineData("PM", TrackingStatus.InTransit, "in_transit.in_transit")]
    [InlineData("AR", TrackingStatus.InTransit, "in_transit.arrived_at_facility")]
    [InlineData("AF", TrackingStatus.InTransit, "in_transit.arrived_at_facility")]
    [InlineData("OF", TrackingStatus.InTransit, "in_transit.arrived_at_facility")]
    [InlineData("SF", TrackingStatus.InTransit, "in_transit.arrived_at_facility")]
    [InlineData("FD", TrackingStatus.InTransit, "in_transit.arrived_at_destination_facility")]
    [InlineData("AA", TrackingStatus.InTransit, "in_transit.at_airport")]
    [InlineData("EA", TrackingStatus.InTransit, "in_transit.en_route_to_airport")]
    [InlineData("EO", TrackingStatus.InTransit, "in_transit.en_route_to_airport")]
    [InlineData("PF", TrackingStatus.InTransit, "in_transit.in_flight")]
    [InlineData("PL", TrackingStatus.InTransit, "in_transit.plane_landed")]
    [InlineData("DP", TrackingStatus.InTransit, "in_transit.departed_facility")]
    [InlineData("LO", TrackingStatus.InTransit, "in_transit.departed_facility")]
    [InlineData("AO", TrackingStatus.InTransit, "in_transit.on_time")]
    [InlineData("TR", TrackingStatus.InTransit, "in_transit.transferred")]
    [InlineData("AX", TrackingStatus.InTransit, "in_transit.at_partner_facility")]
    [InlineData("AC", TrackingStatus.InTransit, "in_transit.at_partner_facility")]
    [InlineData("CP", TrackingStatus.InTransit, "in_transit.customs")]
    [InlineData("CC", TrackingStatus.InTransit, "in_transit.customs_cleared")]
    [InlineData("OD", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    [InlineData("ED", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    [InlineData("AD", TrackingStatus.OutForDelivery, "out_for_delivery.at_delivery_address")]
    [InlineData("HL", TrackingStatus.AvailableForPickup, "available_for_pickup.hold_at_location")]
    [InlineData("HP", TrackingStatus.AvailableForPickup, "available_for_pickup.ready_for_pickup")]
    [InlineData("DE", TrackingStatus.AttemptFailed, "attempt_failed.delivery_exception")]
    [InlineData("DL", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("SE", TrackingStatus.Exception, "exception.shipment_exception")]
    [InlineData("CD", TrackingStatus.Exception, "exception.customs_hold")]
    [InlineData("DD", TrackingStatus.Exception, "exception.delayed")]
    [InlineData("DY", TrackingStatus.Exception, "exception.delayed")]
    [InlineData("PD", TrackingStatus.Exception, "exception.pickup_delayed")]
    [InlineData("CH", TrackingStatus.Exception, "exception.location_changed")]
    [InlineData("RS", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("CA", TrackingStatus.Cancelled, "cancelled.shipment_cancelled")]
    [InlineData("LP", TrackingStatus.Cancelled, "cancelled.return_label_cancelled")]
    [InlineData("RD", TrackingStatus.Cancelled, "cancelled.return_label_expired")]
    public void Each_event_type_maps_to_its_status(string code, TrackingStatus status, string detail)
    {
        var mapped = FedExStatusMap.Event(code);

        Assert.NotNull(mapped);
        Assert.Equal(status, mapped.Status);
        Assert.Equal(detail, mapped.Detail);
        Assert.Equal(mapped, FedExStatusMap.Event(code.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("RR")]
    [InlineData("RM")]
    [InlineData("RC")]
    [InlineData("DR")]
    [InlineData("SP")]
    public void Informational_codes_carry_no_status(string code)
    {
        var mapped = FedExStatusMap.Event(code);

        Assert.NotNull(mapped);
        Assert.Null(mapped.Status);
        Assert.StartsWith("info.", mapped.Detail);
    }

    [Theory]
    [InlineData("IN", TrackingStatus.InfoReceived)]
    [InlineData("IT", TrackingStatus.InTransit)]
    [InlineData("PU", TrackingStatus.InTransit)]
    [InlineData("DE", TrackingStatus.AttemptFailed)]
    [InlineData("DY", TrackingStatus.Exception)]
    [InlineData("RL", TrackingStatus.Exception)]
    [InlineData("DL", TrackingStatus.Delivered)]
    public void Derived_codes_are_a_fallback(string code, TrackingStatus status) =>
        Assert.Equal(status, FedExStatusMap.Derived(code)!.Status);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ZZ")]
    public void Unknown_codes_map_to_nothing_rather_than_a_guess(string? code)
    {
        Assert.Null(FedExStatusMap.Event(code));
        Assert.Null(FedExStatusMap.Derived(code));
    }

    [Fact]
    public void Every_mapped_detail_starts_with_its_status_family()
    {
        var families = new Dictionary<TrackingStatus, string>
        {
            [TrackingStatus.InfoReceived] = "info_received.", [TrackingStatus.InTransit] = "in_transit.",
            [TrackingStatus.OutForDelivery] = "out_for_delivery.", [TrackingStatus.AttemptFailed] = "attempt_failed.",
            [TrackingStatus.AvailableForPickup] = "available_for_pickup.", [TrackingStatus.Delivered] = "delivered.",
            [TrackingStatus.Exception] = "exception.", [TrackingStatus.Returning] = "returning.", [TrackingStatus.Cancelled] = "cancelled.",
        };
        foreach (var code in FedExStatusMap.EventTypes.Values.Concat(FedExStatusMap.DerivedOnly.Values).Where(c => c.Status is not null))
        {
            Assert.StartsWith(families[code.Status!.Value], code.Detail);
        }
    }

    [Theory]
    [InlineData("DE", "Customer not available or business closed", "attempt_failed.business_closed")]
    [InlineData("DE", "Recipient not available", "attempt_failed.recipient_absent")]
    [InlineData("DE", "Incorrect address - apartment number missing", "attempt_failed.address_issue")]
    [InlineData("DE", "Package refused by recipient", "attempt_failed.refused")]
    [InlineData("DE", "No access to delivery location", "attempt_failed.no_access")]
    [InlineData("DE", "Something new", "attempt_failed.delivery_exception")]
    [InlineData("DY", "Severe weather conditions have delayed delivery", "exception.delayed_weather")]
    [InlineData("SE", "Clearance delay - commercial invoice required", "exception.customs_hold")]
    [InlineData("SE", "Package damaged", "exception.damaged")]
    [InlineData("SE", "Incorrect address", "exception.address_issue")]
    [InlineData("SE", "", "exception.shipment_exception")]
    [InlineData("PU", "weather", "in_transit.picked_up")]
    public void Incidents_are_attributed_only_from_what_FedEx_says(string code, string reason, string detail) =>
        Assert.Equal(detail, FedExIncidents.Refine(FedExStatusMap.Event(code)!, reason).Detail);
}
