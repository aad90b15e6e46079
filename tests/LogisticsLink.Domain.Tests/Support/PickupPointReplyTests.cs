using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// A parcel waiting at a pickup point or locker is told with where it waits, as the carrier's latest pickup scan gives
/// it, in every language; a scan that says nothing of the place leaves the reply saying nothing of it either.
/// </summary>
public sealed class PickupPointReplyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static TrackingEvent Scan(TrackingStatus status, string description, TrackingLocation location, int hoursAgo) =>
        new(Now.AddHours(-hoursAgo), status, "", description, "X", location, "test", Now.AddHours(-hoursAgo));

    private static readonly TrackingLocation Lille = new("Lille", "Hauts-de-France", "59800", "FR");

    private static readonly IReadOnlyList<TrackingEvent> AtALocker =
    [
        Scan(TrackingStatus.InTransit, "Arrived at delivery depot", new("Paris", "", "93290", "FR"), 20),
        Scan(TrackingStatus.AvailableForPickup, "Placed in parcel locker 59800-A12, awaiting collection.", Lille, 2),
        Scan(TrackingStatus.InTransit, "Arrived at sorting hub", new("Roissy", "", "95700", "FR"), 30),
    ];

    public static TheoryData<string, string> PickupTemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add("Shipped", language);
            data.Add("PartiallyShipped", language);
        }
        return data;
    }

    private static ComposedReply Reply(string orderStatus, string language, ShipmentState parcel, IReadOnlyList<TrackingEvent> events)
    {
        var order = InquiryDecisionTests.Order() with { Status = orderStatus };
        var decision = InquiryDecisions.Decide(order, [parcel], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;
        var values = ReplyValues.From(order, decision.Shipment, locale, "amazon", now: Now, events: events);
        return ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, values, "amazon");
    }

    [Theory]
    [MemberData(nameof(PickupTemplatesAndLanguages))]
    public void The_reply_names_the_place_and_the_carriers_words_of_the_latest_pickup_scan(string orderStatus, string language)
    {
        var reply = Reply(orderStatus, language, InquiryDecisionTests.Shipment(TrackingStatus.AvailableForPickup), AtALocker);

        Assert.Contains("59800 Lille", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Placed in parcel locker 59800-A12, awaiting collection", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("collection.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Paris", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
    }

    [Theory]
    [MemberData(nameof(PickupTemplatesAndLanguages))]
    public void With_no_pickup_scan_the_reply_names_no_place(string orderStatus, string language)
    {
        var parcel = InquiryDecisionTests.Shipment(TrackingStatus.AvailableForPickup);
        var withoutPickupScan = AtALocker.Where(e => e.Status != TrackingStatus.AvailableForPickup).ToList();
        var blankScan = new[] { Scan(TrackingStatus.AvailableForPickup, "", TrackingLocation.Unknown, 1) };

        var replies = new[] { Reply(orderStatus, language, parcel, []), Reply(orderStatus, language, parcel, withoutPickupScan), Reply(orderStatus, language, parcel, blankScan) };

        Assert.All(replies, reply =>
        {
            Assert.Equal(replies[0].Text, reply.Text);
            Assert.DoesNotContain("Paris", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Roissy", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("«", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("„", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(" .", reply.Text, StringComparison.Ordinal);
            Assert.True(reply.Compliant);
        });
        Assert.Contains(parcel.TrackingNumber, replies[0].Text, StringComparison.Ordinal);
    }

    // Where the buyer writes an address: the postal code first in most of Europe, after the city in the UK and North
    // America. A part the scan leaves empty is left out, never filled in.
    [Theory]
    [InlineData("Lille", "Hauts-de-France", "59800", "FR", "59800 Lille")]
    [InlineData("Köln", "", "50667", "DE", "50667 Köln")]
    [InlineData("LONDON", "", "SW1A 1AA", "GB", "LONDON SW1A 1AA")]
    [InlineData("Springfield", "IL", "62701", "US", "Springfield, IL 62701")]
    [InlineData("Springfield", "", "", "US", "Springfield")]
    [InlineData("", "", "28013", "ES", "28013")]
    [InlineData("Milano", "", "", "", "Milano")]
    [InlineData("", "", "", "IT", null)]
    public void The_place_is_written_from_the_parts_the_scan_gives(string city, string region, string postal, string country, string? place)
    {
        var parcel = InquiryDecisionTests.Shipment(TrackingStatus.AvailableForPickup);

        var point = PickupPoint.Of(parcel, [Scan(TrackingStatus.AvailableForPickup, "Available for pickup", new(city, region, postal, country), 1)]);

        Assert.Equal(place, point.Place);
    }

    // The carrier's words are quoted only when the policy allows them in a reply: a phone number or a link is left out
    // (the place still named), and so is a notice too long to be a point's name. A parcel no longer waiting has none.
    [Theory]
    [InlineData("Held at the DPD Pickup shop Tabac de la Gare, call 03 20 12 34 56 for opening hours")]
    [InlineData("Available at https://www.example.com/pickup/59800")]
    [InlineData("Ready for collection. Your parcel will be kept for 10 days at the post office counter, after which it will be returned to the sender; bring an identity document and the notice left by the postman")]
    public void Carrier_words_a_reply_may_not_carry_are_left_out(string description)
    {
        var parcel = InquiryDecisionTests.Shipment(TrackingStatus.AvailableForPickup);

        var point = PickupPoint.Of(parcel, [Scan(TrackingStatus.AvailableForPickup, description, Lille, 1)]);
        var collected = PickupPoint.Of(InquiryDecisionTests.Shipment(TrackingStatus.Delivered), AtALocker);

        Assert.Equal(new PickupPoint("59800 Lille", null), point);
        Assert.Equal(PickupPoint.None, collected);
    }
}
