namespace LogisticsLink.Marketplaces;

/// <summary>
/// API hosts per marketplace, bound from <c>Marketplaces:&lt;Name&gt;</c>; overriding them is how tests and the
/// sandbox point the importers at loopback. Empty means the marketplace's real host.
/// </summary>
public sealed class MarketplaceOptions
{
    public const string Section = "Marketplaces";

    public AmazonMarketplaceOptions Amazon { get; set; } = new();
    public ShopifyMarketplaceOptions Shopify { get; set; } = new();
    public EbayMarketplaceOptions Ebay { get; set; } = new();
}

public sealed class AmazonMarketplaceOptions
{
    /// <summary><c>Marketplaces:Amazon:Endpoint</c>: SP-API host; empty = the regional endpoint of the marketplace.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>Marketplaces:Amazon:LwaEndpoint</c>: Login with Amazon token URL.</summary>
    public Uri LwaEndpoint { get; set; } = new("https://api.amazon.com/auth/o2/token");

    /// <summary>
    /// <c>Marketplaces:Amazon:ReportFirstPoll</c>: first wait before asking whether a report is done (doubled each
    /// time, up to a minute). Amazon builds reports in minutes; the sandbox in a moment.
    /// </summary>
    public TimeSpan ReportFirstPoll { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class ShopifyMarketplaceOptions
{
    /// <summary><c>Marketplaces:Shopify:BaseUrl</c>: replaces https://{shop_domain} when set.</summary>
    public Uri? BaseUrl { get; set; }
}

public sealed class EbayMarketplaceOptions
{
    /// <summary><c>Marketplaces:Ebay:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.ebay.com");

    /// <summary><c>Marketplaces:Ebay:TokenEndpoint</c>.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://api.ebay.com/identity/v1/oauth2/token");

    /// <summary>
    /// <c>Marketplaces:Ebay:DailyCallLimit</c>: Sell Fulfillment API calls per account and eBay day (midnight to midnight
    /// Pacific time, when eBay resets its count); eBay's default call limit for the Fulfillment API is 100,000 a day
    /// (raise it with the Application Growth Check's grant).
    /// </summary>
    public int DailyCallLimit { get; set; } = DefaultDailyCallLimit;

    public const int DefaultDailyCallLimit = 100_000;
}
