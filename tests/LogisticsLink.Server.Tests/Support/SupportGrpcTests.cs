using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Server.Tests.Infrastructure;
using LogisticsLink.V1;
using Microsoft.Extensions.DependencyInjection;
using static LogisticsLink.Server.Tests.Support.SupportFixtures;

namespace LogisticsLink.Server.Tests.Support;

/// <summary>SupportService over gRPC: evidence packs, claims, templates, deadlines, ambiguity and tenancy.</summary>
public sealed class SupportGrpcTests
{
    [Fact]
    public async Task An_evidence_pack_verifies_until_the_pack_or_a_stored_event_is_edited()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        var number = Numbers.Sandbox(0);
        var order = await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", number));
        await Eventually.UntilAsync(async () => (await server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = order.Shipments[0].Id })).Events.Count >= 2,
            "the parcel has scans");
        var support = server.Support();

        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        var intact = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = pack });
        var edited = pack.Clone();
        var scan = edited.Entries.First(e => e.Kind == "tracking_event");
        scan.Fields["description"] = "Delivered to the buyer";
        var editedPack = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = edited });
        await ExecuteAsync(server, $"UPDATE tracking_events SET raw_code = 'XX' WHERE shipment_id = '{order.Shipments[0].Id}'");
        var editedStore = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = pack });

        Assert.True(intact.Valid, string.Join("; ", intact.Problems));
        Assert.Contains(pack.Entries, e => e.Kind == "tracking_event" && e.Fields["raw_code"].Length > 0 && e.Fields.ContainsKey("payload_sha256"));
        Assert.InRange(pack.ClaimSummary.Length, 1, 2000);
        Assert.False(editedPack.Valid);
        Assert.False(editedPack.SignatureValid);
        Assert.Equal(edited.Entries.IndexOf(scan), editedPack.FirstBadEntry);
        Assert.False(editedStore.Valid);
        Assert.True(editedStore.SignatureValid);
        Assert.False(editedStore.MatchesStore);
        Assert.Contains(editedStore.Problems, p => p.Contains("raw_code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_claim_summary_fails_verification_and_a_pack_signed_before_summaries_were_still_verifies()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var support = server.Support();
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        var edited = pack.Clone();
        edited.ClaimSummary = pack.ClaimSummary.Replace("Valid tracking: no", "Valid tracking: yes").Replace("Proof of delivery: none", "Proof of delivery: signed") + " Delivered.";
        // A pack made before the summary was signed: the old header (no summary hash) under the old algorithm name.
        var old = pack.Clone();
        old.Algorithm = "SHA-256 chain, HMAC-SHA256 signature";
        var oldHeader = string.Join('\n', old.Tenant, old.Channel, old.OrderId, old.ShipmentId,
            old.GeneratedAt.ToDateTimeOffset().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), old.Algorithm);
        old.Signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(TestServer.EvidenceKey), System.Text.Encoding.UTF8.GetBytes(oldHeader + "\n" + old.ChainHead)));

        var intact = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = pack });
        var summaryEdited = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = edited });
        var oldFormat = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = old });
        var downgraded = pack.Clone();
        downgraded.Algorithm = old.Algorithm;
        var downgradedResult = await support.VerifyEvidenceAsync(new VerifyEvidenceRequest { Pack = downgraded });

        Assert.True(intact.Valid, string.Join("; ", intact.Problems));
        Assert.False(summaryEdited.Valid);
        Assert.False(summaryEdited.SignatureValid);
        Assert.Contains(summaryEdited.Problems, p => p.Contains("claim_summary", StringComparison.Ordinal));
        Assert.True(oldFormat.Valid, string.Join("; ", oldFormat.Problems));
        Assert.False(downgradedResult.SignatureValid);
    }

    [Fact]
    public async Task A_recorded_reply_counts_in_the_24_hour_check_only_with_the_time_the_message_arrived()
    {
        await using var server = await TestServer.StartAsync();
        var support = server.Support();
        async Task<string> AnsweredWithin24Hours(string orderId) =>
            (await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId }))
                .Entries.Single(e => e.Kind == "check" && e.Key == "answered_within_24_hours").Fields["result"];
        var undated = AmazonId();
        var late = AmazonId();
        foreach (var id in new[] { undated, late })
        {
            await server.Orders().UpsertOrderAsync(Order(id, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox()));
        }

        var answer = await support.ResolveInquiryAsync(new ResolveInquiryRequest { Channel = "amazon", OrderId = undated, RecordReply = true });
        await support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = late, RecordReply = true, ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-3)),
        });

        Assert.NotNull(answer.Reply);
        Assert.Equal("unknown", await AnsweredWithin24Hours(undated));
        Assert.Equal("false", await AnsweredWithin24Hours(late));
    }

    [Fact]
    public async Task A_message_received_in_the_future_is_refused_and_no_reply_is_recorded()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox()));
        var support = server.Support();

        // Recorded, it would read as answered within 24 hours in the signed evidence pack.
        var error = await Assert.ThrowsAsync<RpcException>(() => support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, RecordReply = true, ReceivedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(3)),
        }).ResponseAsync);
        var deadline = await Assert.ThrowsAsync<RpcException>(() => support.ResolveInquiryAsync(new ResolveInquiryRequest
        {
            Channel = "amazon", OrderId = orderId, Deadline = new Duration { Seconds = 1, Nanos = -1 },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("received_at: must not be in the future", error.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, deadline.StatusCode);
        Assert.Contains("deadline", deadline.Status.Detail);
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId });
        Assert.DoesNotContain(pack.Entries, e => e.Kind == "reply");
    }

    [Fact]
    public async Task A_claim_gets_a_48_hour_clock_and_says_what_evidence_exists()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var opened = new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.Zero);

        var claim = await server.Support().RegisterClaimAsync(new RegisterClaimRequest
        {
            Channel = "amazon", OrderId = orderId, Kind = "a_to_z_not_received", OpenedAt = Timestamp.FromDateTimeOffset(opened),
        });
        var resolution = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest { OrderId = orderId, Channel = "amazon" });

        Assert.Equal(Timestamp.FromDateTimeOffset(opened.AddHours(48)), claim.RespondBy);
        Assert.Contains(claim.Evidence, e => e.Item == "tracking_number" && e.Available);
        Assert.Contains(claim.Evidence, e => e.Item == "proof_of_delivery");
        Assert.Equal(claim.ClaimId, Assert.Single(resolution.OpenClaims).ClaimId);
    }

    [Fact]
    public async Task Two_matching_orders_are_reported_not_guessed()
    {
        await using var server = await TestServer.StartAsync();
        var (first, second) = (AmazonId(), AmazonId());
        await server.Orders().UpsertOrderAsync(Order(first, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        await server.Orders().UpsertOrderAsync(Order(second, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            MessageText = $"I ordered twice ({first} and {second}) and nothing came.", Channel = "amazon",
        });

        Assert.True(answer.Ambiguous);
        Assert.Null(answer.Order);
        Assert.Equal(new[] { first, second }.Order(), answer.Candidates.Select(c => c.OrderId).Order());
        Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
    }

    [Theory]
    [InlineData("en", "could not find")]
    [InlineData("fr", "pas retrouvé")]
    [InlineData("de", "nicht finden")]
    public async Task Two_matching_orders_get_a_reply_asking_which_one_not_saying_none_was_found(string language, string notFoundWords)
    {
        await using var server = await TestServer.StartAsync();
        var (first, second) = (AmazonId(), AmazonId());
        var (one, other) = (Numbers.Sandbox(0), Numbers.Sandbox(0));
        await server.Orders().UpsertOrderAsync(Order(first, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", one));
        await server.Orders().UpsertOrderAsync(Order(second, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", other));

        var byIds = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            MessageText = $"{first} / {second}", Channel = "amazon", Language = language,
        });
        // Two parcels of two orders: the order ids were never quoted, so the reply must not name them.
        var byNumbers = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            MessageText = $"{one} {other}", Channel = "amazon", Language = language,
        });

        foreach (var answer in new[] { byIds, byNumbers })
        {
            Assert.True(answer.Ambiguous);
            Assert.Equal(RecommendedAction.AskForOrderId, answer.Action);
            Assert.Equal("several_orders_found", answer.Reply.TemplateId);
            Assert.Equal(language, answer.Reply.Language);
            Assert.True(answer.Reply.Compliant, string.Join("; ", answer.Reply.Findings.Select(f => f.Message)));
            Assert.DoesNotContain(notFoundWords, answer.Reply.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(first, answer.Reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(second, answer.Reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Evidence_for_an_order_and_a_shipment_of_another_order_is_refused_naming_the_field()
    {
        await using var server = await TestServer.StartAsync();
        var (first, second) = (AmazonId(), AmazonId());
        await server.Orders().UpsertOrderAsync(Order(first, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var other = await server.Orders().UpsertOrderAsync(Order(second, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1)));
        var support = server.Support();
        var request = new GetEvidenceRequest { Channel = "amazon", OrderId = first, ShipmentId = other.Shipments[0].Id };

        var refused = await Assert.ThrowsAsync<RpcException>(() => support.GetEvidenceAsync(request).ResponseAsync);
        var own = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = second, ShipmentId = other.Shipments[0].Id });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("shipment_id:", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(second, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(second, own.OrderId);
    }

    [Fact]
    public async Task A_reply_for_an_order_and_a_shipment_of_another_order_is_refused_naming_the_field()
    {
        await using var server = await TestServer.StartAsync();
        var (first, second) = (AmazonId(), AmazonId());
        await server.Orders().UpsertOrderAsync(Order(first, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var other = await server.Orders().UpsertOrderAsync(Order(second, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(1)));
        var parcel = other.Shipments[0].Id;
        var support = server.Support();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { Channel = "amazon", OrderId = first, ShipmentId = parcel }).ResponseAsync);
        // The same order id on another channel is another order.
        var otherChannel = await Assert.ThrowsAsync<RpcException>(() =>
            support.RenderReplyAsync(new RenderReplyRequest { Channel = "ebay", OrderId = second, ShipmentId = parcel }).ResponseAsync);
        var own = await support.RenderReplyAsync(new RenderReplyRequest { Channel = "amazon", OrderId = second, ShipmentId = parcel });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("shipment_id:", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(first, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(second, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, otherChannel.StatusCode);
        Assert.StartsWith("shipment_id:", otherChannel.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(second, own.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_order_is_not_found_and_unknown_text_asks_for_the_order_id()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", Numbers.Sandbox(0)));
        var other = server.Support(TestServer.KeyB);

        var resolution = await other.ResolveInquiryAsync(new ResolveInquiryRequest { MessageText = $"where is {orderId}?", Channel = "amazon" });
        var evidence = await Assert.ThrowsAsync<RpcException>(() => other.GetEvidenceAsync(new GetEvidenceRequest { Channel = "amazon", OrderId = orderId }).ResponseAsync);
        var claim = await Assert.ThrowsAsync<RpcException>(() => other.RegisterClaimAsync(new RegisterClaimRequest { Channel = "amazon", OrderId = orderId, Kind = "a_to_z" }).ResponseAsync);

        Assert.Null(resolution.Order);
        Assert.Equal(RecommendedAction.AskForOrderId, resolution.Action);
        Assert.Equal("no_order_found", resolution.Reply.TemplateId);
        Assert.Equal(StatusCode.NotFound, evidence.StatusCode);
        Assert.Equal(StatusCode.NotFound, claim.StatusCode);
    }

    [Fact]
    public async Task A_slow_carrier_is_answered_from_the_last_known_state_within_the_deadline()
    {
        var carrier = new ScriptedCarrier();
        await using var server = await TestServer.StartAsync(
            settings: new Dictionary<string, string> { ["Scheduler:Enabled"] = "false" },
            services: s => s.AddSingleton<ICarrierClient>(carrier));
        var orderId = AmazonId();
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB", "1Z999AA10123456784"));
        carrier.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var answer = await server.Support().ResolveInquiryAsync(new ResolveInquiryRequest
        {
            OrderId = orderId, Channel = "amazon", MaxAge = Duration.FromTimeSpan(TimeSpan.Zero), Deadline = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(50)),
        });
        carrier.Gate.SetResult();
        var shipmentId = Assert.Single(answer.Shipments).Id;
        await Eventually.UntilAsync(async () => (await server.Client().GetShipmentAsync(new GetShipmentRequest { ShipmentId = shipmentId })).Status
            == ShipmentStatus.InTransit, "the slow refresh landed for the next reader");

        Assert.True(answer.Stale);
        Assert.True(answer.Shipments[0].Stale);
        Assert.Equal(ShipmentStatus.Pending, answer.Shipments[0].Status);
        // The order is Shipped: its parcel awaits the carrier's first scan, it is not being prepared.
        Assert.Equal(RecommendedAction.ShareTracking, answer.Action);
        Assert.Equal("shipped_awaiting_first_scan", answer.Reply.TemplateId);
        Assert.Equal(1, carrier.Calls);
    }

    [Fact]
    public async Task Tenant_templates_are_versioned_used_and_refused_when_they_break_the_policy()
    {
        await using var server = await TestServer.StartAsync();
        var orderId = AmazonId();
        // No parcel: with one, the sandbox (a step every 200 ms here) may deliver it before fbm_delivered is rendered,
        // and delivered_at would no longer be missing.
        await server.Orders().UpsertOrderAsync(Order(orderId, FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-GB"));
        var support = server.Support();
        var body = "Order {{ order_id }}: we are on it.";

        var first = await support.UpsertTemplateAsync(new UpsertTemplateRequest { TemplateId = "custom_ack", Language = "en", Body = body });
        var second = await support.UpsertTemplateAsync(new UpsertTemplateRequest { TemplateId = "custom_ack", Language = "en-GB", Body = body + " Thanks." });
        var rendered = await support.RenderReplyAsync(new RenderReplyRequest { TemplateId = "custom_ack", OrderId = orderId, Channel = "amazon", Language = "en" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "promo", Language = "en", Channel = "amazon",
            Body = "Order {{ order_id }} shipped! Leave us a review and get a 10% discount at https://myshop.example 😀",
        }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "typo", Language = "en", Body = "Order {{ ordr_id }}",
        }).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => support.RenderReplyAsync(new RenderReplyRequest
        {
            TemplateId = "fbm_delivered", OrderId = orderId, Channel = "amazon",
        }).ResponseAsync);
        var otherTenant = await Assert.ThrowsAsync<RpcException>(() => server.Support(TestServer.KeyB).RenderReplyAsync(new RenderReplyRequest
        {
            TemplateId = "custom_ack", OrderId = orderId, Channel = "amazon",
        }).ResponseAsync);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal($"Order {orderId}: we are on it. Thanks.", rendered.Text);
        Assert.Equal(2, rendered.TemplateVersion);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        foreach (var code in new[] { "review_request", "marketing", "link", "emoji" })
        {
            Assert.Contains(code, refused.Status.Detail);
        }
        Assert.Contains("ordr_id", unknown.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, missing.StatusCode);
        Assert.Contains("delivered_at", missing.Status.Detail);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task An_order_of_any_channel_OrderService_takes_gets_its_claim_and_evidence()
    {
        await using var server = await TestServer.StartAsync();
        var order = Order("W-1001", FulfillmentChannel.Merchant, DateTimeOffset.UtcNow.AddDays(5), "en-US", Numbers.Sandbox(0));
        order.Order.Channel = "walmart";
        await server.Orders().UpsertOrderAsync(order);
        var support = server.Support();

        var claim = await support.RegisterClaimAsync(new RegisterClaimRequest { Channel = "walmart", OrderId = "W-1001", Kind = "chargeback" });
        var pack = await support.GetEvidenceAsync(new GetEvidenceRequest { Channel = "walmart", OrderId = "W-1001" });

        Assert.StartsWith("clm_", claim.ClaimId);
        Assert.Contains(pack.Entries, e => e.Kind == "claim");
    }

    [Fact]
    public async Task Bad_requests_name_each_field()
    {
        await using var server = await TestServer.StartAsync();
        var support = server.Support();

        var upsert = await Assert.ThrowsAsync<RpcException>(() => support.UpsertTemplateAsync(new UpsertTemplateRequest
        {
            TemplateId = "bad id!", Language = "pt-BR", Channel = "my.shop",
        }).ResponseAsync);
        var render = await Assert.ThrowsAsync<RpcException>(() => support.RenderReplyAsync(new RenderReplyRequest { TimeZone = "Mars/Olympus" }).ResponseAsync);
        var claim = await Assert.ThrowsAsync<RpcException>(() => support.RegisterClaimAsync(new RegisterClaimRequest()).ResponseAsync);

        Assert.All(new[] { upsert, render, claim }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        foreach (var field in new[] { "template_id", "language", "channel", "body" })
        {
            Assert.Contains(field + ":", upsert.Status.Detail);
        }
        Assert.Contains("order_id:", render.Status.Detail);
        Assert.Contains("time_zone:", render.Status.Detail);
        foreach (var field in new[] { "channel", "order_id", "kind" })
        {
            Assert.Contains(field + ":", claim.Status.Detail);
        }
    }
}
