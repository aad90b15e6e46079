using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// A reply tells the buyer only what is so: when the action is CONTACT_CARRIER the agent has yet to do it, and a parcel
/// the carrier never reported on (EXPIRED) is not one the carrier "reports a problem" with.
/// </summary>
public sealed class ReplyTruthTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    // "We have contacted the carrier" in each language: done in the past, which it is not yet.
    private static readonly string[] AlreadyContacted =
        ["have contacted", "avons contacté", "kontaktiert", "hemos contactado", "abbiamo contattato"];

    // "<carrier> reports a problem" in each language (fbm_exception's wording).
    private static readonly string[] CarrierReportsAProblem =
        ["reports a problem", "signale un incident", "meldet ein Problem", "informa de una incidencia", "segnala un problema"];

    public static TheoryData<TrackingStatus, RiskKind?, string> ContactCarrierCases()
    {
        var data = new TheoryData<TrackingStatus, RiskKind?, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(TrackingStatus.Exception, null, language);
            data.Add(TrackingStatus.InTransit, RiskKind.Delayed, language);
            data.Add(TrackingStatus.InTransit, RiskKind.Stalled, language);
            data.Add(TrackingStatus.Expired, null, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ContactCarrierCases))]
    public void A_reply_asking_the_agent_to_contact_the_carrier_does_not_say_it_was_done(TrackingStatus status, RiskKind? risk, string language)
    {
        var reply = Reply(status, risk, language, out var decision);

        Assert.Equal(RecommendedAction.ContactCarrier, decision.Action);
        Assert.All(AlreadyContacted, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_expired_parcel_gets_its_own_reply_not_a_reported_problem(string language)
    {
        var reply = Reply(TrackingStatus.Expired, null, language, out _);

        Assert.Equal("fbm_expired", reply.TemplateId);
        Assert.All(CarrierReportsAProblem, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("1Z999AA10123456784", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "Your order has shipped" in each language, as a sentence (shipped_without_tracking's wording): said of a partly
    // shipped order, it tells the buyer the rest is coming in the parcel they already have.
    private static readonly string[] WholeOrderShipped =
        [". Your order has shipped", ". Votre commande a été expédiée", ". Ihre Bestellung wurde versandt", ". Su pedido se ha enviado", ". Il suo ordine è stato spedito"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_partly_shipped_order_without_a_tracked_parcel_is_not_told_the_whole_order_shipped(string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "PartiallyShipped" };
        var decision = InquiryDecisions.Decide(order, [], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, null, locale, "amazon"), "amazon");

        Assert.All(WholeOrderShipped, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.Ordinal));
        Assert.Contains(order.OrderId, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "Another part of your order has not shipped yet" in each language (the partly shipped parcel replies' wording).
    private static readonly Dictionary<string, string> OtherPartNotShippedYet = new()
    {
        ["en"] = "Another part of your order has not shipped yet", ["fr"] = "Une autre partie de votre commande n'est pas encore expédiée",
        ["de"] = "Ein anderer Teil Ihrer Bestellung ist noch nicht versandt", ["es"] = "Otra parte de su pedido aún no se ha enviado",
        ["it"] = "Un'altra parte del suo ordine non è ancora stata spedita",
    };

    public static TheoryData<TrackingStatus, string> DeliveredOrMovingAndLanguages()
    {
        var data = new TheoryData<TrackingStatus, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(TrackingStatus.Delivered, language);
            data.Add(TrackingStatus.InTransit, language);
        }
        return data;
    }

    // A partly shipped order's one parcel, delivered or on its way: the buyer gets its tracking and is told the rest of
    // the order has not shipped yet, or the parcel reads as the whole order.
    [Theory]
    [MemberData(nameof(DeliveredOrMovingAndLanguages))]
    public void A_partly_shipped_orders_delivered_or_moving_parcel_is_not_told_as_the_whole_order(TrackingStatus status, string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "PartiallyShipped" };
        var parcel = InquiryDecisionTests.Shipment(status);
        var decision = InquiryDecisions.Decide(order, [parcel], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal(RecommendedAction.ShareTracking, decision.Action);
        Assert.Contains(OtherPartNotShippedYet[language], reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(parcel.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.Contains(parcel.TrackingUrl!, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_carrier_estimate_already_past_is_not_told_as_the_day_the_carrier_expects_to_deliver(string language)
    {
        var order = InquiryDecisionTests.Order();
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(ReplyScenario.InTransit.TemplateId(), language)!;
        ComposedReply Reply(DateTimeOffset eta) => ReplyComposer.Compose(ReplyScenario.InTransit.TemplateId(), 0, body, locale,
            ReplyValues.From(order, InquiryDecisionTests.Shipment(TrackingStatus.InTransit) with { EstimatedDelivery = eta }, locale, "amazon", now: Now), "amazon");
        var yesterday = DateOnlyPromise.Of(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1));
        var today = DateOnlyPromise.Of(DateOnly.FromDateTime(Now.UtcDateTime));

        // The carrier's estimate was yesterday (a scan missed, the estimate not updated): no day is promised.
        Assert.DoesNotContain(LocalDates.Date(yesterday, locale), Reply(yesterday).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalDates.Date(Now.AddHours(-2), locale), Reply(Now.AddHours(-2)).Text, StringComparison.Ordinal);
        // Today's date-only estimate still holds until the day ends.
        Assert.Contains(LocalDates.Date(today, locale), Reply(today).Text, StringComparison.Ordinal);
        Assert.True(Reply(yesterday).Compliant);
    }

    public static TheoryData<TrackingStatus, string> WaitingOnTheBuyerAndLanguages()
    {
        var data = new TheoryData<TrackingStatus, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(TrackingStatus.OutForDelivery, language);
            data.Add(TrackingStatus.AvailableForPickup, language);
            data.Add(TrackingStatus.AttemptFailed, language);
        }
        return data;
    }

    // What the buyer is told to do about the parcel, in each language: collect it with an identity document, follow the
    // carrier's notice to rearrange delivery, or nothing but wait for the courier (out for delivery).
    private static readonly Dictionary<(TrackingStatus, string), string> WhatToDo = new()
    {
        [(TrackingStatus.AvailableForPickup, "en")] = "identity document", [(TrackingStatus.AvailableForPickup, "fr")] = "pièce d'identité",
        [(TrackingStatus.AvailableForPickup, "de")] = "Ausweis", [(TrackingStatus.AvailableForPickup, "es")] = "documento de identidad",
        [(TrackingStatus.AvailableForPickup, "it")] = "documento d'identità",
        [(TrackingStatus.AttemptFailed, "en")] = "rearrange delivery", [(TrackingStatus.AttemptFailed, "fr")] = "reprogrammer la livraison",
        [(TrackingStatus.AttemptFailed, "de")] = "Zustellung neu vereinbaren", [(TrackingStatus.AttemptFailed, "es")] = "concertar una nueva entrega",
        [(TrackingStatus.AttemptFailed, "it")] = "riprogrammare la consegna",
        [(TrackingStatus.OutForDelivery, "en")] = "out for delivery", [(TrackingStatus.OutForDelivery, "fr")] = "en cours de livraison",
        [(TrackingStatus.OutForDelivery, "de")] = "in Zustellung", [(TrackingStatus.OutForDelivery, "es")] = "en reparto",
        [(TrackingStatus.OutForDelivery, "it")] = "in consegna",
    };

    // A partly shipped order's parcel out for delivery, after a failed attempt or at a pickup point: the buyer keeps the
    // parcel's instructions and is told the rest of the order has not shipped yet, or the parcel reads as the whole order.
    [Theory]
    [MemberData(nameof(WaitingOnTheBuyerAndLanguages))]
    public void A_partly_shipped_orders_parcel_waiting_on_the_buyer_is_not_told_as_the_whole_order(TrackingStatus status, string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "IN_PROGRESS" };
        var parcel = InquiryDecisionTests.Shipment(status);
        var decision = InquiryDecisions.Decide(order, [parcel], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal(RecommendedAction.ShareTracking, decision.Action);
        Assert.Contains(OtherPartNotShippedYet[language], reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WhatToDo[(status, language)], reply.Text, StringComparison.Ordinal);
        Assert.Contains(parcel.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.Contains(parcel.TrackingUrl!, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "The rest of your order has not shipped yet" in each language, the partly shipped replies' former wording: false
    // when another parcel of the order has shipped (delivered, or on its way).
    private static readonly Dictionary<string, string> RestNotShipped = new()
    {
        ["en"] = "The rest of your order", ["fr"] = "Le reste de votre commande", ["de"] = "Der Rest Ihrer Bestellung",
        ["es"] = "El resto de su pedido", ["it"] = "Il resto del suo ordine",
    };

    public static TheoryData<TrackingStatus, string> OtherParcelAndLanguages()
    {
        var data = new TheoryData<TrackingStatus, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(TrackingStatus.InTransit, language);
            data.Add(TrackingStatus.Returned, language);
            data.Add(TrackingStatus.AvailableForPickup, language);
        }
        return data;
    }

    // A partly shipped order sent in two parcels so far, one delivered: the reply about the other is not "the rest of
    // your order has not shipped", which the delivered parcel belies; another part has not shipped, whichever it is.
    [Theory]
    [MemberData(nameof(OtherParcelAndLanguages))]
    public void A_partly_shipped_order_with_another_parcel_delivered_is_not_told_the_rest_has_not_shipped(TrackingStatus status, string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "PartiallyShipped" };
        var delivered = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with { Id = "shp_2", TrackingNumber = "1Z999AA10123456793" };
        var decision = InquiryDecisions.Decide(order, [delivered, InquiryDecisionTests.Shipment(status)], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal("shp_1", decision.Shipment?.Id);
        Assert.DoesNotContain(RestNotShipped[language], reply.Text, StringComparison.Ordinal);
        Assert.Contains(OtherPartNotShippedYet[language], reply.Text, StringComparison.Ordinal);
    }

    public static TheoryData<bool, string> LateOrNotAndLanguages()
    {
        var data = new TheoryData<bool, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(false, language);
            data.Add(true, language);
        }
        return data;
    }

    // A partly shipped order whose parcel's label the carrier has yet to scan: the first scan is pending (late: the
    // carrier is asked), and another part of the order has not shipped, or the buyer waits for it in this parcel.
    [Theory]
    [MemberData(nameof(LateOrNotAndLanguages))]
    public void A_partly_shipped_orders_label_awaiting_its_first_scan_is_not_told_as_the_whole_order(bool late, string language)
    {
        var order = InquiryDecisionTests.Order(promised: late ? Now.AddDays(-1) : Now.AddDays(2)) with { Status = "IN_PROGRESS" };
        var label = InquiryDecisionTests.Shipment(TrackingStatus.InfoReceived);
        var decision = InquiryDecisions.Decide(order, [label], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal(late ? RecommendedAction.ContactCarrier : RecommendedAction.ShareTracking, decision.Action);
        Assert.Contains(OtherPartNotShippedYet[language], reply.Text, StringComparison.Ordinal);
        Assert.Contains(label.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.All(BeingPrepared, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    public static TheoryData<TrackingStatus, RiskKind?, string> InTroubleAndLanguages()
    {
        var data = new TheoryData<TrackingStatus, RiskKind?, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            data.Add(TrackingStatus.InTransit, RiskKind.Stalled, language);
            data.Add(TrackingStatus.InTransit, RiskKind.Delayed, language);
            data.Add(TrackingStatus.Exception, null, language);
            data.Add(TrackingStatus.Expired, null, language);
            data.Add(TrackingStatus.Returning, null, language);
            data.Add(TrackingStatus.Returned, null, language);
            data.Add(TrackingStatus.Lost, null, language);
        }
        return data;
    }

    // What we do about the parcel, in each language: ask the carrier, or offer a replacement (or a refund).
    private static readonly Dictionary<(RecommendedAction, string), string> WhatWeDo = new()
    {
        [(RecommendedAction.ContactCarrier, "en")] = "We are contacting the carrier", [(RecommendedAction.ContactCarrier, "fr")] = "Nous contactons le transporteur",
        [(RecommendedAction.ContactCarrier, "de")] = "Wir kontaktieren den Versanddienstleister",
        [(RecommendedAction.ContactCarrier, "es")] = "Estamos contactando con el transportista", [(RecommendedAction.ContactCarrier, "it")] = "Stiamo contattando il corriere",
        [(RecommendedAction.OfferResolution, "en")] = "replacement", [(RecommendedAction.OfferResolution, "fr")] = "remplacement",
        [(RecommendedAction.OfferResolution, "de")] = "Ersatz", [(RecommendedAction.OfferResolution, "es")] = "reemplazo",
        [(RecommendedAction.OfferResolution, "it")] = "sostituzione",
    };

    // "Your order" / "your parcel" said of the whole order, and a full refund: of a parcel carrying part of the order,
    // the buyer reads the order as lost or late in full and is offered the price of items that have not shipped.
    private static readonly string[] AsTheWholeOrder =
    [
        "refund you in full", "rembourser intégralement", "vollen Betrag", "importe total", "per intero",
        "your parcel (", "votre colis (", "Ihr Paket (", "su paquete (", "suo pacco (",
    ];

    // A partly shipped order's parcel delayed, stalled, held by an exception, silent, returning, returned or lost: the
    // buyer is told what happened to this parcel and what we do about it, and that the rest of the order has not
    // shipped yet; no full refund is offered for an order only part of which was in the parcel.
    [Theory]
    [MemberData(nameof(InTroubleAndLanguages))]
    public void A_partly_shipped_orders_parcel_in_trouble_is_not_told_as_the_whole_order(TrackingStatus status, RiskKind? risk, string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "PARTIALLY_FULFILLED" };
        var parcel = risk is { } kind ? InquiryDecisionTests.Shipment(status, kind) : InquiryDecisionTests.Shipment(status);
        var decision = InquiryDecisions.Decide(order, [parcel], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Contains(OtherPartNotShippedYet[language], reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WhatWeDo[(decision.Action, language)], reply.Text, StringComparison.Ordinal);
        Assert.Contains(BuiltInTemplates.Default.StatusWords(status, language), reply.Text, StringComparison.Ordinal);
        Assert.Contains(parcel.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.All(AsTheWholeOrder, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("  ", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // fbm_lost's former "refund you in full" in each language: said with a parcel of the order delivered, it promises the
    // price of the whole order.
    private static readonly Dictionary<string, string> WholeOrderRefund = new()
    {
        ["en"] = "refund you in full", ["fr"] = "vous rembourser intégralement :", ["de"] = "den vollen Betrag erstatten",
        ["es"] = "reembolsarle el importe total:", ["it"] = "rimborsarla per intero",
    };

    // The refund of the lost parcel's contents, in each language.
    private static readonly Dictionary<string, string> ThisParcelRefund = new()
    {
        ["en"] = "refund the contents of this parcel in full", ["fr"] = "vous rembourser intégralement le contenu de ce colis",
        ["de"] = "den vollen Betrag für dieses Paket erstatten", ["es"] = "reembolsarle el importe total de este paquete",
        ["it"] = "rimborsarle per intero il valore di questo pacco",
    };

    // An order shipped in two parcels, one delivered and one lost: the reply is about the lost one (its tracking
    // number), and the refund offered is for what was in it, not for the order the buyer half received.
    [Theory]
    [MemberData(nameof(Languages))]
    public void A_lost_parcel_of_an_order_shipped_in_several_is_not_offered_a_refund_of_the_whole_order(string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "Shipped" };
        var lost = InquiryDecisionTests.Shipment(TrackingStatus.Lost);
        var delivered = InquiryDecisionTests.Shipment(TrackingStatus.Delivered) with { Id = "shp_2", TrackingNumber = "1Z999AA10123456793" };
        var decision = InquiryDecisions.Decide(order, [delivered, lost], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal((RecommendedAction.OfferResolution, "fbm_lost"), (decision.Action, reply.TemplateId));
        Assert.Contains(lost.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(WholeOrderRefund[language], reply.Text, StringComparison.Ordinal);
        Assert.Contains(ThisParcelRefund[language], reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "<carrier> is returning it to us" in each language (fbm_returning's wording): on its way back, not back yet.
    private static readonly Dictionary<string, string> ReturningToUs = new()
    {
        ["en"] = "is returning it to us", ["fr"] = "et nous le retourne", ["de"] = "schickt es an uns zurück",
        ["es"] = "nos lo está devolviendo", ["it"] = "ce lo sta restituendo",
    };

    // "<carrier> has returned it to us" in each language: the return is over, the parcel is back with the seller.
    private static readonly Dictionary<string, string> ReturnedToUs = new()
    {
        ["en"] = "has returned it to us", ["fr"] = "nous l'a retourné", ["de"] = "hat es an uns zurückgeschickt",
        ["es"] = "nos lo ha devuelto", ["it"] = "ce lo ha restituito",
    };

    // A parcel delivered back to the seller is not "returning": told so, the buyer waits for a return that is over
    // before choosing a replacement or a refund. One still on its way back keeps saying so.
    [Theory]
    [MemberData(nameof(Languages))]
    public void A_parcel_back_with_the_seller_is_told_as_returned_and_one_on_its_way_back_as_returning(string language)
    {
        var returned = Reply(TrackingStatus.Returned, null, language, out var backWithUs);
        var returning = Reply(TrackingStatus.Returning, null, language, out var onItsWayBack);

        Assert.Equal((RecommendedAction.OfferResolution, "fbm_returned"), (backWithUs.Action, returned.TemplateId));
        Assert.Equal((RecommendedAction.OfferResolution, "fbm_returning"), (onItsWayBack.Action, returning.TemplateId));
        Assert.Contains(ReturnedToUs[language], returned.Text, StringComparison.Ordinal);
        Assert.All(ReturningToUs.Values, phrase => Assert.DoesNotContain(phrase, returned.Text, StringComparison.Ordinal));
        Assert.Contains(ReturningToUs[language], returning.Text, StringComparison.Ordinal);
        Assert.Contains("1Z999AA10123456784", returned.Text, StringComparison.Ordinal);
        Assert.True(returned.Compliant, string.Join("\n", returned.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "is being prepared" in each language (pre_transit_within_promise's wording).
    private static readonly string[] BeingPrepared =
        ["being prepared", "en préparation", "vorbereitet", "se está preparando", "in preparazione"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_shipped_order_whose_label_is_not_scanned_yet_gets_its_tracking_not_being_prepared(string language)
    {
        var order = InquiryDecisionTests.Order() with { Status = "Shipped" };
        var label = InquiryDecisionTests.Shipment(TrackingStatus.InfoReceived);
        var decision = InquiryDecisions.Decide(order, [label], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.All(BeingPrepared, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(label.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.Contains(label.TrackingUrl!, reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "has not shipped yet" in each language (fbm_delayed's wording for an order with no parcel).
    private static readonly string[] NotShippedYet =
        ["not shipped yet", "pas encore expédiée", "noch nicht versandt", "aún no se ha enviado", "non è ancora stato spedito"];

    private static readonly TrackingStatus[] Unscanned = [TrackingStatus.Pending, TrackingStatus.NotFound, TrackingStatus.InfoReceived];

    public static TheoryData<TrackingStatus, string> UnscannedLabelsAndLanguages()
    {
        var data = new TheoryData<TrackingStatus, string>();
        foreach (var language in ReplyLocale.Languages)
        {
            foreach (var label in Unscanned)
            {
                data.Add(label, language);
            }
        }
        return data;
    }

    // The seller confirmed the shipment and the promised date passed with no carrier scan: the parcel is labelled, its
    // tracking number is the buyer's, the carrier has not scanned it and it is late. The label's status in words
    // ("label created, not yet handed to the carrier", "waiting for the carrier"…) would contradict the shipment.
    [Theory]
    [MemberData(nameof(UnscannedLabelsAndLanguages))]
    public void A_shipped_order_whose_label_is_still_not_scanned_after_the_promise_is_told_it_is_late_with_its_tracking(TrackingStatus label, string language)
    {
        var promised = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var order = InquiryDecisionTests.Order(promised: promised) with { Status = "Shipped" };
        var parcel = InquiryDecisionTests.Shipment(label);
        var decision = InquiryDecisions.Decide(order, [parcel], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");

        Assert.Equal(RecommendedAction.ContactCarrier, decision.Action);
        Assert.All(Unscanned, status => Assert.DoesNotContain(BuiltInTemplates.Default.StatusWords(status, language), reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.All(NotShippedYet.Concat(BeingPrepared).Concat(AlreadyContacted),
            phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(parcel.TrackingNumber, reply.Text, StringComparison.Ordinal);
        Assert.Contains(parcel.TrackingUrl!, reply.Text, StringComparison.Ordinal);
        Assert.Contains(LocalDates.Date(promised, locale), reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    // "is still on schedule" in each language (pre_transit_within_promise's wording), and an apology.
    private static readonly string[] OnSchedule = ["on schedule", "dans les délais", "im Zeitplan", "dentro de plazo", "nei tempi previsti"];

    private static readonly string[] Sorry = ["sorry", "désolés", "tut uns leid", "lamentamos", "scusiamo"];

    // The seller missed the latest ship date and nothing has left, still within the delivery promise: the buyer gets an
    // apology and "being prepared, will ship shortly", never "on schedule".
    [Theory]
    [MemberData(nameof(Languages))]
    public void An_unshipped_order_past_its_ship_by_date_gets_an_apology_not_on_schedule(string language)
    {
        var promised = new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero);
        var order = InquiryDecisionTests.Order(promised: promised) with { Status = "Unshipped", LatestShipDate = Now.AddDays(-1) };
        var decision = InquiryDecisions.Decide(order, [], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;

        var reply = ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, null, locale, "amazon"), "amazon");

        Assert.Equal(RecommendedAction.ReassureWithinPromise, decision.Action);
        Assert.All(OnSchedule, phrase => Assert.DoesNotContain(phrase, reply.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Sorry, phrase => reply.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(order.OrderId, reply.Text, StringComparison.Ordinal);
        Assert.Contains(LocalDates.Date(promised, locale), reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Compliant, string.Join("\n", reply.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }

    public static TheoryData<string> Languages() => new(ReplyLocale.Languages);

    private static ComposedReply Reply(TrackingStatus status, RiskKind? risk, string language, out InquiryDecision decision)
    {
        var shipment = risk is { } kind ? InquiryDecisionTests.Shipment(status, kind) : InquiryDecisionTests.Shipment(status);
        var order = InquiryDecisionTests.Order();
        decision = InquiryDecisions.Decide(order, [shipment], Now);
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(decision.Scenario.TemplateId(), language)!;
        return ReplyComposer.Compose(decision.Scenario.TemplateId(), 0, body, locale, ReplyValues.From(order, decision.Shipment, locale, "amazon"), "amazon");
    }
}
