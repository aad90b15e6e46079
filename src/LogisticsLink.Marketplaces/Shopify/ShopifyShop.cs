using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Where one account's Admin GraphQL API lives and the token it takes. Without <c>Marketplaces:Shopify:BaseUrl</c> the
/// shop must be a <c>*.myshopify.com</c> host — the only hosts that serve the Admin API — so a tenant cannot point the
/// server (and its token) at an arbitrary host.
/// </summary>
internal sealed record ShopifyShop(string Domain, Uri GraphQlUrl, string AccessToken)
{
    public static bool TryResolve(MarketplaceAccount account, ShopifyMarketplaceOptions options, out ShopifyShop shop, out string problem)
    {
        shop = null!;
        var domain = account.Credential("shop_domain").Trim().ToLowerInvariant();
        domain = domain.StartsWith("https://", StringComparison.Ordinal) ? domain["https://".Length..] : domain;
        domain = domain.TrimEnd('/');
        var token = account.Credential("access_token").Trim();
        if (domain.Length == 0 || token.Length == 0)
        {
            problem = "shopify: the account needs the credentials shop_domain and access_token";
            return false;
        }
        if (Uri.CheckHostName(domain) != UriHostNameType.Dns ||
            (options.BaseUrl is null && !domain.EndsWith(".myshopify.com", StringComparison.Ordinal)))
        {
            problem = $"shopify: shop_domain '{domain}' is not a shop's myshopify.com domain";
            return false;
        }
        var root = options.BaseUrl?.AbsoluteUri.TrimEnd('/') ?? "https://" + domain;
        shop = new ShopifyShop(domain, new Uri($"{root}/admin/api/{ShopifyMarketplaceClient.ApiVersion}/graphql.json"), token);
        problem = "";
        return true;
    }

    public override string ToString() => Domain; // never the token
}
