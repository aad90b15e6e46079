using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Templates;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Support;
using LogisticsLink.Server.Support.Pdf;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;
using DomainAction = LogisticsLink.Domain.Support.Inquiries.RecommendedAction;

namespace LogisticsLink.Server.Api;

/// <summary>The SupportService contract: validates, scopes every call to the caller's tenant, delegates.</summary>
public sealed class SupportGrpcService(
    IOrderStore orders,
    IShipmentStore shipments,
    ISupportStore support,
    InquiryResolver resolver,
    ReplyDesk replies,
    EvidenceDesk evidence,
    OrderLinker linker,
    IOptions<TrackingOptions> tracking,
    TimeProvider time) : SupportService.SupportServiceBase
{
    public override async Task<InquiryResolution> ResolveInquiry(ResolveInquiryRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var violations = new Violations();
        var orderId = OrderRequests.PlainOrderId(request.OrderId);
        if (request.MessageText.Trim().Length == 0 && orderId.Length == 0 && request.TrackingNumber.Trim().Length == 0)
        {
            violations.Add("message_text", "give message_text, order_id or tracking_number");
        }
        if (request.MessageText.Length > SupportRequests.MaxMessageLength)
        {
            violations.Add("message_text", $"must be at most {SupportRequests.MaxMessageLength} characters");
        }
        var channel = SupportRequests.Channel(violations, "channel", request.Channel);
        var maxAge = RequestTimes.MaxAge(violations, "max_age", request.MaxAge);
        var deadline = SupportRequests.Deadline(violations, request.Deadline) ?? tracking.Value.RefreshWait;
        var zone = SupportRequests.TimeZone(violations, "time_zone", request.TimeZone);
        var received = RequestTimes.PastBusinessDate(violations, "received_at", request.ReceivedAt, now);
        var receivedAt = received ?? now;
        violations.ThrowIfAny();
        // An instant, not a span: the lookups before any refresh wait take part of the caller's deadline too.
        var answerBy = now + CallDeadlines.Within(deadline, context, now);

        var query = InquiryResolver.Read(orderId, request.TrackingNumber.Trim(), request.MessageText);
        var target = await resolver.FindAsync(tenant, channel, query, maxAge, answerBy, ct);
        var matches = target.Matches;
        var states = target.Shipments.Select(s => s.Stored.State).ToList();
        var decision = target.Ambiguous
            ? new InquiryDecision(DomainAction.AskForOrderId, ReplyScenario.SeveralOrdersFound, null)
            : InquiryDecisions.Decide(target.Order, states, time.GetUtcNow(), target.NamedShipmentIds);

        var answer = new InquiryResolution
        {
            Action = (V1.RecommendedAction)decision.Action,
            RespondBy = Timestamp.FromDateTimeOffset(SupportClocks.InquiryRespondBy(receivedAt)),
            Ambiguous = target.Ambiguous,
            Stale = target.Stale || states.Any(s => s.Stale),
            FulfillmentChannel = (V1.FulfillmentChannel)(target.Order?.FulfillmentChannel ?? Domain.Orders.FulfillmentChannel.Unspecified),
        };
        answer.Matches.Add(matches.OrderIds.Concat(target.OrderNumbers).Select(m => new InquiryMatch
        {
            Kind = "order_id", Value = m.OrderId, Candidates = { m.Channel.Length > 0 ? [m.Channel] : Array.Empty<string>() }, Start = m.Start, Length = m.Length,
        }));
        // A number is looked up as read (a DPD number with its check character finds DPD parcels only), but reported as
        // DetectCarrier normalizes it: the number its parcel is stored under, the 14 digits of "0530 8801 4100 58 4".
        answer.Matches.Add(matches.TrackingNumbers.Select(m => new InquiryMatch
        {
            Kind = "tracking_number", Value = TrackingRequests.Detected(CarrierDetector.Detect(m.Number)).Number, Candidates = { m.Carriers },
            Start = m.Start, Length = m.Length,
        }));
        answer.Candidates.Add(target.Candidates.Select(c => new OrderCandidate { Channel = c.Channel, OrderId = c.OrderId, MatchedBy = c.MatchedBy }));
        foreach (var shipment in target.Shipments)
        {
            var proto = ShipmentMapper.ToProto(shipment.Stored.State, shipment.Events);
            proto.Stale |= target.Stale && !(shipment.Stored.State.LastCheckedAt >= now - (maxAge ?? TimeSpan.Zero));
            answer.Shipments.Add(proto);
        }
        if (target.Order is { } order)
        {
            var open = await support.ListClaimsAsync(tenant, order.Channel, order.OrderId, ct);
            answer.Order = OrderMapper.ToProto(order, states, open);
            answer.OpenClaims.Add(open.Select(ClaimMapper.ToProto));
        }

        // No order found (or several), or an order whose buyer language and marketplace say nothing (amazon.com.be, .ca):
        // nothing says the buyer's language but the message, answered in its language when it is plainly one of ours.
        // A language the caller gives, the order's buyer language and its marketplace's still come first.
        var messageLanguage = request.Language.Trim().Length == 0 ? MessageLanguage.Detect(request.MessageText) : null;
        var locale = ReplyLocale.Resolve(request.Language, target.Order?.BuyerLanguage, target.Order?.MarketplaceId, zone, messageLanguage);
        // The reply is the found order's: its channel picks the template and the policy. The request's channel only says
        // where the message came through, and a buyer may quote an order of another marketplace (an Amazon id in a
        // Shopify message is still an Amazon order, answered under Amazon's rules).
        var replyChannel = target.Order?.Channel ?? channel;
        try
        {
            var reply = await replies.RenderAsync(
                tenant, decision.Scenario.TemplateId(), replyChannel, locale, target.Order, decision.Shipment, decision.Parcels, ct);
            answer.Reply = ToProto(reply);
            // A reply that breaks the policy is returned, findings and all, for the agent to fix, but it is not one to
            // send: recording it would count it in the evidence as the buyer's answer.
            if (request.RecordReply && target.Order is { } replied && reply.Compliant)
            {
                // Recorded with the time given, never the default: the evidence must not claim a 24-hour answer
                // it cannot know.
                await replies.RecordAsync(tenant, replied, reply, replyChannel, received, ct);
                answer.ReplyRecorded = true;
            }
        }
        catch (MissingPlaceholderException e)
        {
            answer.ReplyError = e.Message;
        }
        // A template stored before the limits existed, or whose filters fail only with this order's values: the answer
        // stands without its reply.
        catch (TemplateRenderException e)
        {
            answer.ReplyError = $"Template '{decision.Scenario.TemplateId()}' cannot be rendered: {e.Problem}: {e.Message}.";
        }
        return answer;
    }

    public override async Task<RenderedReply> RenderReply(RenderReplyRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var ct = context.CancellationToken;
        var violations = new Violations();
        var templateId = SupportRequests.Identifier(violations, "template_id", request.TemplateId, required: false);
        var orderId = OrderRequests.OrderId(violations, "order_id", request.OrderId, required: false);
        var shipmentId = request.ShipmentId.Trim();
        if (orderId.Length == 0 && shipmentId.Length == 0)
        {
            violations.Add("order_id", "give order_id (with channel) or shipment_id");
        }
        var channel = SupportRequests.Channel(violations, "channel", request.Channel, required: orderId.Length > 0);
        SupportRequests.Language(violations, "language", request.Language);
        var zone = SupportRequests.TimeZone(violations, "time_zone", request.TimeZone);
        violations.ThrowIfAny();

        OrderState? order = null;
        IReadOnlyList<ShipmentState> states;
        if (shipmentId.Length > 0)
        {
            var shipment = await shipments.FindAsync(tenant, shipmentId, ct) ?? throw Violations.NotFound($"Shipment '{shipmentId}' was not found.");
            // With order_id too, the reply would print this parcel's own order under the caller's: refused, as GetEvidence does.
            var named = orderId.Length > 0 ? await orders.FindOrderByIdOrNameAsync(tenant, channel, orderId, "order_id", ct) : null;
            SupportRequests.CheckShipmentOfOrder(shipmentId, shipment.State.Order, channel, named?.State.OrderId ?? orderId);
            SupportRequests.CheckChannelOfShipment(shipmentId, shipment.State.Order, channel);
            states = [shipment.State];
            if (!shipment.State.Order.IsNone)
            {
                order = (await orders.FindOrderAsync(tenant, shipment.State.Order.Channel, shipment.State.Order.OrderId, ct))?.State;
            }
        }
        else
        {
            order = (await orders.FindOrderByIdOrNameAsync(tenant, channel, orderId, "order_id", ct))?.State
                ?? throw Violations.NotFound($"No {channel} order '{orderId}' is known.");
            states = await orders.ListOrderShipmentsAsync(tenant, channel, order.OrderId, ct);
        }
        var decision = InquiryDecisions.Decide(order, states, time.GetUtcNow());
        var locale = ReplyLocale.Resolve(request.Language, order?.BuyerLanguage, order?.MarketplaceId, zone);
        // A parcel's order decides the channel (checked above to agree with the request's): its template and policy.
        var replyChannel = order?.Channel ?? (states.FirstOrDefault()?.Order is { IsNone: false } link ? link.Channel : channel);
        ComposedReply reply;
        try
        {
            reply = await replies.RenderAsync(tenant, templateId.Length > 0 ? templateId : decision.Scenario.TemplateId(), replyChannel, locale, order,
                decision.Shipment ?? states.FirstOrDefault(), decision.Parcels, ct);
        }
        catch (UnknownTemplateException e)
        {
            throw Violations.NotFound(e.Message);
        }
        catch (MissingPlaceholderException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, e.Message));
        }
        catch (TemplateRenderException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, $"The template cannot be rendered: {e.Problem}: {e.Message}."));
        }
        if (!reply.Compliant && !request.FindingsOnly)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition,
                $"The reply breaks the {replyChannel} messaging policy: " + string.Join("; ", reply.Findings.Select(f => $"{f.Code} at {f.Start}: {f.Message}")) +
                " Set findings_only to see it anyway."));
        }
        return ToProto(reply);
    }

    public override async Task<ReplyTemplate> UpsertTemplate(UpsertTemplateRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var templateId = SupportRequests.Identifier(violations, "template_id", request.TemplateId, required: true);
        SupportRequests.Language(violations, "language", request.Language, required: true);
        var channel = SupportRequests.Channel(violations, "channel", request.Channel);
        if (request.Body.Trim().Length == 0)
        {
            violations.Add("body", "is required");
        }
        else if (request.Body.Length > SupportRequests.MaxTemplateLength)
        {
            violations.Add("body", $"must be at most {SupportRequests.MaxTemplateLength} characters");
        }
        violations.ThrowIfAny();
        var language = ReplyLocale.Resolve(request.Language).Language;
        foreach (var problem in ReplyComposer.Problems(request.Body, language, channel))
        {
            violations.Add("body", problem);
        }
        violations.ThrowIfAny();
        var saved = await support.SaveTemplateAsync(tenant, templateId, language, channel, request.Body, time.GetUtcNow(), context.CancellationToken);
        return new ReplyTemplate
        {
            TemplateId = saved.TemplateId, Language = saved.Language, Channel = saved.Channel, Body = saved.Body, Version = saved.Version,
            UpdatedAt = Timestamp.FromDateTimeOffset(saved.UpdatedAt),
        };
    }

    public override Task<EvidencePack> GetEvidence(GetEvidenceRequest request, ServerCallContext context)
    {
        var (channel, orderId, shipmentId) = EvidenceTarget(request);
        return evidence.BuildAsync(ApiKeyInterceptor.TenantOf(context), channel, orderId, shipmentId, context.CancellationToken);
    }

    public override async Task<HttpBody> GetEvidencePdf(GetEvidenceRequest request, ServerCallContext context)
    {
        var (channel, orderId, shipmentId) = EvidenceTarget(request);
        var pack = await evidence.BuildAsync(ApiKeyInterceptor.TenantOf(context), channel, orderId, shipmentId, context.CancellationToken);
        var name = string.Concat((pack.OrderId.Length > 0 ? pack.OrderId : pack.ShipmentId).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        // Over HTTP the body is the PDF itself: a browser or `curl -OJ` saves it under a useful name.
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"evidence-{name}.pdf\"";
        return new HttpBody { ContentType = EvidencePdf.ContentType, Data = ByteString.CopyFrom(EvidencePdf.Render(pack)) };
    }

    private static (string Channel, string OrderId, string ShipmentId) EvidenceTarget(GetEvidenceRequest request)
    {
        var violations = new Violations();
        var orderId = OrderRequests.OrderId(violations, "order_id", request.OrderId, required: false);
        var shipmentId = request.ShipmentId.Trim();
        if (orderId.Length == 0 && shipmentId.Length == 0)
        {
            violations.Add("order_id", "give order_id (with channel) or shipment_id");
        }
        var channel = SupportRequests.Channel(violations, "channel", request.Channel);
        violations.ThrowIfAny();
        return (channel.Length > 0 ? channel : InquiryMatcher.Amazon, orderId, shipmentId);
    }

    public override Task<EvidenceVerification> VerifyEvidence(VerifyEvidenceRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        if (request.Pack is null)
        {
            throw Violations.Single("pack", "is required");
        }
        return evidence.VerifyAsync(tenant, request.Pack, context.CancellationToken);
    }

    public override async Task<Claim> RegisterClaim(RegisterClaimRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var violations = new Violations();
        var channel = SupportRequests.Channel(violations, "channel", request.Channel, required: true);
        var givenId = OrderRequests.OrderId(violations, "order_id", request.OrderId, required: false);
        if (givenId.Length == 0)
        {
            violations.Add("order_id", "is required");
        }
        var kind = SupportRequests.Identifier(violations, "kind", request.Kind, required: true).ToLowerInvariant();
        var openedAt = RequestTimes.PastBusinessDate(violations, "opened_at", request.OpenedAt, now) ?? now;
        violations.ThrowIfAny();
        var order = (await orders.FindOrderByIdOrNameAsync(tenant, channel, givenId, "order_id", ct))?.State
            ?? throw Violations.NotFound($"No {channel} order '{givenId}' is known.");
        // Found by its name or its id, the claim is the order's, under its id.
        var orderId = order.OrderId;
        // A claim of this kind already open on the order comes back instead: the call is a retry.
        var claim = await support.SaveClaimAsync(tenant, new ClaimRecord("clm_" + Guid.CreateVersion7(now).ToString("N"), channel, orderId, kind,
            openedAt, SupportClocks.ClaimRespondBy(openedAt), now), ct);
        // The claim clock goes out on the stream as the order's CLAIM_OPEN risk, in the change log like every order change.
        // Once the claim is stored, a caller who cancels must not leave it unflagged: this step runs to the end.
        await linker.ClaimsChangedAsync(tenant, new OrderLink(channel, orderId), CancellationToken.None);
        var ids = (await orders.ListOrderShipmentsAsync(tenant, channel, orderId, ct)).Select(s => s.Id).ToList();
        var sources = await evidence.SourcesAsync(tenant, order, ids, ct);
        var answer = ClaimMapper.ToProto(claim);
        answer.Evidence.Add(Needs(sources));
        return answer;
    }

    private static IEnumerable<EvidenceNeed> Needs(EvidenceSources sources) =>
        ClaimEvidence.From(sources).Select(n => new EvidenceNeed { Item = n.Item, Available = n.Available, Detail = n.Detail });

    private static RenderedReply ToProto(ComposedReply r)
    {
        var reply = new RenderedReply
        {
            Text = r.Text, Language = r.Language, TemplateId = r.TemplateId, Compliant = r.Compliant, TemplateVersion = r.TemplateVersion,
        };
        reply.Findings.Add(r.Findings.Select(f => new V1.PolicyFinding { Code = f.Code, Message = f.Message, Start = f.Start, Length = f.Length }));
        return reply;
    }
}
