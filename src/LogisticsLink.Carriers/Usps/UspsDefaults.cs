namespace LogisticsLink.Carriers.Usps;

/// <summary>USPS's endpoints and published limits, for wiring the adapter.</summary>
public static class UspsDefaults
{
    public const string Code = "usps";

    public static readonly Uri ProductionBaseUrl = new("https://apis.usps.com");
    public static readonly Uri TestBaseUrl = new("https://apis-tem.usps.com");

    /// <summary>OAuth client credentials; the JSON body names the scope the Tracking API needs.</summary>
    public const string TokenPath = "/oauth2/v3/token";

    /// <summary>Tracking API v3; the number is appended, then <see cref="TrackQuery"/> (the full event history).</summary>
    public const string TrackPath = "/tracking/v3/tracking/";
    public const string TrackQuery = "?expand=DETAIL";

    /// <summary>Without this scope on the token, <c>/tracking/v3</c> answers 401 "The client application identifier is invalid."</summary>
    public const string TrackingScope = "tracking";

    /// <summary>
    /// USPS publishes only "an hourly quota"; the default reported by developers is about 60 requests per hour per
    /// application, token calls included (<c>CarrierOptions.RateLimitPermits</c>). Raised quotas are granted on request.
    /// </summary>
    public const int RateLimitPermits = 60;

    /// <summary>The window of <see cref="RateLimitPermits"/> (<c>CarrierOptions.RateLimitWindow</c>).</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromHours(1);

    /// <summary>The public page a buyer can open.</summary>
    public static string TrackingUrl(string trackingNumber) =>
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=" + Uri.EscapeDataString(trackingNumber);
}
