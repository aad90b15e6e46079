using LogisticsLink.Carriers.Http;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// The Amazon client's fixed behaviour, with defaults from Amazon's documentation; tests shorten the waits. Not bound
/// from configuration: only the hosts are (<c>Marketplaces:Amazon:Endpoint</c>, <c>Marketplaces:Amazon:LwaEndpoint</c>).
/// </summary>
internal sealed record AmazonClientSettings
{
    /// <summary>
    /// Retries for 5xx/timeouts, per-attempt timeout, circuit breaker: the options of every account's own pipeline
    /// (which never retries a 429: see <see cref="AmazonQuota"/>) and of the pipeline the accounts share for LWA and
    /// report downloads (which does, honouring Retry-After: neither is under a seller's usage plan).
    /// </summary>
    public CarrierOptions Resilience { get; init; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        MaxRetries = 3,
        CircuitBreakDuration = TimeSpan.FromSeconds(30),
    };

    /// <summary>A call whose usage-plan token is due within this long waits for it; a later one is not sent.</summary>
    public TimeSpan MaxQuotaWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Orders per page (searchOrders and getOrders accept 1–100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>After Orders v2026-01-01 refused an endpoint, v0 is used there this long before v2026 is tried again.</summary>
    public TimeSpan V0FallbackDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>First wait before asking whether a report is done; doubled each time up to <see cref="ReportMaxPoll"/>.</summary>
    public TimeSpan ReportFirstPoll { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ReportMaxPoll { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A report still not done after this long is a transient failure (ask again at the next sync).</summary>
    public TimeSpan ReportMaxWait { get; init; } = TimeSpan.FromMinutes(10);
}
