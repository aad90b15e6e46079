using System.Runtime.CompilerServices;
using Grpc.Core;
using LogisticsLink.Carriers;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Mapping;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Api;

/// <summary>The TrackingService contract: validates, scopes every call to the caller's tenant, delegates.</summary>
public sealed class TrackingGrpcService(
    IShipmentStore store,
    ShipmentTracker tracker,
    RefreshWaiter refreshWaiter,
    OrderLinker orderLinker,
    ShipmentCache cache,
    CarrierGateway carriers,
    ChangeHub hub,
    WatchSession watch,
    IOptions<TrackingOptions> options,
    TimeProvider time) : TrackingService.TrackingServiceBase
{
    public override async Task<Shipment> TrackShipment(TrackShipmentRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var (number, carrier) = TrackingRequests.Parcel(violations, "tracking_number", "carrier", request.TrackingNumber, request.Carrier);
        var order = TrackingRequests.Order(violations, request.Order);
        var labels = TrackingRequests.Labels(violations, request.Labels);
        violations.ThrowIfAny();
        if (!carriers.IsEnabled(carrier!))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Carrier '{carrier}' is not enabled on this server."));
        }

        var stored = await tracker.RegisterAsync(tenant, carrier!, number, order, labels, byCaller: true, context.CancellationToken);
        stored = await orderLinker.CarryPromiseAsync(tenant, stored, context.CancellationToken);
        return ShipmentMapper.ToProto(stored.State, await store.GetEventsAsync(stored.State.Id, context.CancellationToken));
    }

    public override Task<DetectCarrierResponse> DetectCarrier(DetectCarrierRequest request, ServerCallContext context)
    {
        ApiKeyInterceptor.TenantOf(context);
        var detection = CarrierDetector.Detect(request.TrackingNumber);
        if (!detection.IsWellFormed)
        {
            throw Violations.Single("tracking_number", request.TrackingNumber.Length == 0
                ? "is required"
                : "must be 8 to 45 letters and digits with at least one digit (spaces and dashes are ignored)");
        }
        // The number TrackShipment would store for the detected carrier: a scanned USPS barcode's printed number.
        var (number, detected) = TrackingRequests.Detected(detection);
        var response = new DetectCarrierResponse { NormalizedTrackingNumber = number, DetectedCarrier = detected };
        response.Candidates.AddRange(detection.Candidates.Select(c => new V1.CarrierCandidate
        {
            Carrier = c.Carrier, ChecksumValid = c.ChecksumValid, Format = c.Format, Confidence = c.Confidence,
        }));
        return Task.FromResult(response);
    }

    public override async Task<Shipment> GetShipment(GetShipmentRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var ct = context.CancellationToken;
        var asked = time.GetUtcNow();
        var (shipment, maxAge) = await FindAsync(tenant, request, ct);
        var stale = false;
        // Fresh enough: checked no earlier than max_age before this call arrived.
        if (maxAge is { } age && !(shipment.Stored.State.LastCheckedAt >= asked - age))
        {
            var refresh = tracker.RefreshAsync(shipment.Stored, asked - age);
            // Bounded from now, not from the call's arrival: finding the shipment took part of the caller's deadline.
            if (await refreshWaiter.WaitAsync([refresh], CallDeadlines.Within(options.Value.RefreshWait, context, time.GetUtcNow()), ct))
            {
                var refreshed = await refresh;
                var cached = await cache.GetAsync(tenant, refreshed.State.Id, ct);
                if (cached is not null && cached.Stored.Revision < refreshed.Revision)
                {
                    // Another node committed the refresh this call shared, and this node's hub has not dropped its copy yet.
                    cache.Invalidate(refreshed.State.Id);
                    cached = await cache.GetAsync(tenant, refreshed.State.Id, ct);
                }
                shipment = cached ?? shipment;
            }
            else
            {
                // Answer now with what we know; a slow carrier's refresh lands for the next reader.
                stale = true;
            }
        }
        var answer = ShipmentMapper.ToProto(shipment.Stored.State, shipment.Events);
        answer.Stale |= stale;
        return answer;
    }

    public override async Task<ListShipmentsResponse> ListShipments(ListShipmentsRequest request, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var violations = new Violations();
        var statuses = TrackingRequests.Statuses(violations, "statuses", request.Statuses);
        var orderId = OrderRequests.OrderId(violations, "order_id", request.OrderId, required: false);
        var pageSize = TrackingRequests.PageSize(violations, request.PageSize);
        var after = PageTokens.Decode(violations, PageTokens.Shipments, request.PageToken);
        var updatedSince = RequestTimes.Instant(violations, "updated_since", request.UpdatedSince);
        violations.ThrowIfAny();

        var page = await store.ListAsync(tenant, new ShipmentQuery(
            statuses, orderId.Length == 0 ? null : orderId, updatedSince, pageSize, after),
            context.CancellationToken);
        var response = new ListShipmentsResponse { NextPageToken = PageTokens.Encode(PageTokens.Shipments, page.NextKey) };
        response.Shipments.AddRange(page.Shipments.Select(s => ShipmentMapper.ToProto(s, [])));
        return response;
    }

    public override async Task WatchShipments(
        WatchShipmentsRequest request, IServerStreamWriter<ShipmentUpdate> responseStream, ServerCallContext context)
    {
        var tenant = ApiKeyInterceptor.TenantOf(context);
        var ct = context.CancellationToken;
        var violations = new Violations();
        var statuses = TrackingRequests.Statuses(violations, "statuses", request.Statuses);
        if (request.ShipmentIds.Count > TrackingRequests.MaxWatchedIds)
        {
            violations.Add("shipment_ids", $"at most {TrackingRequests.MaxWatchedIds} ids per call; leave it empty to watch every shipment");
        }
        var watchedIds = request.ShipmentIds.Select(TrackingRequests.ShipmentId).ToList();
        if (watchedIds.Any(id => id.Length == 0))
        {
            violations.Add("shipment_ids", "must not contain empty ids");
        }
        if (request.ResumeAfterSequence > long.MaxValue)
        {
            violations.Add("resume_after_sequence", "is not a sequence this server hands out (at most 2^63 - 1)");
        }
        var resumeCommittedAt = RequestTimes.Instant(violations, "resume_after_committed_at", request.ResumeAfterCommittedAt);
        if (request.ResumeAfterCommittedAt is not null && request.ResumeAfterSequence == 0)
        {
            violations.Add("resume_after_committed_at", "is the commit time of the change at resume_after_sequence: give it only with resume_after_sequence > 0");
        }
        violations.ThrowIfAny();

        var ids = new HashSet<string>(watchedIds, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // Another tenant's id is indistinguishable from an unknown one.
            if (await store.FindAsync(tenant, id, ct) is null)
            {
                throw Violations.NotFound($"Shipment '{id}' was not found.");
            }
        }

        var subscriber = hub.Subscribe(tenant, ids, statuses);
        try
        {
            // Read once subscribed, so no change falls between the log and the live queue.
            var head = await store.GetHeadAsync(ct);
            var resumeAfter = (long)request.ResumeAfterSequence;
            ResumePositions.CheckReached(resumeAfter, head.Sequence);
            // The start's commit time goes out with heartbeats and snapshot items, so the caller can resume verified.
            // 0 starts live, unless the caller resumes from a position 0 that a stream begun on an empty log handed out.
            var startLive = resumeAfter == 0 && !request.ResumeFromZero;
            var start = startLive || resumeAfter == head.Sequence
                ? head
                : new LogPosition(resumeAfter, resumeAfter == 0 ? null : await store.GetCommittedAtAsync(resumeAfter, ct));
            if (resumeCommittedAt is { } claimed)
            {
                ResumePositions.CheckCommittedAt(resumeAfter, claimed, start.CommittedAt);
            }
            // Headers once the start is fixed: a client that waits for them, then writes, finds its change in the stream.
            await context.WriteResponseHeadersAsync([]);
            var snapshot = request.SendSnapshot ? token => SnapshotAsync(tenant, ids, statuses, token) : (Func<CancellationToken, IAsyncEnumerable<Shipment>>?)null;
            // The session frames messages into the response body itself (pre-encoded log payloads, one flush per burst).
            await watch.RunAsync(subscriber, start, startLive, snapshot,
                context.GetHttpContext().Response.BodyWriter, ct);
        }
        finally
        {
            hub.Unsubscribe(subscriber);
        }
    }

    /// <summary>
    /// The shipments a snapshot shows, read a page at a time; watched ids are read one by one, not found among the
    /// tenant's whole fleet.
    /// </summary>
    private async IAsyncEnumerable<Shipment> SnapshotAsync(
        string tenant, HashSet<string> ids, HashSet<TrackingStatus> statuses, [EnumeratorCancellation] CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            foreach (var id in ids)
            {
                if (await store.FindAsync(tenant, id, ct) is { } found && (statuses.Count == 0 || statuses.Contains(found.State.Status)))
                {
                    yield return ShipmentMapper.ToProto(found.State, []);
                }
            }
            yield break;
        }
        for (long after = 0; ;)
        {
            var page = await store.ListAsync(tenant, new ShipmentQuery(statuses, null, null, TrackingRequests.MaxPageSize, after), ct);
            foreach (var shipment in page.Shipments)
            {
                yield return ShipmentMapper.ToProto(shipment, []);
            }
            if (page.NextKey == 0)
            {
                yield break;
            }
            after = page.NextKey;
        }
    }

    /// <summary>
    /// Given beside shipment_id, a carrier or a tracking number must name that same parcel: a caller holding a stale id
    /// for a number would otherwise be answered about another parcel without a word.
    /// </summary>
    private async Task CheckSameParcelAsync(string tenant, GetShipmentRequest request, ShipmentState found, CancellationToken ct)
    {
        var violations = new Violations();
        var carrier = request.Carrier.Trim().ToLowerInvariant();
        var parcel = $"shipment '{found.Id}' is the {found.Carrier} parcel {found.TrackingNumber}";
        if (request.TrackingNumber.Trim().Length > 0)
        {
            // Looked up as carrier + tracking_number alone would be, so every written form of the number agrees.
            var (number, named) = TrackingRequests.Parcel(
                violations, "tracking_number", "carrier", request.TrackingNumber, carrier.Length > 0 ? carrier : found.Carrier);
            violations.ThrowIfAny();
            if ((await store.FindParcelAsync(tenant, named!, number, ct))?.State.Id != found.Id)
            {
                violations.Add("tracking_number", $"names another parcel ({named} {number}) than shipment_id: {parcel}; give shipment_id, or carrier and tracking_number");
            }
        }
        else if (carrier.Length > 0 && carrier != found.Carrier)
        {
            violations.Add("carrier", $"'{request.Carrier}' is not the carrier of shipment_id: {parcel}");
        }
        violations.ThrowIfAny();
    }

    /// <summary>The shipment asked for, and the request's checked max_age.</summary>
    private async Task<(CachedShipment Shipment, TimeSpan? MaxAge)> FindAsync(string tenant, GetShipmentRequest request, CancellationToken ct)
    {
        var violations = new Violations();
        var maxAge = RequestTimes.MaxAge(violations, "max_age", request.MaxAge);
        var shipmentId = TrackingRequests.ShipmentId(request.ShipmentId);
        if (shipmentId.Length > 0)
        {
            violations.ThrowIfAny();
            var byId = await cache.GetAsync(tenant, shipmentId, ct)
                ?? throw Violations.NotFound($"Shipment '{shipmentId}' was not found.");
            await CheckSameParcelAsync(tenant, request, byId.Stored.State, ct);
            return (byId, maxAge);
        }
        if (request.TrackingNumber.Length == 0)
        {
            violations.Add("shipment_id", "give shipment_id, or carrier and tracking_number");
            violations.ThrowIfAny();
        }
        var (number, carrier) = TrackingRequests.Parcel(violations, "tracking_number", "carrier", request.TrackingNumber, request.Carrier);
        violations.ThrowIfAny();
        var byNumber = await store.FindParcelAsync(tenant, carrier!, number, ct);
        return ((byNumber is null ? null : await cache.GetAsync(tenant, byNumber.State.Id, ct))
            ?? throw Violations.NotFound($"No {carrier} shipment with tracking number '{number}' is tracked."), maxAge);
    }
}
