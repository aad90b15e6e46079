
namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// Bound from the <c>Webhooks</c> configuration section. A webhook source is served only when its credential or
/// secret is configured; each feeds the shipments of one tenant.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public UpsTrackAlertWebhookOptions Ups { get; set; } = new();

    public AggregatorWebhookOptions Aggregator { get; set; } = new();

    /// <summary>Deliveries remembered to recognise a redelivery; the oldest are forgotten first.</summary>
    public int DedupCapacity { get; set; } = 100_000;

    /// <summary>How long a delivery is remembered.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Larger bodies are refused with 413 before they are read to the end.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary><c>Webhooks:Ups</c>: UPS Track Alert, authenticated by the credential given in the subscription.</summary>
public sealed class UpsTrackAlertWebhookOptions
{
    /// <summary>
    /// The opaque <c>destination.credential</c> sent when subscribing; UPS returns it in the <c>credential</c> header
    /// of every event. Empty: the route is not served.
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>
    /// The tenant whose shipments these events update; required with the credential (no default: a push for the wrong
    /// tenant finds no shipment and is acknowledged as ignored, so the sender would never resend it).
    /// </summary>
    public string TenantId { get; set; } = "";

    public bool Enabled => !string.IsNullOrEmpty(Credential);
}

/// <summary><c>Webhooks:Aggregator</c>: the generic JSON webhook, signed with HMAC-SHA256.</summary>
public sealed class AggregatorWebhookOptions
{
    /// <summary>The shared HMAC-SHA256 key. Empty: the route is not served.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The tenant whose shipments these events update; required with the credential (no default: a push for the wrong
    /// tenant finds no shipment and is acknowledged as ignored, so the sender would never resend it).
    /// </summary>
    public string TenantId { get; set; } = "";

    /// <summary>A signature timestamp further than this from the server's clock (either way) is refused: no old replays.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrEmpty(Secret);
}
