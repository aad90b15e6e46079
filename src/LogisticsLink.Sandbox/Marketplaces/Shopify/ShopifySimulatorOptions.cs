namespace LogisticsLink.Sandbox.Marketplaces.Shopify;

/// <summary>How the Shopify simulator behaves: the one shop and token it accepts, and its query cost bucket.</summary>
public sealed class ShopifySimulatorOptions
{
    /// <summary>The shop's myshopify.com domain (as the account's <c>shop_domain</c> credential names it).</summary>
    public required string ShopDomain { get; init; }

    /// <summary>The only <c>X-Shopify-Access-Token</c> accepted.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Bucket size in points (Shopify's <c>maximumAvailable</c>).</summary>
    public double MaximumAvailable { get; init; } = 2000;

    /// <summary>Points restored per second (Shopify Standard plan: 100).</summary>
    public double RestoreRate { get; init; } = 100;

    /// <summary>Points each order node costs; a page of <c>first</c> orders requests <c>2 + first × CostPerOrder</c>.</summary>
    public double CostPerOrder { get; init; } = 2;

    /// <summary>
    /// How deep one search can be paged, as Shopify's 25,000 objects: orders past it are never listed, and the last page
    /// within it says there is no next page.
    /// </summary>
    public int PaginationLimit { get; init; } = 25_000;
}
