namespace LogisticsLink.Carriers.Dhl;

/// <summary>DHL Shipment Tracking – Unified: endpoints and published limits, for wiring the adapter.</summary>
public static class DhlDefaults
{
    public const string Code = "dhl";

    public static readonly Uri ProductionBaseUrl = new("https://api-eu.dhl.com");

    /// <summary>Since 2023-06-27 the sandbox answers mocked data only.</summary>
    public static readonly Uri SandboxBaseUrl = new("https://api-sandbox.dhl.com");

    /// <summary>The only operation: <c>GET /track/shipments?trackingNumber=…</c>, one number per call.</summary>
    public const string TrackPath = "/track/shipments";

    /// <summary>The consumer key travels in this header (<c>CarrierOptions.ApiKey</c>).</summary>
    public const string ApiKeyHeader = "DHL-API-Key";

    /// <summary>
    /// The initial service level: "250 calls per day, with a maximum of 1 call every 5 seconds" (carriers.md l.238) —
    /// one permit per five seconds (<c>CarrierOptions.RateLimitPermits</c>/<c>RateLimitWindow</c>).
    /// </summary>
    public const int RateLimitPermits = 1;

    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(5);

    /// <summary>
    /// …and 250 calls a day, reset at 24:00 GMT: the default of <c>Carriers:Dhl:DailyQuota</c>, enforced by
    /// <c>CarrierDailyQuota</c>. The rate limit alone would allow ~17,000 calls a day; past 250 every call is a 429.
    /// </summary>
    public const int DailyQuota = 250;

    /// <summary>The public page a buyer can open.</summary>
    public static string TrackingUrl(string trackingNumber) =>
        "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=" + Uri.EscapeDataString(trackingNumber);
}
