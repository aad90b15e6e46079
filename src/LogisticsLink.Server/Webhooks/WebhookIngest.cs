using LogisticsLink.Domain.Tracking;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// What every webhook does once a delivery is authenticated and read: skip a redelivery, find the tenant's shipment,
/// and hand the snapshot to the one write path (<see cref="ShipmentTracker.ApplyPushedAsync"/>: Apply → Store → Hub).
/// A push for a number the tenant does not track is acknowledged (202) and ignored: tracking starts with
/// TrackShipment, never with whatever a sender pushes, and a 2xx stops the sender from retrying something that will
/// not change. The first poll after TrackShipment fetches the full history anyway. A delivery whose shipment kept
/// changing under other writers (the poller, another node) for longer than the tracker's retries, or that the store
/// cannot take for now, is answered 503 <c>retry</c> (<see cref="RetryableFailures"/>), so the sender delivers it
/// again; any other failure is a bug, and a 500.
/// </summary>
public sealed class WebhookIngest(IShipmentStore store, ShipmentTracker tracker, DeliveryDeduplicator deliveries, ILogger<WebhookIngest> logger)
{
    /// <param name="deliveryId">What identifies this delivery for its sender: an event id, or the body's SHA-256.</param>
    public async Task<IResult> ApplyAsync(
        string source, string tenantId, string carrier, string trackingNumber, CarrierSnapshot snapshot, string deliveryId,
        CancellationToken cancellationToken)
    {
        var key = string.Join('|', source, tenantId, deliveryId);
        switch (deliveries.Claim(key))
        {
            case DeliveryState.Done:
                WebhookLog.Duplicate(logger, source, trackingNumber);
                return Results.Ok(new WebhookAnswer("duplicate"));
            case DeliveryState.InProgress:
                // The first copy is not stored yet and may still fail: a 2xx now would stop the sender's retries.
                WebhookLog.InProgress(logger, source, trackingNumber);
                return Results.Json(new WebhookAnswer("in_progress"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            var shipment = await store.FindPushedParcelAsync(tenantId, carrier, trackingNumber, cancellationToken);
            if (shipment is null)
            {
                // Not remembered: once the number is tracked, the same delivery must count.
                deliveries.Release(key);
                WebhookLog.Untracked(logger, source, carrier, trackingNumber, tenantId);
                return Results.Accepted(uri: null, new WebhookAnswer("ignored"));
            }
            var applied = await tracker.ApplyPushedAsync(shipment, snapshot, cancellationToken);
            deliveries.Complete(key);
            WebhookLog.Applied(logger, source, applied.State.Id, applied.State.Version, snapshot.Events.Count);
            return Results.Ok(new WebhookAnswer("applied", applied.State.Id, applied.State.Version, applied.State.Version != shipment.State.Version));
        }
        catch (Exception e) when (RetryableFailures.Of(e) is { } failure)
        {
            // Nothing is wrong with the delivery or the server: the sender's retry, once the other writers are done or
            // the store is back, applies it.
            deliveries.Release(key);
            if (failure == RetryableFailure.Contended)
            {
                WebhookLog.ShipmentContended(logger, source, trackingNumber, e.Message);
            }
            else
            {
                WebhookLog.StoreUnavailable(logger, source, trackingNumber, e.Message);
            }
            return Results.Json(new WebhookAnswer("retry"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch
        {
            // Not applied: the sender's retry must be processed, not taken for a redelivery.
            deliveries.Release(key);
            throw;
        }
    }
}
