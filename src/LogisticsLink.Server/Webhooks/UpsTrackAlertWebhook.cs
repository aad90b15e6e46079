using System.Text;
using LogisticsLink.Carriers.Ups;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/ups/track-alert</c>: the destination URL of a UPS Track Alert subscription. UPS authenticates
/// each event with the subscription's credential in the <c>credential</c> header (checked before the body is read);
/// the event is read by <see cref="UpsTrackAlertParser"/> and applied to the configured tenant's "ups" shipment.
/// A redelivery is recognised by the body's SHA-256 (Track Alert events carry no id).
/// </summary>
public sealed class UpsTrackAlertWebhook(IOptions<WebhookOptions> options, WebhookIngest ingest, ILogger<UpsTrackAlertWebhook> logger)
{
    public const string Route = "/webhooks/ups/track-alert";
    private const string SourceName = "ups-track-alert";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var settings = options.Value;
        var cancellationToken = context.RequestAborted;
        var presented = context.Request.Headers[WebhookSignatures.UpsCredentialHeader].ToString();
        if (!WebhookSignatures.CredentialMatches(presented, settings.Ups.Credential!))
        {
            WebhookLog.Rejected(logger, SourceName, WebhookHttp.RemoteOf(context),
                presented.Length == 0 ? $"missing {WebhookSignatures.UpsCredentialHeader} header" : "credential mismatch");
            return WebhookHttp.Unauthorized();
        }
        var body = await WebhookHttp.ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WebhookLog.TooLarge(logger, SourceName, WebhookHttp.RemoteOf(context), settings.MaxBodyBytes);
            return WebhookHttp.TooLarge(settings.MaxBodyBytes);
        }
        var parsed = UpsTrackAlertParser.Parse(Encoding.UTF8.GetString(body));
        if (parsed.Alert is not { } alert)
        {
            WebhookLog.Invalid(logger, SourceName, WebhookHttp.RemoteOf(context), parsed.Field, parsed.Reason);
            return WebhookHttp.Invalid(parsed.Field, parsed.Reason);
        }
        if (alert.UnmappedRawCode.Length > 0)
        {
            WebhookLog.Unmapped(logger, SourceName, alert.TrackingNumber, alert.UnmappedRawCode);
        }
        return await ingest.ApplyAsync(SourceName, settings.Ups.TenantId, "ups", alert.TrackingNumber, alert.Snapshot,
            alert.Snapshot.PayloadSha256, cancellationToken);
    }
}
