using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/aggregator</c>: the generic JSON webhook (<see cref="AggregatorPayload"/>) for 3PLs and tracking
/// aggregators. Each delivery is signed: <c>X-LogisticsLink-Timestamp</c> (Unix seconds) and
/// <c>X-LogisticsLink-Signature</c> = base64(HMAC-SHA256(secret, timestamp + "." + raw body)). Signing the timestamp
/// with the body means an old delivery cannot be replayed under a new time; a timestamp outside the tolerance is
/// refused, and a replay inside it is recognised by its <c>event_id</c> (or, without one, the body's SHA-256). The
/// signing time also dates the delivery's estimate: one signed before the estimate kept does not replace it.
/// </summary>
public sealed class AggregatorWebhook(
    IOptions<WebhookOptions> options, WebhookIngest ingest, TimeProvider time, ILogger<AggregatorWebhook> logger)
{
    public const string Route = "/webhooks/aggregator";
    private const string SourceName = "aggregator";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var cancellationToken = context.RequestAborted;
        var body = await WebhookHttp.ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WebhookLog.TooLarge(logger, SourceName, WebhookHttp.RemoteOf(context), settings.MaxBodyBytes);
            return WebhookHttp.TooLarge(settings.MaxBodyBytes);
        }
        var timestamp = context.Request.Headers[WebhookSignatures.TimestampHeader].ToString();
        var problem = WebhookSignatures.Verify(
            settings.Aggregator.Secret!,
            timestamp,
            context.Request.Headers[WebhookSignatures.SignatureHeader].ToString(),
            body, time.GetUtcNow(), settings.Aggregator.Tolerance);
        if (problem is not null)
        {
            WebhookLog.Rejected(logger, SourceName, WebhookHttp.RemoteOf(context), problem);
            return WebhookHttp.Unauthorized();
        }
        if (AggregatorPayload.Parse(body, out var field, out var reason) is not { } payload)
        {
            WebhookLog.Invalid(logger, SourceName, WebhookHttp.RemoteOf(context), field, reason);
            return WebhookHttp.Invalid(field, reason);
        }
        var deliveryId = payload.EventId.Length > 0 ? "id:" + payload.EventId : "sha256:" + payload.Snapshot.PayloadSha256;
        // The body names no moment of its own; the signed timestamp is when the sender vouched for it, so a delivery
        // signed before the estimate kept (a retry, a slow path) does not replace it.
        var snapshot = payload.Snapshot with { ObservedAt = WebhookSignatures.SignedAt(timestamp) };
        return await ingest.ApplyAsync(SourceName, settings.Aggregator.TenantId, payload.Carrier, payload.TrackingNumber,
            snapshot, deliveryId, cancellationToken);
    }
}
