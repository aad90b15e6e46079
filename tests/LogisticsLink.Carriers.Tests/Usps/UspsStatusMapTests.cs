using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>The mapping tables, code by code, with no HTTP. Every code in the tables has a row here.</summary>
public sealed class UspsStatusMapTests
{
    private const TrackingStatus Info = TrackingStatus.InfoReceived;
    private const TrackingStatus Transit = TrackingStatus.InTransit;
    private const TrackingStatus Attempt = TrackingStatus.AttemptFailed;
    private const TrackingStatus Pickup = TrackingStatus.AvailableForPickup;
    private const TrackingStatus Back = TrackingStatus.Returning;

    public static readonly TheoryData<string, TrackingStatus, string> EventCodes = new()
    {
        { "MA", Info, "info_received.manifest_received" }, { "GX", Info, "info_received.label_created" },
        { "03", Transit, "in_transit.accepted" }, { "TM", Transit, "in_transit.accepted" }, { "PA", Transit, "in_transit.accepted" },
        { "10", Transit, "in_transit.processed" }, { "PC", Transit, "in_transit.processed" },
        { "EF", Transit, "in_transit.departed_facility" }, { "T1", Transit, "in_transit.departed_facility" },
        { "SF", Transit, "in_transit.departed_post_office" }, { "07", Transit, "in_transit.arrived_at_post_office" },
        { "A1", Transit, "in_transit.arrived_at_facility" }, { "TL", Transit, "in_transit.on_the_way" },
        { "06", Transit, "in_transit.forwarded" }, { "08", Transit, "in_transit.missent" }, { "15", Transit, "in_transit.missent" },
        { "42", Transit, "in_transit.partner_handoff" }, { "80", Transit, "in_transit.partner_handoff" },
        { "81", Transit, "in_transit.partner_handoff" }, { "82", Transit, "in_transit.partner_handoff" },
        { "OF", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle" },
        { "01", TrackingStatus.Delivered, "delivered.address" }, { "17", TrackingStatus.Delivered, "delivered.agent" },
        { "43", TrackingStatus.Delivered, "delivered.picked_up" },
        { "02", Attempt, "attempt_failed.notice_left" }, { "52", Attempt, "attempt_failed.notice_left" },
        { "53", Attempt, "attempt_failed.receptacle_blocked" }, { "54", Attempt, "attempt_failed.receptacle_full" },
        { "55", Attempt, "attempt_failed.no_secure_location" }, { "56", Attempt, "attempt_failed.recipient_absent" },
        { "30", Attempt, "attempt_failed.no_access" }, { "51", Attempt, "attempt_failed.business_closed" },
        { "71", Attempt, "attempt_failed.rescheduled" },
        { "14", Pickup, "available_for_pickup.arrived_at_pickup_point" }, { "16", Pickup, "available_for_pickup.held_for_pickup" },
        { "DX", TrackingStatus.Exception, "exception.status_not_updated" }, { "05", TrackingStatus.Exception, "exception.address_issue" },
        { "11", TrackingStatus.Lost, "lost.dead_letter" },
        { "04", Back, "returning.refused" }, { "09", Back, "returning.to_sender" }, { "21", Back, "returning.no_such_number" },
        { "22", Back, "returning.insufficient_address" }, { "23", Back, "returning.moved_no_forwarding" },
        { "24", Back, "returning.forward_expired" }, { "25", Back, "returning.addressee_unknown" }, { "26", Back, "returning.vacant" },
        { "27", Back, "returning.unclaimed" }, { "28", Back, "returning.deceased" }, { "29", Back, "returning.other" },
        { "31", Back, "returning.not_picked_up" }, { "44", Back, "returning.sender_recall" },
    };

    [Theory]
    [MemberData(nameof(EventCodes))]
    public void Event_code(string code, TrackingStatus status, string detail) =>
        Assert.Equal(new UspsMappedStatus(status, detail), UspsStatusMap.Event(code, ""));

    [Fact]
    public void Every_code_in_the_table_is_tested() =>
        Assert.Equal(UspsStatusMap.EventCodes.Keys.Order(StringComparer.Ordinal), EventCodes.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Fact]
    public void An_unknown_code_is_null_not_a_guess()
    {
        Assert.Null(UspsStatusMap.Event("ZZ", "Delivered"));
        Assert.Null(UspsStatusMap.Event("", "Out for Delivery"));
    }

    [Theory]
    [InlineData("Delivered, Parcel Locker", "delivered.locker")]
    [InlineData("Delivered, PO Box", "delivered.po_box")]
    [InlineData("Delivered, Front Desk/Reception/Mail Room", "delivered.front_desk")]
    [InlineData("Delivered, Left with Individual", "delivered.recipient")]
    [InlineData("Delivered, Front Door/Porch", "delivered.front_door")]
    [InlineData("Delivered, In/At Mailbox", "delivered.mailbox")]
    [InlineData("Delivered, Individual Picked Up at Post Office", "delivered.picked_up")]
    [InlineData("Delivered", "delivered.address")]
    public void The_delivery_place_narrows_code_01(string text, string detail) =>
        Assert.Equal(detail, UspsStatusMap.Event("01", text)!.Detail);

    [Theory]
    [InlineData("Pre-Shipment", TrackingStatus.InfoReceived)]
    [InlineData("Accepted", TrackingStatus.InTransit)]
    [InlineData("In Transit", TrackingStatus.InTransit)]
    [InlineData("In-Transit", TrackingStatus.InTransit)]
    [InlineData("Out for Delivery", TrackingStatus.OutForDelivery)]
    [InlineData("Delivery Attempt", TrackingStatus.AttemptFailed)]
    [InlineData("Available for Pickup", TrackingStatus.AvailableForPickup)]
    [InlineData("Delivered", TrackingStatus.Delivered)]
    [InlineData("Alert", TrackingStatus.Exception)]
    [InlineData("Return to Sender", TrackingStatus.Returning)]
    public void Status_category(string category, TrackingStatus status) =>
        Assert.Equal(status, UspsStatusMap.Category(category)?.Status);

    [Fact]
    public void An_unknown_category_is_null() => Assert.Null(UspsStatusMap.Category("Something New"));

    [Theory]
    [InlineData("DX", "Delayed Due to Weather", "exception.delayed_weather")]
    [InlineData("DX", "Held in Customs", "exception.customs_hold")]
    [InlineData("DX", "Delivery status not updated", "exception.no_scan")]
    [InlineData("DX", "Something else happened", "exception.status_not_updated")]
    [InlineData("02", "Notice Left (No Authorized Recipient Available)", "attempt_failed.recipient_absent")]
    [InlineData("02", "Notice Left (Business Closed)", "attempt_failed.business_closed")]
    [InlineData("02", "Notice Left", "attempt_failed.notice_left")]
    [InlineData("10", "Processed Through Facility, Inbound Into Customs", "in_transit.customs")]
    [InlineData("10", "Customs Clearance Processing Complete", "in_transit.customs_released")]
    [InlineData("10", "Processed Through USPS Facility", "in_transit.processed")]
    // A code that names its cause is never overridden by words.
    [InlineData("56", "Notice Left: weather", "attempt_failed.recipient_absent")]
    [InlineData("05", "Undeliverable as Addressed, customs", "exception.address_issue")]
    public void Incidents_are_attributed_from_the_text_only_for_generic_codes(string code, string text, string detail) =>
        Assert.Equal(detail, UspsStatusMap.Event(code, text)!.Detail);
}
