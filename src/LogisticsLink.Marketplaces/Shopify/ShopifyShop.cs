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
        var domain = Normalize(account.Credential("shop_domain"));
        var token = account.Credential("access_token").Trim();
        if (domain.Length == 0 || token.Length == 0)
        {
            problem = "shopify: the account needs the credentials shop_domain and access_token";
            return false;
        }
        if (DomainProblem(domain, options) is { } wrong)
        {
            problem = "shopify: " + wrong;
            return false;
        }
        var root = options.BaseUrl?.AbsoluteUri.TrimEnd('/') ?? "https://" + domain;
        shop = new ShopifyShop(domain, new Uri($"{root}/admin/api/{ShopifyMarketplaceClient.ApiVersion}/graphql.json"), token);
        problem = "";
        return true;
    }

    /// <summary>"https://Shop.myshopify.com/" as "shop.myshopify.com".</summary>
    public static string Normalize(string shopDomain)
    {
        var domain = shopDomain.Trim().ToLowerInvariant();
        domain = domain.StartsWith("https://", StringComparison.Ordinal) ? domain["https://".Length..] : domain;
        return domain.TrimEnd('/');
    }

    /// <summary>
    /// Why the access token must not be sent to this host: only a shop's myshopify.com domain is Shopify's (any host
    /// name when a base URL replaces Shopify's, as the sandbox does). Null when it is fine.
    /// </summary>
    public static string? DomainProblem(string domain, ShopifyMarketplaceOptions options) =>
        Uri.CheckHostName(domain) != UriHostNameType.Dns || (options.BaseUrl is null && !domain.EndsWith(".myshopify.com", StringComparison.Ordinal))
            ? $"shop_domain '{domain}' is not a shop's myshopify.com domain"
            : null;

    public override string ToString() => Domain; // never the token
}
