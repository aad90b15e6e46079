namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// How the server syncs marketplace orders, bound from <c>Marketplaces</c> (beside the hosts in
/// <see cref="LogisticsLink.Marketplaces.MarketplaceOptions"/> and the key in
/// <see cref="Orders.MarketplaceSecurityOptions"/>, which bind the same section).
/// </summary>
public sealed class MarketplaceSyncOptions
{
    public const string Section = "Marketplaces";

    /// <summary><c>Marketplaces:SyncInterval</c>: how often every account is asked for changed orders.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Marketplaces:InitialSyncWindow</c>: how far back an account's first sync reaches.</summary>
    public TimeSpan InitialSyncWindow { get; set; } = TimeSpan.FromDays(30);

    public AmazonSyncOptions Amazon { get; set; } = new();

    /// <summary>
    /// <c>Marketplaces:Accounts:N</c>: accounts of single-tenant deployments, given in configuration instead of through
    /// ConnectMarketplace. Their cursors live in memory: after a restart they start from the initial window again
    /// (imports are idempotent).
    /// </summary>
    public List<ConfiguredMarketplaceAccount> Accounts { get; set; } = [];
}

public sealed class AmazonSyncOptions
{
    /// <summary><c>Marketplaces:Amazon:FbaReportInterval</c>: how often the FBA shipments report is requested per account.</summary>
    public TimeSpan FbaReportInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>One <c>Marketplaces:Accounts:N</c> entry.</summary>
public sealed class ConfiguredMarketplaceAccount
{
    /// <summary><c>:Tenant</c>: the tenant the orders belong to.</summary>
    public string Tenant { get; set; } = "";

    /// <summary><c>:Channel</c>: amazon, shopify or ebay.</summary>
    public string Channel { get; set; } = "";

    /// <summary><c>:Credentials:&lt;key&gt;</c>: the same keys ConnectMarketplace takes.</summary>
    public Dictionary<string, string> Credentials { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>:MarketplaceIds:N</c>: Amazon marketplace ids (required for Amazon).</summary>
    public List<string> MarketplaceIds { get; set; } = [];
}
