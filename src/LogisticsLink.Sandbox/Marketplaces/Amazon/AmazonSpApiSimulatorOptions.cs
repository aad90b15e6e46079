namespace LogisticsLink.Sandbox.Marketplaces.Amazon;

/// <summary>How the SP-API simulator behaves: the LWA credentials it accepts and how its tokens and reports age.</summary>
public sealed class AmazonSpApiSimulatorOptions
{
    /// <summary>The only LWA client id / secret / refresh token the token endpoint accepts.</summary>
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string RefreshToken { get; init; }

    /// <summary>The selling partner the demo catalogue belongs to (ORDER_CHANGE's SellerId).</summary>
    public string SellerId { get; init; } = "A2LLSANDBOXSELLER";

    /// <summary>The access tokens' <c>expires_in</c>; Amazon's is one hour.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>getReport answers IN_QUEUE/IN_PROGRESS this many times before DONE (or CANCELLED when the report has no rows).</summary>
    public int ReportPollsBeforeDone { get; init; } = 1;

    /// <summary>Serve report documents gzipped with <c>compressionAlgorithm: GZIP</c>, as Amazon does for most reports.</summary>
    public bool CompressReports { get; init; } = true;

    /// <summary>
    /// How long a <c>searchOrders</c> <c>paginationToken</c> is accepted after it was issued; an older one is refused
    /// with 400 <c>InvalidInput</c>. Amazon's is 24 h (Orders v2026-01-01 migration guide); v0 documents no lifetime
    /// for its <c>NextToken</c>, so the simulator lets those live.
    /// </summary>
    public TimeSpan PaginationTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Fulfillment orders per <c>listAllFulfillmentOrders</c> page before a <c>nextToken</c>.</summary>
    public int McfPageSize { get; init; } = 50;
}
