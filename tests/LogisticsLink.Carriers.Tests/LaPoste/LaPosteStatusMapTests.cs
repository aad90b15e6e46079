using LogisticsLink.Carriers.LaPoste;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Tests.LaPoste;

public sealed class LaPosteStatusMapTests
{
    [Theory]
    [InlineData("DR1", TrackingStatus.InfoReceived, "info_received.label_created")]
    [InlineData("PC1", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("PC2", TrackingStatus.InTransit, "in_transit.picked_up")]
    [InlineData("ET1", TrackingStatus.InTransit, "in_transit.processing")]
    [InlineData("ET2", TrackingStatus.InTransit, "in_transit.processing_origin_country")]
    [InlineData("ET3", TrackingStatus.InTransit, "in_transit.processing_destination_country")]
    [InlineData("ET4", TrackingStatus.InTransit, "in_transit.processing_transit_country")]
    [InlineData("EP1", TrackingStatus.InTransit, "in_transit.awaiting_presentation")]
    [InlineData("DO1", TrackingStatus.InTransit, "in_transit.customs")]
    [InlineData("DO2", TrackingStatus.InTransit, "in_transit.customs_released")]
    [InlineData("DO3", TrackingStatus.Exception, "exception.customs_hold")]
    [InlineData("PB1", TrackingStatus.Exception, "exception.problem")]
    [InlineData("PB2", TrackingStatus.InTransit, "in_transit.problem_resolved")]
    [InlineData("MD2", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    [InlineData("ND1", TrackingStatus.AttemptFailed, "attempt_failed.undeliverable")]
    [InlineData("AG1", TrackingStatus.AvailableForPickup, "available_for_pickup.awaiting_collection")]
    [InlineData("RE1", TrackingStatus.Returning, "returning.to_sender")]
    [InlineData("DI1", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData("DI2", TrackingStatus.Returned, "returned.to_sender")]
    [InlineData("DI0", TrackingStatus.Delivered, "delivered.batch")]
    [InlineData("DR2", TrackingStatus.Exception, "exception.preparation_problem")]
    [InlineData("DI3", TrackingStatus.Exception, "exception.delayed")]
    [InlineData("di1", TrackingStatus.Delivered, "delivered.recipient")]
    [InlineData(" MD2 ", TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle")]
    public void Every_documented_code_maps(string code, TrackingStatus status, string detail)
    {
        Assert.Equal(new LaPosteCode(status, detail), LaPosteStatusMap.Map(code));
    }

    [Fact]
    public void The_table_is_exactly_the_documented_codes()
    {
        string[] documented =
        [
            "DR1", "PC1", "PC2", "ET1", "ET2", "ET3", "ET4", "EP1", "DO1", "DO2", "DO3", "PB1", "PB2",
            "MD2", "ND1", "AG1", "RE1", "DI1", "DI2", "DI0", "DR2", "DI3", "ID0",
        ];
        Assert.Equal(documented.Order(), LaPosteStatusMap.Codes.Keys.Order());
    }

    [Fact]
    public void Customs_information_says_nothing_about_where_the_parcel_is()
    {
        Assert.Null(LaPosteStatusMap.Map("ID0")!.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("XX9")]
    public void An_unknown_code_is_not_guessed(string? code)
    {
        Assert.Null(LaPosteStatusMap.Map(code));
    }

    [Theory]
    [InlineData("PB1", "Retard dû aux intempéries", "exception.delayed_weather")]
    [InlineData("PB1", "Bad weather conditions are delaying your parcel.", "exception.delayed_weather")]
    [InlineData("PB1", "Votre colis est retenu : facture commerciale manquante pour la douane", "exception.customs_hold")]
    [InlineData("PB1", "Votre colis a été endommagé", "exception.damaged")]
    [InlineData("PB1", "Adresse incomplète", "exception.address_issue")]
    [InlineData("PB1", "Colis refusé par le destinataire", "exception.refused")]
    [InlineData("PB1", "Votre colis est en retard", "exception.delayed")]
    [InlineData("PB1", "Un incident est en cours", "exception.problem")]
    [InlineData("ND1", "Destinataire absent, un avis de passage a été déposé", "attempt_failed.recipient_absent")]
    [InlineData("ND1", "Adresse inexacte", "attempt_failed.address_issue")]
    [InlineData("ND1", "Accès impossible à la boîte aux lettres", "attempt_failed.no_access")]
    [InlineData("ND1", "Votre colis n'a pas pu être livré", "attempt_failed.undeliverable")]
    [InlineData("DO3", "Retenu en douane en raison des intempéries", "exception.customs_hold")]
    [InlineData("DI1", "Livré malgré les intempéries", "delivered.recipient")]
    public void Incidents_are_attributed_from_the_label(string code, string label, string detail)
    {
        Assert.Equal(detail, LaPosteIncidents.Refine(LaPosteStatusMap.Map(code)!, label).Detail);
    }
}
