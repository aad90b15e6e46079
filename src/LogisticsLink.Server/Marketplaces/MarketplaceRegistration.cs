using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Marketplaces;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Marketplaces.Ebay;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// Registers the three order importers (each a singleton on its own named HttpClient, so token caches and quotas live
/// as long as the server), the sync service, the marketplace webhooks and, with <c>Sandbox:SimulateMarketplaces</c>,
/// the sandbox marketplaces. Options (<see cref="MarketplaceOptions"/>, <see cref="MarketplaceSyncOptions"/>) are
/// bound and validated in <see cref="ServiceRegistration"/>.
/// </summary>
public static class MarketplaceRegistration
{
    public static IServiceCollection AddMarketplaces(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MarketplaceOptions>>().Value);
        AddImporter(services, nameof(AmazonMarketplaceClient), (http, sp) => new AmazonMarketplaceClient(
            http, sp.GetRequiredService<MarketplaceOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AmazonMarketplaceClient>>()));
        AddImporter(services, nameof(ShopifyMarketplaceClient), (http, sp) => new ShopifyMarketplaceClient(
            http, sp.GetRequiredService<MarketplaceOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ShopifyMarketplaceClient>>()));
        AddImporter(services, nameof(EbayMarketplaceClient), (http, sp) => new EbayMarketplaceClient(
            http, sp.GetRequiredService<MarketplaceOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EbayMarketplaceClient>>()));

        services.AddSingleton<MarketplaceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketplaceSync>());

        services.AddOptions<MarketplaceWebhookOptions>().BindConfiguration(MarketplaceWebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MarketplaceWebhookOptions>, MarketplaceWebhookOptionsValidation>();
        services.AddSingleton<MarketplaceWebhooks>();

        var sandbox = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        if (sandbox.Enabled && configuration.GetValue("Sandbox:SimulateMarketplaces", false))
        {
            SandboxMarketplaces.Add(services, configuration, CarrierRegistration.SandboxRoot(configuration), sandbox.StepInterval);
        }
        return services;
    }

    private static void AddImporter<T>(IServiceCollection services, string name, Func<HttpClient, IServiceProvider, T> create)
        where T : class, IMarketplaceClient
    {
        services.AddHttpClient(name);
        services.AddSingleton(sp => create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), sp));
        services.AddSingleton<IMarketplaceClient>(sp => sp.GetRequiredService<T>());
    }
}
