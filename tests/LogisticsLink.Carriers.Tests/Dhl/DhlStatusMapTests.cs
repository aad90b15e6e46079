using LogisticsLink.Carriers.Dhl;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.Dhl;

/// <summary>The mapping tables, code by code, with no HTTP. Every code in the tables has a row here.</summary>
public sealed class DhlStatusMapTests
{
    public static readonly TheoryData<string, TrackingStatus, string> StatusCodes = new()
    {
        { "pre-transit", TrackingStatus.InfoReceived, "info_received.pre_transit" },
        { "transit", TrackingStatus.InTransit, "in_transit.on_the_way" },
        { "delivered", TrackingStatus.Delivered, "delivered.address" },
        { "failure", TrackingStatus.Exception, "exception.carrier" },
    };

    [Theory]
    [MemberData(nameof(StatusCodes))]
    public void Status_code(string statusCode, TrackingStatus status, string detail) =>
        Assert.Equal(new DhlMappedStatus(status, detail), DhlStatusMap.Map(statusCode, "", ""));

    [Fact]
    public void Unknown_says_nothing_and_is_documented()
    {
        Assert.Null(DhlStatusMap.Map("unknown", "", ""));
        Assert.True(DhlStatusMap.IsDocumented("unknown"));
        Assert.False(DhlStatusMap.IsDocumented("teleported"));
        Assert.Null(DhlStatusMap.Map("teleported", "", ""));
    }

    /// <summary>parcel-de short code (sent with statusCode transit, whatever it says) → status, detail.</summary>
    public static readonly TheoryData<string, TrackingStatus, string> ParcelDeCodes = new()
    {
        { "VA", TrackingStatus.InfoReceived, "info_received.pre_advice" },
        { "AE", TrackingStatus.InTransit, "in_transit.picked_up" },
        { "ES", TrackingStatus.InTransit, "in_transit.processed" },
        { "AA", TrackingStatus.InTransit, "in_transit.processed" },
        { "EE", TrackingStatus.InTransit, "in_transit.processed" },
        { "NB", TrackingStatus.InTransit, "in_transit.processed" },
        { "PO", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle" },
        { "LA", TrackingStatus.AvailableForPickup, "available_for_pickup.held_for_pickup" },
        { "ZF", TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point" },
        { "ZN", TrackingStatus.AttemptFailed, "attempt_failed.attempted" },
        { "ZU", TrackingStatus.Delivered, "delivered.address" },
        { "AN", TrackingStatus.Exception, "exception.pickup_failed" },
        // Informational codes defer to the statusCode.
        { "BV", TrackingStatus.InTransit, "in_transit.on_the_way" },
        { "ZO", TrackingStatus.InTransit, "in_transit.on_the_way" },
        { "DD", TrackingStatus.InTransit, "in_transit.on_the_way" },
        { "GT", TrackingStatus.InTransit, "in_transit.on_the_way" },
    };

    [Theory]
    [MemberData(nameof(ParcelDeCodes))]
    public void Parcel_de_code(string code, TrackingStatus status, string detail) =>
        Assert.Equal(new DhlMappedStatus(status, detail), DhlStatusMap.Map("transit", code, ""));

    [Fact]
    public void Every_parcel_de_code_is_tested() =>
        Assert.Equal(DhlStatusMap.ParcelDeCodes.Keys.Order(StringComparer.Ordinal), ParcelDeCodes.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("BV")]
    [InlineData("ZO")]
    public void Informational_codes_sent_with_failure_are_exceptions(string code) =>
        Assert.Equal(TrackingStatus.Exception, DhlStatusMap.Map("failure", code, "")?.Status);

    [Fact]
    public void A_free_text_status_is_never_read_as_a_status() =>
        // DHL's own example: statusCode pre-transit with status "DELIVERED".
        Assert.Equal(TrackingStatus.InfoReceived, DhlStatusMap.Map("pre-transit", "DELIVERED", "DELIVERED")?.Status);

    [Theory]
    [InlineData("failure", "The shipment has been declared lost", TrackingStatus.Lost, "lost.confirmed")]
    [InlineData("failure", "The shipment will be returned to sender", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("failure", "Delayed due to severe weather", TrackingStatus.Exception, "exception.delayed_weather")]
    [InlineData("failure", "Held by customs", TrackingStatus.Exception, "exception.customs_hold")]
    [InlineData("failure", "The address is incomplete", TrackingStatus.Exception, "exception.address_issue")]
    [InlineData("failure", "The shipment was damaged", TrackingStatus.Exception, "exception.damaged")]
    [InlineData("failure", "Acceptance refused by the recipient", TrackingStatus.Exception, "exception.refused")]
    [InlineData("failure", "The recipient was not at home", TrackingStatus.AttemptFailed, "attempt_failed.recipient_absent")]
    [InlineData("failure", "No movement; investigation opened", TrackingStatus.Exception, "exception.no_scan")]
    [InlineData("failure", "Something went wrong", TrackingStatus.Exception, "exception.carrier")]
    [InlineData("transit", "Customs clearance completed", TrackingStatus.InTransit, "in_transit.customs_released")]
    [InlineData("transit", "Processed by customs", TrackingStatus.InTransit, "in_transit.customs")]
    [InlineData("transit", "Being returned to the sender", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("delivered", "Delivered despite weather", TrackingStatus.Delivered, "delivered.address")]
    public void Incidents_are_attributed_from_the_text(string statusCode, string text, TrackingStatus status, string detail) =>
        Assert.Equal(new DhlMappedStatus(status, detail), DhlStatusMap.Map(statusCode, "", text));

    [Fact]
    public void The_raw_code_keeps_the_parcel_de_code_with_the_status_code()
    {
        Assert.Equal("transit/PO", DhlStatusMap.RawCode("transit", "PO"));
        Assert.Equal("pre-transit", DhlStatusMap.RawCode("pre-transit", "DELIVERED"));
    }
}
