using LogisticsLink.Marketplaces;
using LogisticsLink.Sandbox;
using LogisticsLink.Sandbox.Marketplaces.Amazon;
using LogisticsLink.Sandbox.Marketplaces.Ebay;
using LogisticsLink.Sandbox.Marketplaces.Shopify;
using LogisticsLink.Server.Auth;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// With <c>Sandbox:SimulateMarketplaces</c> (on in Development) the server serves Amazon's SP-API, a Shopify shop and
/// eBay's Sell Fulfillment API from its own web endpoint under <c>/sandbox/amazon-sp</c>, <c>/sandbox/shopify</c> and
/// <c>/sandbox/ebay</c>. Marketplaces whose hosts are not configured point there, and each gets a configured account
/// for the demo tenant (<c>Sandbox:MarketplaceTenant</c>, default "demo") with the simulator's credentials: the demo
/// catalogues' FBA and FBM orders flow through the real importers, and their sandbox parcels through the carriers.
/// </summary>
public static class SandboxMarketplaces
{
    public const string TenantKey = "Sandbox:MarketplaceTenant";

    public const string AmazonClientId = "amzn1.application-oa2-client.logisticslink-sandbox";
    public const string AmazonClientSecret = "sandbox-amazon-client-secret";
    public const string AmazonRefreshToken = "Atzr|sandbox-amazon-refresh-token";
    public const string ShopDomain = "logisticslink-demo.myshopify.com";
    public const string ShopifyAccessToken = "shpat_sandbox_logisticslink_demo";
    public const string EbayClientId = "LogisticsLink-Sandbox-PRD";
    public const string EbayClientSecret = "PRD-sandbox-ebay-client-secret";
    public const string EbayRefreshToken = "v^1.1#sandbox-ebay-refresh-token";

    /// <summary>The demo Amazon seller's marketplaces (US, UK, DE, FR: both the NA and EU regions).</summary>
    public static readonly IReadOnlyList<string> AmazonMarketplaceIds =
        [AmazonDemoCatalogue.Us, AmazonDemoCatalogue.Uk, AmazonDemoCatalogue.De, AmazonDemoCatalogue.Fr];

    public static void Add(IServiceCollection services, IConfiguration configuration, Uri root, TimeSpan stepInterval)
    {
        var tenant = configuration[TenantKey] is { Length: > 0 } t ? t : DemoTenant.Tenant;
        bool Unset(params string[] keys) => keys.All(k => string.IsNullOrEmpty(configuration[$"{MarketplaceOptions.Section}:{k}"]));
        var amazon = Unset("Amazon:Endpoint", "Amazon:LwaEndpoint");
        var shopify = Unset("Shopify:BaseUrl");
        var ebay = Unset("Ebay:BaseUrl", "Ebay:TokenEndpoint");
        var reportPollSet = !Unset("Amazon:ReportFirstPoll");
        Uri Under(string path) => new(root, "sandbox" + path);

        if (amazon)
        {
            services.AddSingleton<ICarrierSimulator>(sp => new AmazonSpApiSimulator(new AmazonSpApiSimulatorOptions
            {
                ClientId = AmazonClientId, ClientSecret = AmazonClientSecret, RefreshToken = AmazonRefreshToken,
            }, sp.GetRequiredService<TimeProvider>()));
        }
        if (shopify)
        {
            services.AddSingleton<ICarrierSimulator>(sp => new ShopifySimulator(
                new ShopifySimulatorOptions { ShopDomain = ShopDomain, AccessToken = ShopifyAccessToken }, sp.GetRequiredService<TimeProvider>()));
        }
        if (ebay)
        {
            services.AddSingleton<ICarrierSimulator>(sp => new EbaySimulator(
                new EbaySimulatorOptions { ClientId = EbayClientId, ClientSecret = EbayClientSecret, RefreshToken = EbayRefreshToken },
                sp.GetRequiredService<TimeProvider>()));
        }

        services.PostConfigure<MarketplaceOptions>(o =>
        {
            if (amazon)
            {
                o.Amazon.Endpoint = Under(AmazonSpApiSimulator.Prefix);
                o.Amazon.LwaEndpoint = Under(AmazonSpApiSimulator.Prefix + AmazonSpApiSimulator.TokenPath);
                if (!reportPollSet)
                {
                    // The simulator builds a report at once: ask at the sandbox's pace, not Amazon's.
                    o.Amazon.ReportFirstPoll = stepInterval;
                }
            }
            if (shopify)
            {
                o.Shopify.BaseUrl = Under("/shopify");
            }
            if (ebay)
            {
                o.Ebay.BaseUrl = Under("/ebay");
                o.Ebay.TokenEndpoint = Under("/ebay/identity/v1/oauth2/token");
            }
        });

        services.PostConfigure<MarketplaceSyncOptions>(o =>
        {
            if (amazon)
            {
                o.Accounts.Add(Account(tenant, "amazon", new()
                {
                    ["client_id"] = AmazonClientId, ["client_secret"] = AmazonClientSecret, ["refresh_token"] = AmazonRefreshToken,
                }, AmazonMarketplaceIds));
            }
            if (shopify)
            {
                o.Accounts.Add(Account(tenant, "shopify", new() { ["shop_domain"] = ShopDomain, ["access_token"] = ShopifyAccessToken }, []));
            }
            if (ebay)
            {
                o.Accounts.Add(Account(tenant, "ebay", new()
                {
                    ["client_id"] = EbayClientId, ["client_secret"] = EbayClientSecret, ["refresh_token"] = EbayRefreshToken,
                }, []));
            }
        });
    }

    private static ConfiguredMarketplaceAccount Account(
        string tenant, string channel, Dictionary<string, string> credentials, IReadOnlyList<string> marketplaceIds) =>
        new() { Tenant = tenant, Channel = channel, Credentials = credentials, MarketplaceIds = [.. marketplaceIds] };
}
