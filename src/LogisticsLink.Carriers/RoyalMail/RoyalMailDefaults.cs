namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Royal Mail Tracking API v2 (<c>mailpieces/v2</c>) endpoints, for wiring the adapter. Royal Mail publishes no
/// numeric rate limit (it answers 429 / <c>E0010</c> when throttling), so none is set here: leave
/// <c>CarrierOptions.RateLimitPermits</c> at 0 unless the account's plan states one.
/// </summary>
public static class RoyalMailDefaults
{
    public const string Code = "royalmail";

    public static readonly Uri ProductionBaseUrl = new("https://api.royalmail.net");

    /// <summary>Appended to the base URL; then the mail piece id (or 1D barcode) and <see cref="EventsSuffix"/>.</summary>
    public const string MailPiecesPath = "/mailpieces/v2/";

    /// <summary>The full history of one item.</summary>
    public const string EventsSuffix = "/events";

    public const string ClientIdHeader = "X-IBM-Client-Id";
    public const string ClientSecretHeader = "X-IBM-Client-Secret";

    /// <summary>Royal Mail refuses calls that do not accept its terms (E0004 without it).</summary>
    public const string AcceptTermsHeader = "X-Accept-RMG-Terms";

    public static string TrackingUrl(string trackingNumber) =>
        "https://www.royalmail.com/track-your-item#/tracking-results/" + Uri.EscapeDataString(trackingNumber);
}
