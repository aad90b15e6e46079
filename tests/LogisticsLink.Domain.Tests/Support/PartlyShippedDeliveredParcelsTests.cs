using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// An order the marketplace calls partly shipped, whose shipped part went in several parcels, all delivered: the reply
/// names every delivered parcel and says another part of the order has not shipped yet.
/// </summary>
public sealed class PartlyShippedDeliveredParcelsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly ShipmentState First = InquiryDecisionTests.Shipment(TrackingStatus.Delivered);

    private static readonly ShipmentState Second = First with
    {
        Id = "shp_2", Carrier = "usps", TrackingNumber = "9400111206206406260787", CreatedAt = First.CreatedAt.AddHours(1),
        TrackingUrl = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787",
    };

    [Fact]
    public void Several_delivered_parcels_of_a_partly_shipped_order_are_answered_together_unless_the_buyer_names_one()
    {
        var order = InquiryDecisionTests.Order() with { Status = "PartiallyShipped" };

        var all = InquiryDecisions.Decide(order, [Second, First], Now);
        var named = InquiryDecisions.Decide(order, [Second, First], Now, ["shp_2"]);

        Assert.Equal((RecommendedAction.ShareTracking, "partially_shipped_delivered_parcels"), (all.Action, all.Scenario.TemplateId()));
        Assert.Equal(["shp_1", "shp_2"], all.Parcels.Select(p => p.Id));
        Assert.Equal(("partially_shipped_delivered", "shp_2"), (named.Scenario.TemplateId(), named.Shipment?.Id));
    }

    [Theory]
    [InlineData("en", "Another part of your order has not shipped yet")]
    [InlineData("fr", "Une autre partie de votre commande n'est pas encore expédiée")]
    [InlineData("de", "Ein anderer Teil Ihrer Bestellung ist noch nicht versandt")]
    [InlineData("es", "Otra parte de su pedido aún no se ha enviado")]
    [InlineData("it", "Un'altra parte del suo ordine non è ancora stata spedita")]
    public void The_reply_names_every_delivered_parcel_and_says_another_part_has_not_shipped(string language, string notShipped)
    {
        var order = InquiryDecisionTests.Order() with { Status = "PartiallyShipped" };
        var decision = InquiryDecisions.Decide(order, [Second, First], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(order, decision.Shipment, locale, "amazon", parcels: decision.Parcels), "amazon");

        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        Assert.Contains(order.OrderId, reply.Text);
        Assert.Contains($"- UPS {First.TrackingNumber} (", reply.Text);
        Assert.Contains($"- USPS {Second.TrackingNumber} (", reply.Text);
        Assert.Contains(Second.TrackingUrl!, reply.Text);
        Assert.Contains(notShipped, reply.Text);
    }
}
