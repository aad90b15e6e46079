using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// The reply about several delivered parcels names the carrier they all went with, and speaks of "the carriers" only
/// when they went with more than one.
/// </summary>
public sealed class ParcelsCarrierWordingTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "According to UPS, every one of your parcels")]
    [InlineData("fr", "Selon UPS, chacun de vos colis")]
    [InlineData("de", "Laut UPS wurden alle Ihre Pakete")]
    [InlineData("es", "Según UPS, todos sus paquetes")]
    [InlineData("it", "Secondo UPS, tutti i suoi pacchi")]
    public void Parcels_that_all_went_with_one_carrier_are_delivered_according_to_that_carrier(string language, string words)
    {
        var first = InquiryDecisionTests.Shipment(TrackingStatus.Delivered);
        var second = first with { Id = "shp_2", TrackingNumber = "1Z999AA10123456795", CreatedAt = first.CreatedAt.AddHours(1) };

        var text = Render(language, first, second);

        Assert.Contains(words, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "According to the carriers, every one of your parcels")]
    [InlineData("fr", "Selon les transporteurs, chacun de vos colis")]
    [InlineData("de", "Laut den Versanddienstleistern wurden alle Ihre Pakete")]
    [InlineData("es", "Según los transportistas, todos sus paquetes")]
    [InlineData("it", "Secondo i corrieri, tutti i suoi pacchi")]
    public void Parcels_that_went_with_several_carriers_are_delivered_according_to_the_carriers(string language, string words)
    {
        var first = InquiryDecisionTests.Shipment(TrackingStatus.Delivered);
        var second = first with
        {
            Id = "shp_2", Carrier = "usps", TrackingNumber = "9400111206206406260787", CreatedAt = first.CreatedAt.AddHours(1),
            TrackingUrl = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787",
        };

        var text = Render(language, first, second);

        Assert.Contains(words, text, StringComparison.Ordinal);
    }

    private static string Render(string language, params ShipmentState[] parcels)
    {
        var order = InquiryDecisionTests.Order();
        var decision = InquiryDecisions.Decide(order, parcels, Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;
        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(order, decision.Shipment, locale, "amazon", parcels: decision.Parcels), "amazon");
        Assert.Equal("fbm_delivered_all_parcels", reply.TemplateId);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        return reply.Text;
    }
}
