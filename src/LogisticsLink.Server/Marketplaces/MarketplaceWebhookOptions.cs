using LogisticsLink.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// The marketplace webhooks, bound from <c>Webhooks</c> beside the carrier ones (<see cref="WebhookOptions"/>). Each
/// route is served only when its credential or secret is set, and feeds the orders of one tenant.
/// </summary>
public sealed class MarketplaceWebhookOptions
{
    public const string Section = "Webhooks";

    public AmazonOrderChangeWebhookOptions Amazon { get; set; } = new();

    public ShopifyFulfillmentWebhookOptions Shopify { get; set; } = new();
}

/// <summary><c>Webhooks:Amazon</c>: ORDER_CHANGE notifications forwarded from SQS or EventBridge.</summary>
public sealed class AmazonOrderChangeWebhookOptions
{
    /// <summary>
    /// The secret the forwarder (an EventBridge API destination with API-key auth, or an SQS consumer) sends in the
    /// <c>X-LogisticsLink-Credential</c> header. Empty: the route is not served.
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>The tenant whose Amazon account the notifications are about; required with the credential.</summary>
    public string TenantId { get; set; } = "";

    public bool Enabled => !string.IsNullOrEmpty(Credential);
}

/// <summary><c>Webhooks:Shopify</c>: <c>fulfillments/create</c> and <c>fulfillments/update</c>.</summary>
public sealed class ShopifyFulfillmentWebhookOptions
{
    /// <summary>The app's client secret, which keys <c>X-Shopify-Hmac-Sha256</c>. Empty: the route is not served.</summary>
    public string? Secret { get; set; }

    /// <summary>The tenant whose Shopify shop sends the webhooks; required with the secret.</summary>
    public string TenantId { get; set; } = "";

    public bool Enabled => !string.IsNullOrEmpty(Secret);
}

/// <summary>Start-up validation of <c>Webhooks:Amazon</c> and <c>Webhooks:Shopify</c>; each message names the key.</summary>
public sealed class MarketplaceWebhookOptionsValidation : IValidateOptions<MarketplaceWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketplaceWebhookOptions o)
    {
        var errors = new List<string>();
        var min = WebhookOptionsValidation.MinSecretLength;
        if (o.Amazon.Enabled)
        {
            Check(errors, o.Amazon.Credential!.Length >= min, $"Webhooks:Amazon:Credential must be at least {min} characters.");
            Check(errors, !string.IsNullOrWhiteSpace(o.Amazon.TenantId), "Webhooks:Amazon:TenantId is required when Webhooks:Amazon:Credential is set.");
        }
        if (o.Shopify.Enabled)
        {
            Check(errors, o.Shopify.Secret!.Length >= min, $"Webhooks:Shopify:Secret must be at least {min} characters.");
            Check(errors, !string.IsNullOrWhiteSpace(o.Shopify.TenantId), "Webhooks:Shopify:TenantId is required when Webhooks:Shopify:Secret is set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
