namespace LogisticsLink.Carriers.FedEx;

/// <summary>FedEx's published limits and endpoints, for wiring the adapter.</summary>
public static class FedExDefaults
{
    public const string Code = "fedex";

    /// <summary>The Track API's rate limit: 1,400 transactions per 10 seconds per project (<c>CarrierOptions.RateLimitPermits</c>).</summary>
    public const int RateLimitPermits = 1400;

    /// <summary>The window of <see cref="RateLimitPermits"/> (<c>CarrierOptions.RateLimitWindow</c>).</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(10);

    /// <summary>Tracking numbers FedEx accepts in one <c>trackingnumbers</c> request.</summary>
    public const int MaxNumbersPerRequest = 30;

    public static readonly Uri ProductionBaseUrl = new("https://apis.fedex.com");
    public static readonly Uri SandboxBaseUrl = new("https://apis-sandbox.fedex.com");

    public const string TokenPath = "/oauth/token";
    public const string TrackPath = "/track/v1/trackingnumbers";
}
