using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Webhooks;

/// <summary>Registers the webhook services and maps the routes of the sources that are configured.</summary>
public static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<DeliveryDeduplicator>();
        services.AddSingleton<WebhookIngest>();
        services.AddSingleton<UpsTrackAlertWebhook>();
        services.AddSingleton<AggregatorWebhook>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /webhooks/ups/track-alert</c> and <c>POST /webhooks/aggregator</c>, each only when its credential
    /// or secret is configured (an unconfigured source answers 404 like any unknown path). Senders speak HTTP/1.1, so
    /// they reach these on the <c>Web</c> endpoint.
    /// </summary>
    public static void MapWebhooks(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogisticsLink.Webhooks");
        if (options.Ups.Enabled)
        {
            app.MapPost(UpsTrackAlertWebhook.Route, (HttpContext context, UpsTrackAlertWebhook webhook) => webhook.HandleAsync(context));
            WebhookLog.Served(logger, "ups-track-alert", UpsTrackAlertWebhook.Route, options.Ups.TenantId);
        }
        else
        {
            WebhookLog.NotServed(logger, "ups-track-alert", "Webhooks:Ups:Credential");
        }
        if (options.Aggregator.Enabled)
        {
            app.MapPost(AggregatorWebhook.Route, (HttpContext context, AggregatorWebhook webhook) => webhook.HandleAsync(context));
            WebhookLog.Served(logger, "aggregator", AggregatorWebhook.Route, options.Aggregator.TenantId);
        }
        else
        {
            WebhookLog.NotServed(logger, "aggregator", "Webhooks:Aggregator:Secret");
        }
    }
}
