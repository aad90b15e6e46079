using LogisticsLink.Carriers.RoyalMail;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.RoyalMail;

public sealed class RoyalMailStatusMapTests
{
    [Theory]
    [InlineData("EVAIP", TrackingStatus.InfoReceived, "info_received.sender_despatching")]
    [InlineData("EVAIE", TrackingStatus.InfoReceived, "info_received.sender_despatching")]
    [InlineData("EVBAH", TrackingStatus.InTransit, "in_transit.at_national_hub")]
    [InlineData("EVDAC", TrackingStatus.InTransit, "in_transit.at_mail_centre")]
    [InlineData("EVDAV", TrackingStatus.InTransit, "in_transit.at_mail_centre")]
    [InlineData("EVIAV", TrackingStatus.InTransit, "in_transit.reached_mail_centre")]
    [InlineData("EVIMC", TrackingStatus.InTransit, "in_transit.reached_mail_centre")]
    [InlineData("EVGMI", TrackingStatus.InTransit, "in_transit.mis_sort_rerouted")]
    [InlineData("EVIPI", TrackingStatus.InTransit, "in_transit.mis_sort_rerouted")]
    [InlineData("EVNMI", TrackingStatus.InTransit, "in_transit.mis_sort_rerouted")]
    [InlineData("EVGPD", TrackingStatus.OutForDelivery, "out_for_delivery.due_today")]
    [InlineData("EVKSP", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("EVKOP", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("EVKSF", TrackingStatus.Delivered, "delivered.safeplace")]
    [InlineData("EVKDN", TrackingStatus.Delivered, "delivered.neighbour")]
    [InlineData("EVPLC", TrackingStatus.Delivered, "delivered.collected_from_post_office")]
    [InlineData("EVNOC", TrackingStatus.Delivered, "delivered.collected_from_delivery_office")]
    [InlineData("EVKLC", TrackingStatus.AvailableForPickup, "available_for_pickup.collection_point")]
    [InlineData("EVNKS", TrackingStatus.AvailableForPickup, "available_for_pickup.keepsafe")]
    [InlineData("EVKNA", TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent")]
    [InlineData("EVNDA", TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent")]
    [InlineData("EVKAA", TrackingStatus.AttemptFailed, "attempt_failed.address_issue")]
    [InlineData("EVNAA", TrackingStatus.AttemptFailed, "attempt_failed.address_issue")]
    [InlineData("EVNDN", TrackingStatus.AttemptFailed, "attempt_failed.attempted")]
    [InlineData("EVKSU", TrackingStatus.AttemptFailed, "attempt_failed.safeplace_unavailable")]
    [InlineData("EVNAR", TrackingStatus.AttemptFailed, "attempt_failed.redelivery_next_working_day")]
    [InlineData("EVNRT", TrackingStatus.Exception, "exception.held")]
    [InlineData("EVKAI", TrackingStatus.Returning, "returning.address_unidentified")]
    [InlineData("EVKGA", TrackingStatus.Returning, "returning.recipient_moved")]
    [InlineData("EVNGA", TrackingStatus.Returning, "returning.recipient_moved")]
    [InlineData("EVKRF", TrackingStatus.Returning, "returning.refused")]
    [InlineData("EVNRF", TrackingStatus.Returning, "returning.refused")]
    [InlineData("EVRTS", TrackingStatus.Returned, "returned.to_sender")]
    [InlineData("EVPPA", TrackingStatus.InTransit, "in_transit.accepted")]
    [InlineData("EVOCO", TrackingStatus.InTransit, "in_transit.received_processing")]
    [InlineData("EVODO", TrackingStatus.InTransit, "in_transit.at_delivery_office")]
    [InlineData("EVORI", TrackingStatus.InTransit, "in_transit.received_international")]
    [InlineData("EVKNR", TrackingStatus.AttemptFailed, "attempt_failed.attempted")]
    [InlineData("evksp", TrackingStatus.Delivered, "delivered.recipient")]
    public void Every_documented_code_maps(string code, TrackingStatus status, string detail)
    {
        Assert.Equal(new RoyalMailCode(status, detail), RoyalMailStatusMap.Map(code));
    }

    [Theory]
    [InlineData("ASRXS")]
    [InlineData("RFRXS")]
    [InlineData("RNRXS")]
    [InlineData("RORXS")]
    [InlineData("RPRXS")]
    [InlineData("RSRXS")]
    public void A_redelivery_request_says_nothing_about_where_the_item_is(string code)
    {
        Assert.Equal(new RoyalMailCode(null, "info.redelivery_requested"), RoyalMailStatusMap.Map(code));
    }

    [Fact]
    public void The_table_is_exactly_the_documented_codes()
    {
        string[] documented =
        [
            "EVAIP", "EVAIE", "EVBAH", "EVDAC", "EVDAV", "EVIAV", "EVIMC", "EVGMI", "EVIPI", "EVNMI", "EVGPD", "EVKSP", "EVKOP",
            "EVKSF", "EVKDN", "EVKLC", "EVPLC", "EVNOC", "EVKNA", "EVNDA", "EVKAA", "EVNAA", "EVNDN", "EVKSU", "EVNAR", "EVNKS",
            "EVNRT", "EVKAI", "EVKGA", "EVNGA", "EVKRF", "EVNRF", "EVRTS", "ASRXS", "RFRXS", "RNRXS", "RORXS", "RPRXS", "RSRXS",
            "EVPPA", "EVOCO", "EVKNR", "EVODO", "EVORI",
        ];
        Assert.Equal(documented.Order(), RoyalMailStatusMap.Codes.Keys.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("EVXXX")]
    public void An_unknown_code_is_not_guessed(string? code)
    {
        Assert.Null(RoyalMailStatusMap.Map(code));
    }

    [Theory]
    [InlineData("EVNRT", "Held: severe weather in the area is delaying delivery", "exception.delayed_weather")]
    [InlineData("EVNRT", "Held by customs: commercial invoice required", "exception.customs_hold")]
    [InlineData("EVNRT", "Held at your request", "exception.held_at_request")]
    [InlineData("EVNRT", "Held: item declared lost after investigation", "exception.lost")]
    [InlineData("EVNRT", "Held: no movement recorded, investigation opened", "exception.investigation")]
    [InlineData("EVNRT", "Held", "exception.held")]
    [InlineData("EVNDN", "Unable to deliver, nobody in", "attempt_failed.recipient_absent")]
    [InlineData("EVNDN", "Unable to deliver, fee to pay", "attempt_failed.payment_required")]
    [InlineData("EVNDN", "Unable to deliver, we'll try again", "attempt_failed.attempted")]
    [InlineData("EVKNA", "No answer, weather", "attempt_failed.recipient_absent")]
    public void Incidents_are_attributed_from_the_event_name(string code, string name, string detail)
    {
        Assert.Equal(detail, RoyalMailIncidents.Refine(RoyalMailStatusMap.Map(code)!, name).Detail);
    }
}
