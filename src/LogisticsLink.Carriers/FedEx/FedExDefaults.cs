namespace LogisticsLink.Carriers.FedEx;

/// <summary>FedEx's published limits and endpoints, for wiring the adapter.</summary>
public static class FedExDefaults
{
    public const string Code = "fedex";

    /// <summary>The Track API's rate limit: 1,400 transactions per 10 seconds per project (<c>CarrierOptions.RateLimitPermits</c>).</summary>
    public const int RateLimitPermits = 1400;

    /// <summary>The window of <see cref="RateLimitPermits"/> (<c>CarrierOptions.RateLimitWindow</c>).</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The per-project per-capability (PCPP) default for Track: 100K requests a day, counting all six track endpoints
    /// (carriers.md l.170): the default of <c>Carriers:FedEx:DailyQuota</c>, enforced by <c>CarrierDailyQuota</c>. The
    /// rate limit alone would allow ~12 million a day; past the quota FedEx answers 429 until 00:00 GMT.
    /// </summary>
    public const int DailyQuota = 100_000;

    /// <summary>Tracking numbers FedEx accepts in one <c>trackingnumbers</c> request.</summary>
    public const int MaxNumbersPerRequest = 30;

    public static readonly Uri ProductionBaseUrl = new("https://apis.fedex.com");
    public static readonly Uri SandboxBaseUrl = new("https://apis-sandbox.fedex.com");

    public const string TokenPath = "/oauth/token";
    public const string TrackPath = "/track/v1/trackingnumbers";
}
