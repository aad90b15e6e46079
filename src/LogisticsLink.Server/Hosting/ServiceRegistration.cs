using LogisticsLink.Carriers;
using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Support;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Server.Webhooks;
using LogisticsLink.Storage;
using LogisticsLink.Storage.Postgres;
using LogisticsLink.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Hosting;

/// <summary>Everything the server is made of, wired in one place.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddLogisticsLink(this IServiceCollection services, IConfiguration configuration)
    {
        if (EndpointUrlsCheck.Errors(configuration).ToList() is { Count: > 0 } endpointErrors)
        {
            throw InvalidConfiguration.Of<Uri>(EndpointUrlsCheck.Section, endpointErrors);
        }
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OptionsValidation>();
        AddValidatedOptions<StorageOptions>(services, StorageOptions.Section);
        AddValidatedOptions<StreamOptions>(services, StreamOptions.Section);
        AddValidatedOptions<SchedulerOptions>(services, SchedulerOptions.Section);
        services.AddSingleton<IPostConfigureOptions<SchedulerOptions>, PostgresSchedulerDefaults>();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, PostgresPoolValidation>();
        AddValidatedOptions<SandboxOptions>(services, SandboxOptions.Section);
        AddValidatedOptions<AuthOptions>(services, AuthOptions.Section);
        AddValidatedOptions<TrackingOptions>(services, TrackingOptions.Section);
        AddValidatedOptions<OrderOptions>(services, OrderOptions.Section);
        AddValidatedOptions<MarketplaceSecurityOptions>(services, MarketplaceSecurityOptions.Section);
        AddValidatedOptions<RiskRules>(services, "Risks");
        AddValidatedOptions<LogisticsLink.Marketplaces.MarketplaceOptions>(services, LogisticsLink.Marketplaces.MarketplaceOptions.Section);
        AddValidatedOptions<MarketplaceSyncOptions>(services, MarketplaceSyncOptions.Section);

        if (configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] == StorageOptions.PostgresProvider)
        {
            services.AddSingleton<PostgresShipmentStore>();
            services.AddSingleton<IShipmentStore>(sp => sp.GetRequiredService<PostgresShipmentStore>());
            services.AddSingleton<IOrderStore>(sp => sp.GetRequiredService<PostgresShipmentStore>());
        }
        else
        {
            services.AddSingleton<SqliteShipmentStore>();
            services.AddSingleton<IShipmentStore>(sp => sp.GetRequiredService<SqliteShipmentStore>());
            services.AddSingleton<IOrderStore>(sp => sp.GetRequiredService<SqliteShipmentStore>());
        }
        services.AddHostedService<StoreInitializer>();

        if (configuration.GetValue($"{SandboxOptions.Section}:{nameof(SandboxOptions.Enabled)}", true))
        {
            services.AddSingleton<ICarrierClient, SandboxCarrier>();
        }
        services.AddCarriers(configuration);
        services.AddSingleton<CarrierGateway>();

        services.AddSingleton<ShipmentCache>();
        services.AddSingleton<KnownEventsCache>();
        services.AddSingleton<ChangeHub>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeHub>());
        services.AddSingleton<WatchSession>();
        services.AddSingleton<ShipmentTracker>();
        services.AddSingleton<RefreshWaiter>();
        services.AddHostedService<RefreshScheduler>();
        services.AddWebhooks();

        services.AddSingleton<OrderReviewQueue>();
        services.AddSingleton<OrderLinker>();
        services.AddSingleton<CredentialProtector>();
        services.AddHostedService<OrderReviewer>();
        services.AddHostedService<ShipmentRiskSweeper>();
        services.AddMarketplaces(configuration);

        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<KnownTenantsValidation>();
        services.AddSingleton<IValidateOptions<WebhookOptions>>(sp => sp.GetRequiredService<KnownTenantsValidation>());
        services.AddSingleton<IValidateOptions<MarketplaceWebhookOptions>>(sp => sp.GetRequiredService<KnownTenantsValidation>());
        services.AddSingleton<IValidateOptions<MarketplaceSyncOptions>>(sp => sp.GetRequiredService<KnownTenantsValidation>());
        services.AddGrpc(o => o.EnableDetailedErrors = false)
            .AddServiceOptions<TrackingGrpcService>(o => o.Interceptors.Add<ApiKeyInterceptor>())
            .AddServiceOptions<OrderGrpcService>(o => o.Interceptors.Add<ApiKeyInterceptor>());
        services.AddSupportDesk(services.AddGrpc());
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");
        // Last of the hosted services, which all start before the web server opens the endpoints: the warm-up runs beside
        // their start and is waited for here, so the first inquiry does not pay for it.
        services.AddHostedService<InquiryWarmup>();
        return services;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(sp => (IValidateOptions<T>)(object)sp.GetRequiredService<OptionsValidation>());
    }
}
