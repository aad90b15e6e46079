namespace LogisticsLink.Carriers.Amazon;

/// <summary>Amazon Shipping v2 (Selling Partner API) tracking: endpoints, the published usage plan, header names.</summary>
public static class AmazonDefaults
{
    public const string Code = "amazon";

    /// <summary>getTracking's usage plan: 80 requests per second (burst 100) (<c>CarrierOptions.RateLimitPermits</c>).</summary>
    public const int RateLimitPermits = 80;

    /// <summary>The window of <see cref="RateLimitPermits"/> (<c>CarrierOptions.RateLimitWindow</c>).</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(1);

    public static readonly Uri ProductionBaseUrl = new("https://sellingpartnerapi-eu.amazon.com");

    /// <summary>Login with Amazon's token endpoint, used whenever the base URL is an SP-API host.</summary>
    public static readonly Uri LwaTokenUrl = new("https://api.amazon.com/auth/o2/token");

    public const string TrackPath = "/shipping/v2/tracking";

    /// <summary>LWA's path, appended to a non-Amazon base URL (a sandbox serving both on one host).</summary>
    public const string TokenPath = "/auth/o2/token";

    /// <summary>SP-API takes the LWA access token in this header, not in Authorization.</summary>
    public const string AccessTokenHeader = "x-amz-access-token";

    public const string BusinessIdHeader = "x-amzn-shipping-business-id";

    /// <summary>The carrier id of Amazon's own network in the API's default business (Amazon Shipping UK).</summary>
    public const string DefaultCarrierId = "AMZN_UK";

    /// <summary>LWA access tokens live an hour; used only when the answer omits <c>expires_in</c>.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The shipping businesses the API names (<c>x-amzn-shipping-business-id</c>), by country suffix.</summary>
    public static readonly IReadOnlySet<string> Businesses = new HashSet<string>(StringComparer.Ordinal)
    {
        "US", "IN", "UK", "UAE", "SA", "EG", "IT", "ES", "FR", "JP",
    };
}
