using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class InquiryDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);

    internal static OrderState Order(FulfillmentChannel channel = FulfillmentChannel.Merchant, DateTimeOffset? promised = null) => new()
    {
        TenantId = "t", Channel = "amazon", OrderId = "302-1234567-7654321", FulfillmentChannel = channel,
        LatestDeliveryDate = promised ?? Now.AddDays(2), CreatedAt = Now.AddDays(-3), UpdatedAt = Now.AddDays(-3),
    };

    internal static ShipmentState Shipment(TrackingStatus status, params RiskKind[] risks) => new()
    {
        Id = "shp_1", TenantId = "t", Carrier = "ups", TrackingNumber = "1Z999AA10123456784", Status = status,
        TrackingUrl = "https://www.ups.com/track?tracknum=1Z999AA10123456784",
        DeliveredAt = status == TrackingStatus.Delivered ? Now.AddHours(-3) : null,
        EstimatedDelivery = Now.AddDays(1),
        Risks = risks.Select(k => new RiskFlag(k, "test", Now, true)).ToList(),
        Order = new OrderLink("amazon", "302-1234567-7654321"),
        CreatedAt = Now.AddDays(-2), UpdatedAt = Now,
    };

    [Theory]
    [InlineData(TrackingStatus.InTransit, RecommendedAction.ShareTracking, ReplyScenario.InTransit)]
    [InlineData(TrackingStatus.OutForDelivery, RecommendedAction.ShareTracking, ReplyScenario.OutForDelivery)]
    [InlineData(TrackingStatus.Delivered, RecommendedAction.ShareTracking, ReplyScenario.Delivered)]
    [InlineData(TrackingStatus.AttemptFailed, RecommendedAction.ShareTracking, ReplyScenario.AttemptFailed)]
    [InlineData(TrackingStatus.AvailableForPickup, RecommendedAction.ShareTracking, ReplyScenario.AvailableForPickup)]
    [InlineData(TrackingStatus.Exception, RecommendedAction.ContactCarrier, ReplyScenario.Exception)]
    [InlineData(TrackingStatus.Lost, RecommendedAction.OfferResolution, ReplyScenario.Lost)]
    [InlineData(TrackingStatus.Returning, RecommendedAction.OfferResolution, ReplyScenario.Returning)]
    [InlineData(TrackingStatus.Returned, RecommendedAction.OfferResolution, ReplyScenario.Returned)]
    [InlineData(TrackingStatus.InfoReceived, RecommendedAction.ReassureWithinPromise, ReplyScenario.PreTransitWithinPromise)]
    // Expired is no news in time: neither a loss the carrier confirmed nor a problem it reported. A voided label alone
    // is an order not shipped yet.
    [InlineData(TrackingStatus.Expired, RecommendedAction.ContactCarrier, ReplyScenario.Expired)]
    [InlineData(TrackingStatus.Cancelled, RecommendedAction.ReassureWithinPromise, ReplyScenario.PreTransitWithinPromise)]
    public void A_merchant_fulfilled_shipment_decides_by_its_status(TrackingStatus status, RecommendedAction action, ReplyScenario scenario)
    {
        var decision = InquiryDecisions.Decide(Order(), [Shipment(status)], Now);

        Assert.Equal((action, scenario), (decision.Action, decision.Scenario));
    }

    [Theory]
    [InlineData(RiskKind.Stalled)]
    [InlineData(RiskKind.Delayed)]
    public void A_stalled_or_delayed_parcel_means_contacting_the_carrier(RiskKind risk)
    {
        var decision = InquiryDecisions.Decide(Order(), [Shipment(TrackingStatus.InTransit, risk)], Now);

        Assert.Equal((RecommendedAction.ContactCarrier, ReplyScenario.Delayed), (decision.Action, decision.Scenario));
    }

    // Late or held too long, a parcel at a pickup point, after a failed attempt or out for delivery waits on the buyer,
    // not on the carrier: its own reply says where it is and what to do.
    [Theory]
    [InlineData(TrackingStatus.AvailableForPickup, RiskKind.Delayed, ReplyScenario.AvailableForPickup)]
    [InlineData(TrackingStatus.AvailableForPickup, RiskKind.Stalled, ReplyScenario.AvailableForPickup)]
    [InlineData(TrackingStatus.AttemptFailed, RiskKind.Delayed, ReplyScenario.AttemptFailed)]
    [InlineData(TrackingStatus.AttemptFailed, RiskKind.Stalled, ReplyScenario.AttemptFailed)]
    [InlineData(TrackingStatus.OutForDelivery, RiskKind.Delayed, ReplyScenario.OutForDelivery)]
    public void A_parcel_at_a_pickup_point_or_after_a_failed_attempt_is_shared_even_after_the_promise(TrackingStatus status, RiskKind risk, ReplyScenario scenario)
    {
        var decision = InquiryDecisions.Decide(Order(promised: Now.AddDays(-1)), [Shipment(status, risk)], Now);

        Assert.Equal((RecommendedAction.ShareTracking, scenario), (decision.Action, decision.Scenario));
    }

    [Fact]
    public void FBA_is_redirected_nothing_asks_for_the_order_and_an_unshipped_order_past_its_promise_is_chased()
    {
        Assert.Equal(RecommendedAction.RedirectToAmazon, InquiryDecisions.Decide(Order(FulfillmentChannel.Amazon), [Shipment(TrackingStatus.Exception)], Now).Action);
        Assert.Equal(RecommendedAction.AskForOrderId, InquiryDecisions.Decide(null, [], Now).Action);
        Assert.Equal(RecommendedAction.ReassureWithinPromise, InquiryDecisions.Decide(Order(), [], Now).Action);
        // Late with a label the carrier never scanned: the carrier's to find. Late with nothing shipped: the seller's
        // to ship or cancel, with a reply that needs no parcel.
        Assert.Equal(RecommendedAction.ContactCarrier, InquiryDecisions.Decide(Order(promised: Now.AddDays(-1)), [Shipment(TrackingStatus.Pending) with { PromisedBy = null }], Now).Action);
        Assert.Equal(new InquiryDecision(RecommendedAction.OfferResolution, ReplyScenario.Delayed, null), InquiryDecisions.Decide(Order(promised: Now.AddDays(-1)), [], Now));
    }

    // The marketplace says the order left (an Orders v0 order has no tracking numbers; a parcel may go by a carrier
    // we do not track): it is neither "being prepared" nor "not shipped yet, we will cancel and refund".
    [Theory]
    [InlineData("Shipped", 2, RecommendedAction.ReassureWithinPromise)]
    [InlineData("FULFILLED", 2, RecommendedAction.ReassureWithinPromise)]
    [InlineData("Shipped", -1, RecommendedAction.ContactCarrier)]
    public void A_shipped_order_without_a_tracked_parcel_is_never_told_it_has_not_shipped(string status, int promisedInDays, RecommendedAction action)
    {
        var order = Order(promised: Now.AddDays(promisedInDays)) with { Status = status };

        var decision = InquiryDecisions.Decide(order, [], Now);

        Assert.Equal(new InquiryDecision(action, ReplyScenario.ShippedWithoutTracking, null), decision);
    }

    // The seller confirmed the shipment and the carrier has yet to scan the label: the parcel is not "being prepared";
    // the buyer gets its tracking number and is told the first scan is pending. An order not yet confirmed as shipped
    // with the same label is still being prepared.
    [Theory]
    [InlineData("Shipped", TrackingStatus.InfoReceived, RecommendedAction.ShareTracking, "shipped_awaiting_first_scan")]
    [InlineData("SHIPPED", TrackingStatus.Pending, RecommendedAction.ShareTracking, "shipped_awaiting_first_scan")]
    [InlineData("FULFILLED", TrackingStatus.NotFound, RecommendedAction.ShareTracking, "shipped_awaiting_first_scan")]
    [InlineData("PartiallyShipped", TrackingStatus.InfoReceived, RecommendedAction.ShareTracking, "partially_shipped_awaiting_first_scan")]
    [InlineData("Unshipped", TrackingStatus.InfoReceived, RecommendedAction.ReassureWithinPromise, "pre_transit_within_promise")]
    public void A_shipped_order_whose_label_is_not_scanned_yet_shares_its_tracking(string status, TrackingStatus label, RecommendedAction action, string templateId)
    {
        var order = Order() with { Status = status };

        var decision = InquiryDecisions.Decide(order, [Shipment(label)], Now);

        Assert.Equal((action, templateId, "shp_1"), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment?.Id));
    }

    // Past the promise, a label the carrier has yet to scan on an order the seller confirmed as shipped is late and the
    // carrier's to find: the agent asks the carrier, and the buyer gets the tracking number with the truth (labelled,
    // not scanned yet, late), not "not yet handed to the carrier". An order not confirmed as shipped keeps the delay reply.
    [Theory]
    [InlineData("Shipped", TrackingStatus.InfoReceived, "shipped_awaiting_first_scan_late")]
    [InlineData("SHIPPED", TrackingStatus.Pending, "shipped_awaiting_first_scan_late")]
    [InlineData("FULFILLED", TrackingStatus.NotFound, "shipped_awaiting_first_scan_late")]
    [InlineData("PartiallyShipped", TrackingStatus.InfoReceived, "partially_shipped_awaiting_first_scan_late")]
    [InlineData("Unshipped", TrackingStatus.InfoReceived, "fbm_delayed")]
    public void A_shipped_order_whose_label_is_still_not_scanned_after_the_promise_asks_for_the_carrier(string status, TrackingStatus label, string templateId)
    {
        var order = Order(promised: Now.AddDays(-1)) with { Status = status };

        var decision = InquiryDecisions.Decide(order, [Shipment(label)], Now);

        Assert.Equal((RecommendedAction.ContactCarrier, templateId, "shp_1"), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment?.Id));
    }

    // Part of the order left (Amazon PartiallyShipped, Shopify PARTIALLY_FULFILLED, eBay IN_PROGRESS) and no tracked
    // parcel says which: the buyer is told that part has shipped, not that the whole order has.
    [Theory]
    [InlineData("PartiallyShipped", 2, RecommendedAction.ReassureWithinPromise)]
    [InlineData("PARTIALLY_FULFILLED", 2, RecommendedAction.ReassureWithinPromise)]
    [InlineData("IN_PROGRESS", 2, RecommendedAction.ReassureWithinPromise)]
    [InlineData("PARTIALLY_SHIPPED", -1, RecommendedAction.ContactCarrier)]
    public void A_partially_shipped_order_without_a_tracked_parcel_gets_the_partial_reply(string status, int promisedInDays, RecommendedAction action)
    {
        var order = Order(promised: Now.AddDays(promisedInDays)) with { Status = status };

        var decision = InquiryDecisions.Decide(order, [], Now);

        Assert.Equal((action, "partially_shipped_without_tracking"), (decision.Action, decision.Scenario.TemplateId()));
    }

    // Part of the order left and its parcel is on its way or delivered: the parcel is not the order. The buyer gets the
    // parcel's news and is told the rest has not shipped, or "delivered" reads as "all of it" (an A-to-z claim for the
    // half that never came). An order the marketplace calls shipped keeps the plain reply.
    [Theory]
    [InlineData("PartiallyShipped", TrackingStatus.Delivered, "partially_shipped_delivered")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.Delivered, "partially_shipped_delivered")]
    [InlineData("IN_PROGRESS", TrackingStatus.Delivered, "partially_shipped_delivered")]
    [InlineData("PartiallyShipped", TrackingStatus.InTransit, "partially_shipped_in_transit")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.InTransit, "partially_shipped_in_transit")]
    [InlineData("Shipped", TrackingStatus.Delivered, "fbm_delivered")]
    [InlineData("FULFILLED", TrackingStatus.InTransit, "fbm_in_transit")]
    public void A_partly_shipped_orders_parcel_on_its_way_or_delivered_says_the_rest_has_not_shipped(string status, TrackingStatus parcel, string templateId)
    {
        var order = Order() with { Status = status };

        var decision = InquiryDecisions.Decide(order, [Shipment(parcel)], Now);

        Assert.Equal((RecommendedAction.ShareTracking, templateId, "shp_1"), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment?.Id));
    }

    // Out for delivery, after a failed attempt or at a pickup point, the parcel waits on the buyer, and it is still only
    // part of the order: the reply keeps what the buyer has to do for the parcel and says the rest has not shipped, or
    // the buyer who collects it takes it for the whole order. Late or held long, the same.
    [Theory]
    [InlineData("PartiallyShipped", TrackingStatus.OutForDelivery, "partially_shipped_out_for_delivery")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.OutForDelivery, "partially_shipped_out_for_delivery")]
    [InlineData("IN_PROGRESS", TrackingStatus.OutForDelivery, "partially_shipped_out_for_delivery")]
    [InlineData("PartiallyShipped", TrackingStatus.AvailableForPickup, "partially_shipped_available_for_pickup")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.AvailableForPickup, "partially_shipped_available_for_pickup")]
    [InlineData("IN_PROGRESS", TrackingStatus.AvailableForPickup, "partially_shipped_available_for_pickup")]
    [InlineData("PartiallyShipped", TrackingStatus.AttemptFailed, "partially_shipped_attempt_failed")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.AttemptFailed, "partially_shipped_attempt_failed")]
    [InlineData("IN_PROGRESS", TrackingStatus.AttemptFailed, "partially_shipped_attempt_failed")]
    [InlineData("Shipped", TrackingStatus.AvailableForPickup, "fbm_available_for_pickup")]
    [InlineData("FULFILLED", TrackingStatus.AttemptFailed, "fbm_attempt_failed")]
    [InlineData("Shipped", TrackingStatus.OutForDelivery, "fbm_out_for_delivery")]
    public void A_partly_shipped_orders_parcel_waiting_on_the_buyer_keeps_its_instructions_and_says_the_rest_has_not_shipped(
        string status, TrackingStatus parcel, string templateId)
    {
        var order = Order(promised: Now.AddDays(-1)) with { Status = status };

        var onTime = InquiryDecisions.Decide(order with { LatestDeliveryDate = Now.AddDays(2) }, [Shipment(parcel)], Now);
        var heldLong = InquiryDecisions.Decide(order, [Shipment(parcel, RiskKind.Stalled) with { PromisedBy = Now.AddDays(-1) }], Now);

        Assert.Equal((RecommendedAction.ShareTracking, templateId, "shp_1"), (onTime.Action, onTime.Scenario.TemplateId(), onTime.Shipment?.Id));
        Assert.Equal((RecommendedAction.ShareTracking, templateId), (heldLong.Action, heldLong.Scenario.TemplateId()));
    }

    // A partly shipped order's parcel in trouble is only part of the order: the reply says what happened to the parcel
    // and that the rest has not shipped, and the action stays what the parcel needs (ask the carrier, or offer a
    // replacement or a refund of what was in it).
    [Theory]
    [InlineData("PartiallyShipped", TrackingStatus.InTransit, RiskKind.Delayed, RecommendedAction.ContactCarrier, "partially_shipped_held_up")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.InTransit, RiskKind.Stalled, RecommendedAction.ContactCarrier, "partially_shipped_held_up")]
    [InlineData("IN_PROGRESS", TrackingStatus.Exception, null, RecommendedAction.ContactCarrier, "partially_shipped_held_up")]
    [InlineData("PartiallyShipped", TrackingStatus.InTransit, RiskKind.Exception, RecommendedAction.ContactCarrier, "partially_shipped_held_up")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.Expired, null, RecommendedAction.ContactCarrier, "partially_shipped_held_up")]
    [InlineData("IN_PROGRESS", TrackingStatus.Returning, null, RecommendedAction.OfferResolution, "partially_shipped_not_arriving")]
    [InlineData("PartiallyShipped", TrackingStatus.Returned, null, RecommendedAction.OfferResolution, "partially_shipped_not_arriving")]
    [InlineData("PARTIALLY_FULFILLED", TrackingStatus.Lost, null, RecommendedAction.OfferResolution, "partially_shipped_not_arriving")]
    [InlineData("Shipped", TrackingStatus.InTransit, RiskKind.Stalled, RecommendedAction.ContactCarrier, "fbm_delayed")]
    [InlineData("FULFILLED", TrackingStatus.Exception, null, RecommendedAction.ContactCarrier, "fbm_exception")]
    [InlineData("Shipped", TrackingStatus.Expired, null, RecommendedAction.ContactCarrier, "fbm_expired")]
    [InlineData("FULFILLED", TrackingStatus.Returned, null, RecommendedAction.OfferResolution, "fbm_returned")]
    [InlineData("Shipped", TrackingStatus.Lost, null, RecommendedAction.OfferResolution, "fbm_lost")]
    public void A_partly_shipped_orders_parcel_in_trouble_keeps_its_action_and_says_the_rest_has_not_shipped(
        string status, TrackingStatus parcel, RiskKind? risk, RecommendedAction action, string templateId)
    {
        var order = Order() with { Status = status };
        var shipment = risk is { } kind ? Shipment(parcel, kind) : Shipment(parcel);

        var decision = InquiryDecisions.Decide(order, [shipment], Now);

        Assert.Equal((action, templateId, "shp_1"), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment?.Id));
    }

    // A partly shipped order's label the carrier has not scanned: the same actions as for a shipped order (the first scan
    // is pending; late, the carrier is asked), with a reply that says another part has not shipped.
    [Theory]
    [InlineData("PartiallyShipped", false, RecommendedAction.ShareTracking, "partially_shipped_awaiting_first_scan")]
    [InlineData("PARTIALLY_FULFILLED", true, RecommendedAction.ContactCarrier, "partially_shipped_awaiting_first_scan_late")]
    [InlineData("IN_PROGRESS", false, RecommendedAction.ShareTracking, "partially_shipped_awaiting_first_scan")]
    [InlineData("Shipped", false, RecommendedAction.ShareTracking, "shipped_awaiting_first_scan")]
    [InlineData("FULFILLED", true, RecommendedAction.ContactCarrier, "shipped_awaiting_first_scan_late")]
    public void A_partly_shipped_orders_label_awaiting_its_first_scan_keeps_its_action_and_says_another_part_has_not_shipped(
        string status, bool late, RecommendedAction action, string templateId)
    {
        var order = Order(promised: late ? Now.AddDays(-1) : Now.AddDays(2)) with { Status = status };

        var decision = InquiryDecisions.Decide(order, [Shipment(TrackingStatus.InfoReceived)], Now);

        Assert.Equal((action, templateId, "shp_1"), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment?.Id));
    }

    // Shopify drops a cancelled order's promise; eBay keeps it. Either way the order will not ship: it is not "on
    // schedule", and a cancellation is not offered twice. A label printed before the cancellation changes nothing.
    [Theory]
    [InlineData("CANCELLED", null, false)]
    [InlineData("CANCELED", -1, false)]
    [InlineData("Canceled", 2, true)]
    public void A_cancelled_order_is_not_reassured_nor_offered_a_cancellation(string status, int? promisedInDays, bool withALabel)
    {
        var order = Order() with { Status = status, LatestDeliveryDate = promisedInDays is { } days ? Now.AddDays(days) : null };
        ShipmentState[] labels = withALabel ? [Shipment(TrackingStatus.InfoReceived) with { PromisedBy = null }] : [];

        var decision = InquiryDecisions.Decide(order, labels, Now);

        Assert.Equal((RecommendedAction.ShareTracking, ReplyScenario.OrderCancelled), (decision.Action, decision.Scenario));
    }

    // Amazon MCF gave up on the order (Unfulfillable: no stock to fulfil it; Invalid: the request could not be taken;
    // FULFILLMENT_ORDER_STATUS notifications spell them in upper case): it will never ship, so neither "being prepared",
    // "delayed, it will ship" nor "shipped, tracking to follow" is true, and the seller owes the buyer a resolution.
    [Theory]
    [InlineData("Unfulfillable", null, false)]
    [InlineData("UNFULFILLABLE", -1, false)]
    [InlineData("Invalid", 2, false)]
    [InlineData("INVALID", 2, true)]
    public void An_order_amazon_will_never_fulfil_is_told_it_could_not_be_sent_not_that_it_will_ship(string status, int? promisedInDays, bool withALabel)
    {
        var order = Order() with { Status = status, LatestDeliveryDate = promisedInDays is { } days ? Now.AddDays(days) : null };
        ShipmentState[] labels = withALabel ? [Shipment(TrackingStatus.InfoReceived) with { PromisedBy = null }] : [];

        var decision = InquiryDecisions.Decide(order, labels, Now);

        Assert.Equal((RecommendedAction.OfferResolution, "order_unfulfillable"), (decision.Action, decision.Scenario.TemplateId()));
    }

    // Shopify's FULFILLMENT_NOT_REQUIRED: nothing in the order ships (a digital product, a service), so neither "being
    // prepared", "delayed" nor "shipped, tracking to follow" is true: the reply says there is no parcel to track.
    [Theory]
    [InlineData(null)]
    [InlineData(2)]
    [InlineData(-1)]
    public void An_order_that_needs_no_shipment_is_told_so_not_that_it_has_yet_to_ship(int? promisedInDays)
    {
        var order = Order() with { Status = "FULFILLMENT_NOT_REQUIRED", LatestDeliveryDate = promisedInDays is { } days ? Now.AddDays(days) : null };

        var decision = InquiryDecisions.Decide(order, [], Now);

        Assert.Equal((RecommendedAction.ShareTracking, "order_needs_no_shipment", null), (decision.Action, decision.Scenario.TemplateId(), decision.Shipment));
    }

    // The latest ship date passed and nothing shipped by it (Amazon counts the order in the Late Shipment Rate): the
    // delivery promise still holds, so the buyer is reassured, but the reply must not say the order is on schedule. A
    // label registered by the ship-by date counts as shipped on time, as it does for the late-shipment risk; one
    // registered after it does not.
    [Theory]
    [InlineData(-1, null, "pre_transit_past_ship_date")]
    [InlineData(-1, -1, "pre_transit_past_ship_date")]
    [InlineData(-1, -48, "pre_transit_within_promise")]
    [InlineData(1, null, "pre_transit_within_promise")]
    public void An_unshipped_order_past_its_ship_by_date_within_the_promise_is_not_told_it_is_on_schedule(int shipByInDays, int? labelRegisteredHoursAgo, string templateId)
    {
        var order = Order(promised: Now.AddDays(2)) with { Status = "Unshipped", LatestShipDate = Now.AddDays(shipByInDays) };
        ShipmentState[] labels = labelRegisteredHoursAgo is { } hours ? [Shipment(TrackingStatus.InfoReceived) with { CreatedAt = Now.AddHours(hours) }] : [];

        var decision = InquiryDecisions.Decide(order, labels, Now);

        Assert.Equal((RecommendedAction.ReassureWithinPromise, templateId), (decision.Action, decision.Scenario.TemplateId()));
    }

    [Fact]
    public void An_unshipped_order_on_its_ship_by_date_has_not_missed_it()
    {
        var today = DateOnlyPromise.Of(DateOnly.FromDateTime(Now.UtcDateTime));
        var shipByToday = Order() with { Status = "Unshipped", LatestShipDate = today };
        var shipByYesterday = Order() with { Status = "Unshipped", LatestShipDate = today.AddDays(-1) };

        Assert.Equal("pre_transit_within_promise", InquiryDecisions.Decide(shipByToday, [], Now).Scenario.TemplateId());
        Assert.Equal("pre_transit_past_ship_date", InquiryDecisions.Decide(shipByYesterday, [], Now).Scenario.TemplateId());
    }

    [Fact]
    public void An_unshipped_order_on_its_promised_date_is_still_within_the_promise()
    {
        var promisedToday = Order(promised: DateOnlyPromise.Of(DateOnly.FromDateTime(Now.UtcDateTime)));
        var promisedYesterday = Order(promised: DateOnlyPromise.Of(DateOnly.FromDateTime(Now.UtcDateTime.AddDays(-1))));

        Assert.Equal(RecommendedAction.ReassureWithinPromise, InquiryDecisions.Decide(promisedToday, [], Now).Action);
        Assert.Equal(RecommendedAction.OfferResolution, InquiryDecisions.Decide(promisedYesterday, [], Now).Action);
    }

    [Fact]
    public void The_parcel_in_the_worst_state_decides_and_the_clocks_are_24_and_48_hours()
    {
        var lost = Shipment(TrackingStatus.Lost) with { Id = "shp_2" };

        var decision = InquiryDecisions.Decide(Order(), [Shipment(TrackingStatus.Delivered), lost], Now);

        Assert.Equal("shp_2", decision.Shipment?.Id);
        var voided = Shipment(TrackingStatus.Cancelled) with { Id = "shp_3" };
        Assert.Equal("shp_1", InquiryDecisions.Decide(Order(), [voided, Shipment(TrackingStatus.Delivered)], Now).Shipment?.Id);
        Assert.Equal(Now.AddHours(24), SupportClocks.InquiryRespondBy(Now));
        Assert.Equal(Now.AddHours(48), SupportClocks.ClaimRespondBy(Now));
    }

    [Fact]
    public void An_order_whose_parcels_were_all_delivered_is_answered_about_every_parcel_unless_the_buyer_names_one()
    {
        var second = Shipment(TrackingStatus.Delivered) with { Id = "shp_2", TrackingNumber = "1Z999AA10123456795" };
        var voided = Shipment(TrackingStatus.Cancelled) with { Id = "shp_3" };

        var order = InquiryDecisions.Decide(Order(), [Shipment(TrackingStatus.Delivered), second, voided], Now);
        var named = InquiryDecisions.Decide(Order(), [Shipment(TrackingStatus.Delivered), second, voided], Now, ["shp_2"]);
        var partly = InquiryDecisions.Decide(Order() with { Status = "PartiallyShipped" }, [Shipment(TrackingStatus.Delivered), second], Now);

        Assert.Equal((RecommendedAction.ShareTracking, "fbm_delivered_all_parcels"), (order.Action, order.Scenario.TemplateId()));
        Assert.Equal(("fbm_delivered", "shp_2"), (named.Scenario.TemplateId(), named.Shipment?.Id));
        // Partly shipped, the delivered parcels are not the whole order: their own reply says so.
        Assert.Equal("partially_shipped_delivered_parcels", partly.Scenario.TemplateId());
    }
}
