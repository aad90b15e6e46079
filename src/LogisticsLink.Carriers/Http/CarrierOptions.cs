namespace LogisticsLink.Carriers.Http;

/// <summary>
/// One carrier's connection, bound from <c>Carriers:&lt;Name&gt;</c> (<c>Ups</c>, <c>FedEx</c>, <c>Usps</c>, <c>Dhl</c>,
/// <c>LaPoste</c>, <c>RoyalMail</c>, <c>Dpd</c>, <c>Amazon</c>). Secrets live here and are never logged.
/// </summary>
public sealed class CarrierOptions
{
    /// <summary>Scheme and host, plus any path prefix; the carrier's documented paths are appended.</summary>
    public Uri? BaseUrl { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Null: enabled when its credentials are present. False switches it off regardless.</summary>
    public bool? Enabled { get; set; }

    /// <summary>One attempt's time limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts and network errors.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Requests allowed per <see cref="RateLimitWindow"/> (the carrier's published quota); 0 = unlimited.</summary>
    public int RateLimitPermits { get; set; }

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Calls allowed per UTC day (<see cref="CarrierDailyQuota"/>); null: the carrier's published daily quota (DHL's
    /// 250, FedEx's 100,000), if it has one; 0: no daily cap.
    /// </summary>
    public int? DailyQuota { get; set; }

    /// <summary>The circuit opens when at least this share of recent calls failed…</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…and stays open this long before one trial call.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
