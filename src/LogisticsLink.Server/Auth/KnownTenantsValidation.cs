using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Auth;

/// <summary>
/// Settings that route data to a tenant must name one an API key acts for. A typo ('tenant_a' for 'tenant-a') would
/// have every webhook delivery answered 202 "ignored" (so the sender stops retrying) or a configured account's orders
/// stored where no key reads them, without a word. Without any configured key (Development's demo tenant, or a server
/// that refuses every call) there is nothing to compare with, and nothing is checked.
/// </summary>
public sealed class KnownTenantsValidation(IOptions<AuthOptions> auth) :
    IValidateOptions<WebhookOptions>, IValidateOptions<MarketplaceWebhookOptions>, IValidateOptions<MarketplaceSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions o) => Result(
        o.Ups.Enabled ? Unknown(o.Ups.TenantId, "Webhooks:Ups:TenantId") : null,
        o.Aggregator.Enabled ? Unknown(o.Aggregator.TenantId, "Webhooks:Aggregator:TenantId") : null);

    public ValidateOptionsResult Validate(string? name, MarketplaceWebhookOptions o) => Result(
        o.Amazon.Enabled ? Unknown(o.Amazon.TenantId, "Webhooks:Amazon:TenantId") : null,
        o.Shopify.Enabled ? Unknown(o.Shopify.TenantId, "Webhooks:Shopify:TenantId") : null);

    public ValidateOptionsResult Validate(string? name, MarketplaceSyncOptions o) =>
        Result([.. o.Accounts.Select((account, i) => Unknown(account.Tenant, $"Marketplaces:Accounts:{i}:Tenant"))]);

    /// <summary>A blank tenant is left to the section's own validation, which says it is required.</summary>
    private string? Unknown(string tenant, string key)
    {
        var tenants = auth.Value.ApiKeys.Select(k => k.Tenant).Distinct(StringComparer.Ordinal).ToList();
        return string.IsNullOrWhiteSpace(tenant) || tenants.Count == 0 || tenants.Contains(tenant, StringComparer.Ordinal)
            ? null
            : $"{key} is '{tenant}', the tenant of no Auth:ApiKeys entry ({string.Join(", ", tenants)}): nothing it feeds could be read.";
    }

    private static ValidateOptionsResult Result(params string?[] errors) =>
        errors.OfType<string>().ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
