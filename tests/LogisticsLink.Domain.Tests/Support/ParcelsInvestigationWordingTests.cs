using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// The replies about several delivered parcels offer to open an investigation with the carrier when every parcel went
/// with one, and with the carriers when they went with several: a buyer whose parcels went with UPS and USPS must not
/// read that one company will look into both.
/// </summary>
public sealed class ParcelsInvestigationWordingTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly ShipmentState Ups = InquiryDecisionTests.Shipment(TrackingStatus.Delivered);

    private static readonly ShipmentState SecondUps = Ups with
    {
        Id = "shp_2", TrackingNumber = "1Z999AA10123456795", CreatedAt = Ups.CreatedAt.AddHours(1),
    };

    private static readonly ShipmentState Usps = Ups with
    {
        Id = "shp_2", Carrier = "usps", TrackingNumber = "9400111206206406260787", CreatedAt = Ups.CreatedAt.AddHours(1),
        TrackingUrl = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787",
    };

    public static TheoryData<string, string, string> OneCarrier => Wording(
        ("en", "we will open an investigation with the carrier."),
        ("fr", "nous ouvrirons une enquête auprès du transporteur."),
        ("de", "Wir leiten eine Nachforschung beim Versanddienstleister ein."),
        ("es", "abriremos una investigación con el transportista."),
        ("it", "apriremo un'indagine con il corriere."));

    public static TheoryData<string, string, string> SeveralCarriers => Wording(
        ("en", "we will open an investigation with the carriers."),
        ("fr", "nous ouvrirons une enquête auprès des transporteurs."),
        ("de", "Wir leiten eine Nachforschung bei den Versanddienstleistern ein."),
        ("es", "abriremos una investigación con los transportistas."),
        ("it", "apriremo un'indagine con i corrieri."));

    [Theory]
    [MemberData(nameof(OneCarrier))]
    public void Parcels_that_all_went_with_one_carrier_are_investigated_with_the_carrier(string templateId, string language, string words)
    {
        var text = Render(templateId, language, Ups, SecondUps);

        Assert.Contains(words, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SeveralCarriers))]
    public void Parcels_that_went_with_several_carriers_are_investigated_with_the_carriers(string templateId, string language, string words)
    {
        var text = Render(templateId, language, Ups, Usps);

        Assert.Contains(words, text, StringComparison.Ordinal);
    }

    // Every several-parcel reply in every language: the fully delivered order and the partly shipped one.
    private static TheoryData<string, string, string> Wording(params (string Language, string Words)[] sentences)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var templateId in new[] { "fbm_delivered_all_parcels", "partially_shipped_delivered_parcels" })
        {
            foreach (var (language, words) in sentences)
            {
                data.Add(templateId, language, words);
            }
        }
        return data;
    }

    private static string Render(string templateId, string language, params ShipmentState[] parcels)
    {
        var order = InquiryDecisionTests.Order() with
        {
            Status = templateId == "partially_shipped_delivered_parcels" ? "PartiallyShipped" : InquiryDecisionTests.Order().Status,
        };
        var decision = InquiryDecisions.Decide(order, parcels, Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;
        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(order, decision.Shipment, locale, "amazon", parcels: decision.Parcels), "amazon");
        Assert.Equal(templateId, reply.TemplateId);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        return reply.Text;
    }
}
