using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class ReplyTemplateTests
{
    public static TheoryData<ReplyScenario, string> EveryScenarioAndLanguage()
    {
        var data = new TheoryData<ReplyScenario, string>();
        foreach (var scenario in ReplyScenarios.All)
        {
            foreach (var language in ReplyLocale.Languages)
            {
                data.Add(scenario, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryScenarioAndLanguage))]
    public void Every_built_in_template_renders_completely_and_passes_the_amazon_policy(ReplyScenario scenario, string language)
    {
        var shipment = InquiryDecisionTests.Shipment(StatusOf(scenario)) with
        {
            ProofOfDelivery = new ProofOfDelivery("J. DUPONT", "Front door", true, false),
            PromisedBy = new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero),
        };
        var order = scenario is ReplyScenario.NoOrderFound or ReplyScenario.SeveralOrdersFound ? null : InquiryDecisionTests.Order();
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(scenario.TemplateId(), language);

        var reply = ReplyComposer.Compose(scenario.TemplateId(), 0, body!, locale, ReplyValues.From(order, order is null ? null : shipment, locale, "amazon"), "amazon");

        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        Assert.DoesNotContain("{{", reply.Text);
        Assert.DoesNotContain("  ", reply.Text);
        if (order is not null)
        {
            Assert.Contains(order.OrderId, reply.Text);
        }
    }

    // A parcel still out for delivery days after its scan (held long, stalled) keeps this reply, so the reply cannot
    // say "today": the template has no date of the scan, and the buyer reads it as a promise for the day they ask.
    [Theory]
    [InlineData("en", "today")]
    [InlineData("fr", "aujourd'hui")]
    [InlineData("de", "heute")]
    [InlineData("es", "hoy")]
    [InlineData("it", "oggi")]
    public void The_out_for_delivery_reply_does_not_promise_delivery_today(string language, string today)
    {
        var shipment = InquiryDecisionTests.Shipment(TrackingStatus.OutForDelivery, RiskKind.Stalled) with { EstimatedDelivery = null };
        var decision = InquiryDecisions.Decide(InquiryDecisionTests.Order(), [shipment], new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(InquiryDecisionTests.Order(), shipment, locale, "amazon"), "amazon");

        Assert.Equal(ReplyScenario.OutForDelivery, decision.Scenario);
        Assert.True(reply.Compliant);
        Assert.Contains(shipment.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(?i)(?<!\p{{L}}){today}(?!\p{{L}})", reply.Text);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_delay_reply_for_an_order_with_nothing_shipped_renders_without_a_parcel(string language)
    {
        var order = InquiryDecisionTests.Order() with { LatestDeliveryDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero) };
        var decision = InquiryDecisions.Decide(order, [], new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language);

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body!, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        Assert.Contains(order.OrderId, reply.Text);
        Assert.Contains(LocalDates.Date(order.LatestDeliveryDate!.Value, locale), reply.Text);
        Assert.DoesNotContain("  ", reply.Text);
    }

    public static TheoryData<string, string> OrdersWithoutAParcelAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add("Shipped", language);
            data.Add("CANCELLED", language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OrdersWithoutAParcelAndLanguages))]
    public void The_reply_for_a_shipped_or_cancelled_order_without_a_parcel_renders_and_passes_the_amazon_policy(string status, string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = status, LatestDeliveryDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero) };
        var decision = InquiryDecisions.Decide(order, [], new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language);

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body!, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        Assert.NotEqual(BuiltInTemplates.Default.Find("fbm_delayed", language), body);
        Assert.Contains(order.OrderId, reply.Text);
        Assert.DoesNotContain("  ", reply.Text);
    }

    public static TheoryData<string> Languages() => new(ReplyLocale.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Asking_for_the_order_number_gives_an_example_in_the_format_of_the_buyers_marketplace(string language)
    {
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(ReplyScenario.NoOrderFound.TemplateId(), language)!;
        string Render(string channel) =>
            ReplyComposer.Compose("no_order_found", 0, body, locale, ReplyValues.From(null, null, locale, channel), channel).Text;

        Assert.Contains("(", Render("amazon"));
        Assert.Contains("123-1234567-1234567)", Render("amazon"));
        Assert.Contains("12-34567-89012)", Render("ebay"));
        Assert.DoesNotContain("123-1234567-1234567", Render("ebay"));
        Assert.Contains("#1001)", Render("shopify"));
        // A channel we do not know gets no example rather than a wrong one.
        var plain = Render("");
        Assert.DoesNotContain("(", plain);
        Assert.All(new[] { Render("amazon"), Render("ebay"), Render("shopify"), plain }, text => Assert.DoesNotContain("  ", text));
    }


    [Fact]
    public void Dates_are_written_in_the_buyers_language_and_time_zone()
    {
        var instant = new DateTimeOffset(2025, 3, 4, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("mercredi 5 mars 2025 à 00:30", LocalDates.DateTime(instant, ReplyLocale.Resolve("fr-FR")));
        Assert.Equal("Mittwoch, 5. März 2025 um 00:30", LocalDates.DateTime(instant, ReplyLocale.Resolve("de-DE")));
        Assert.Equal("Tuesday 4 March 2025 at 23:30", LocalDates.DateTime(instant, ReplyLocale.Resolve("en-GB")));
        Assert.Equal("Tuesday, March 4, 2025 at 6:30 PM", LocalDates.DateTime(instant, ReplyLocale.Resolve("en-US")));
        Assert.Equal("miércoles, 5 de marzo de 2025", LocalDates.Date(instant, ReplyLocale.Resolve("es")));
        Assert.Equal("mercoledì 5 marzo 2025", LocalDates.Date(instant, ReplyLocale.Resolve("it-IT")));
        Assert.Equal("Tuesday 4 March 2025 at 15:30", LocalDates.DateTime(instant, ReplyLocale.Resolve("en", timeZone: "America/Los_Angeles")));
        Assert.Equal("fr", ReplyLocale.Resolve("pt-BR", "fr-CA").Language);
    }

    [Theory]
    [InlineData("en-US", "Tuesday, March 4, 2025")]
    [InlineData("es-MX", "martes, 4 de marzo de 2025")]
    [InlineData("fr-CA", "mardi 4 mars 2025")]
    [InlineData("de-DE", "Dienstag, 4. März 2025")]
    public void A_date_only_delivery_estimate_is_written_as_that_date_in_every_time_zone(string language, string expected)
    {
        // The adapters store a promise without a time as that date at 00:00 UTC; in the Americas that instant is the day before.
        var shipment = new ShipmentState
        {
            Id = "shp_1", TenantId = "t", Carrier = "ups", TrackingNumber = "1Z999AA10123456784", Status = TrackingStatus.InTransit,
            EstimatedDelivery = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero),
            CreatedAt = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero),
        };

        var values = ReplyValues.From(null, shipment, ReplyLocale.Resolve(language), "amazon");

        Assert.Equal(expected, values[ReplyValues.Eta]);
        Assert.Equal("Monday, March 3, 2025", LocalDates.Date(new DateTimeOffset(2025, 3, 4, 0, 0, 1, TimeSpan.Zero), ReplyLocale.Resolve("en-US")));
    }

    [Theory]
    [InlineData("en", "A39IBJ37TRP1C6", "Australia/Sydney")]
    [InlineData("en", "A1VC38T7YXB528", "Asia/Tokyo")]
    [InlineData("en", "A21TJRUUN4KGV", "Asia/Kolkata")]
    [InlineData("en", "A19VAU5U5O7RUS", "Asia/Singapore")]
    [InlineData("en", "A2VIGQ35RCS4UG", "Asia/Dubai")]
    [InlineData("en", "AE08WJ6YKNBMC", "Africa/Johannesburg")]
    [InlineData("en", "A28R8C7NBKEWEA", "Europe/Dublin")]
    [InlineData("es", "A2Q3Y263D00KWC", "America/Sao_Paulo")]
    [InlineData("en", "A17E79C6D8DWNP", "Asia/Riyadh")]
    [InlineData("en", "ARBP9OOSHTCHU", "Africa/Cairo")]
    [InlineData("en", "A33AVAJ2PDY3EV", "Europe/Istanbul")]
    [InlineData("en-AU", null, "Australia/Sydney")]
    [InlineData("en-NZ", "A39IBJ37TRP1C6", "Australia/Sydney")]
    [InlineData("fr-CA", "A13V1IB3VIYZZH", "America/Toronto")]
    public void Every_Amazon_marketplace_and_a_region_without_a_zone_fall_back_to_the_marketplaces_zone(string language, string? marketplaceId, string zone)
    {
        var locale = ReplyLocale.Resolve(language, marketplaceId: marketplaceId);

        Assert.Equal(zone, locale.TimeZone.Id);
    }

    [Fact]
    public void A_missing_or_unknown_placeholder_is_an_error_that_names_it()
    {
        var locale = ReplyLocale.Resolve("en");
        var values = ReplyValues.From(InquiryDecisionTests.Order(), InquiryDecisionTests.Shipment(TrackingStatus.InTransit), locale, "amazon");

        var missing = Assert.Throws<MissingPlaceholderException>(() =>
            ReplyComposer.Compose("t", 1, "Signed by {{ signed_by }} on {{ delivered_at }}.", locale, values, "amazon"));
        var unknown = Assert.Throws<MissingPlaceholderException>(() =>
            ReplyComposer.Compose("t", 1, "Order {{ ordr_id }}", locale, values, "amazon"));
        var guarded = ReplyComposer.Compose("t", 1, "Order {{ order_id }}.{% if signed_by %} Signed by {{ signed_by }}.{% endif %}", locale, values, "amazon");

        Assert.Equal(["signed_by", "delivered_at"], missing.Missing);
        Assert.Contains("signed_by", missing.Message);
        Assert.Equal(["ordr_id"], unknown.Unknown);
        Assert.Equal("Order 302-1234567-7654321.", guarded.Text);
        Assert.Throws<TemplateSyntaxException>(() => ReplyTemplateEngine.Parse("{% if eta %}unclosed"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("it")]
    public void The_reply_about_several_delivered_parcels_lists_each_with_its_number_and_link(string language)
    {
        var first = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with { ProofOfDelivery = new ProofOfDelivery("", "Front door", false, false) };
        var second = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with
        {
            Id = "shp_2", Carrier = "usps", TrackingNumber = "9400111206206406260787",
            TrackingUrl = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111206206406260787", CreatedAt = first.CreatedAt.AddHours(1),
        };
        var order = InquiryDecisionTests.Order();
        var decision = InquiryDecisions.Decide(order, [second, first], new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(order, decision.Shipment, locale, "amazon", parcels: decision.Parcels), "amazon");

        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
        Assert.Contains(order.OrderId, reply.Text);
        Assert.Contains($"- UPS {first.TrackingNumber} (", reply.Text);
        Assert.Contains($"Front door) — {first.TrackingUrl}", reply.Text);
        Assert.Contains($"- USPS {second.TrackingNumber} (", reply.Text);
        Assert.Contains(second.TrackingUrl!, reply.Text);
        // Oldest parcel first, as the buyer received them.
        Assert.True(reply.Text.IndexOf(first.TrackingNumber, StringComparison.Ordinal) < reply.Text.IndexOf(second.TrackingNumber, StringComparison.Ordinal));
    }

    // A listed parcel's number is the reply's to carry, as the one parcel's is: a DHL waybill starting with 0 reads
    // like a national phone number on its own.
    [Fact]
    public void Every_listed_parcels_number_is_a_value_the_reply_may_carry()
    {
        var first = InquiryDecisionTests.Shipment(TrackingStatus.Delivered);
        var second = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with
        {
            Id = "shp_2", Carrier = "dhl", TrackingNumber = "0123456782", TrackingUrl = "", CreatedAt = first.CreatedAt.AddHours(1),
        };
        var order = InquiryDecisionTests.Order();
        var decision = InquiryDecisions.Decide(order, [first, second], new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var locale = ReplyLocale.Resolve("en");
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), "en")!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale,
            ReplyValues.From(order, decision.Shipment, locale, "amazon", parcels: decision.Parcels), "amazon",
            carried: decision.Parcels.Select(p => p.TrackingNumber).ToList());

        Assert.Contains("- DHL 0123456782 (", reply.Text);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
    }

    /// <summary>What each language's replies say of a partly completed MCF order's unfulfillable part.</summary>
    private static readonly Dictionary<string, string> PartNotSent = new(StringComparer.Ordinal)
    {
        ["en"] = "Part of your order could not be sent",
        ["fr"] = "Une partie de votre commande n'a pas pu être expédiée",
        ["de"] = "Ein Teil Ihrer Bestellung konnte nicht versandt werden",
        ["es"] = "Una parte de su pedido no se ha podido enviar",
        ["it"] = "Non è stato possibile spedire una parte del suo ordine",
    };

    /// <summary>Every reply an order the marketplace calls shipped, and not partly shipped, may get.</summary>
    public static TheoryData<ReplyScenario, string> EveryShippedOrderScenarioAndLanguage()
    {
        var data = new TheoryData<ReplyScenario, string>();
        ReplyScenario[] shipped =
        [
            ReplyScenario.InTransit, ReplyScenario.OutForDelivery, ReplyScenario.Delivered, ReplyScenario.DeliveredAllParcels,
            ReplyScenario.Delayed, ReplyScenario.Exception, ReplyScenario.Expired, ReplyScenario.AttemptFailed,
            ReplyScenario.AvailableForPickup, ReplyScenario.Returning, ReplyScenario.Returned, ReplyScenario.Lost,
            ReplyScenario.ShippedAwaitingFirstScan, ReplyScenario.ShippedAwaitingFirstScanLate, ReplyScenario.ShippedWithoutTracking,
        ];
        foreach (var scenario in shipped)
        {
            foreach (var language in ReplyLocale.Languages)
            {
                data.Add(scenario, language);
            }
        }
        return data;
    }

    // Amazon completed the MCF order partly (CompletePartialled): it shipped what it could and gave up on the rest, which
    // will never follow. Whatever the parcel's news, the reply says a part could not be sent and the seller will refund
    // it, or the buyer waits for items that will not come; a fully completed order's reply says nothing of the kind.
    [Theory]
    [MemberData(nameof(EveryShippedOrderScenarioAndLanguage))]
    public void A_partly_completed_mcf_orders_reply_says_part_of_it_could_not_be_sent(ReplyScenario scenario, string language)
    {
        var shipment = InquiryDecisionTests.Shipment(StatusOf(scenario));
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(scenario.TemplateId(), language)!;
        string Reply(string status)
        {
            var order = InquiryDecisionTests.Order() with { Status = status };
            var reply = ReplyComposer.Compose(scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, shipment, locale, "amazon"), "amazon");
            Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + reply.Text);
            Assert.DoesNotContain("  ", reply.Text);
            return reply.Text;
        }

        Assert.Contains(PartNotSent[language], Reply("CompletePartialled"), StringComparison.Ordinal);
        Assert.Contains(PartNotSent[language], Reply("COMPLETE_PARTIALLED"), StringComparison.Ordinal);
        // Fulfillment Outbound 2026-07-04's spelling of the same status.
        Assert.Contains(PartNotSent[language], Reply("COMPLETE_PARTIAL"), StringComparison.Ordinal);
        Assert.DoesNotContain(PartNotSent[language], Reply("Complete"), StringComparison.Ordinal);
    }

    /// <summary>A parcel status that leads to <paramref name="scenario"/>.</summary>
    internal static TrackingStatus StatusOf(ReplyScenario scenario) => scenario switch
    {
        ReplyScenario.OutForDelivery or ReplyScenario.PartiallyShippedOutForDelivery => TrackingStatus.OutForDelivery,
        ReplyScenario.Delivered or ReplyScenario.DeliveredAllParcels or ReplyScenario.PartiallyShippedDelivered
            or ReplyScenario.PartiallyShippedDeliveredParcels => TrackingStatus.Delivered,
        ReplyScenario.Exception or ReplyScenario.PartiallyShippedHeldUp => TrackingStatus.Exception,
        ReplyScenario.Expired => TrackingStatus.Expired,
        ReplyScenario.AttemptFailed or ReplyScenario.PartiallyShippedAttemptFailed => TrackingStatus.AttemptFailed,
        ReplyScenario.AvailableForPickup or ReplyScenario.PartiallyShippedAvailableForPickup => TrackingStatus.AvailableForPickup,
        ReplyScenario.Returning => TrackingStatus.Returning,
        ReplyScenario.Returned => TrackingStatus.Returned,
        ReplyScenario.Lost or ReplyScenario.PartiallyShippedNotArriving => TrackingStatus.Lost,
        ReplyScenario.PreTransitWithinPromise or ReplyScenario.PreTransitPastShipDate or ReplyScenario.ShippedAwaitingFirstScan or ReplyScenario.ShippedAwaitingFirstScanLate
            or ReplyScenario.PartiallyShippedAwaitingFirstScan or ReplyScenario.PartiallyShippedAwaitingFirstScanLate => TrackingStatus.InfoReceived,
        _ => TrackingStatus.InTransit,
    };
}
