using LogisticsLink.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Tests.Hosting;

/// <summary>
/// A webhook or a configured marketplace account feeds one tenant. Named with a tenant no API key has (a typo,
/// 'tenant_a' for 'tenant-a'), every push would be answered 202 "ignored" or every order stored where no key can read
/// it: the sender stops retrying and the data is lost without a word. Start-up refuses it naming the key.
/// </summary>
public sealed class UnknownTenantSettingTests
{
    private const string Secret = "a-webhook-secret-0123456789";

    public static TheoryData<string, string> TenantSettings => new()
    {
        { "Webhooks:Ups:Credential", "Webhooks:Ups:TenantId" },
        { "Webhooks:Aggregator:Secret", "Webhooks:Aggregator:TenantId" },
        { "Webhooks:Amazon:Credential", "Webhooks:Amazon:TenantId" },
        { "Webhooks:Shopify:Secret", "Webhooks:Shopify:TenantId" },
    };

    [Theory]
    [MemberData(nameof(TenantSettings))]
    public async Task A_webhook_tenant_no_api_key_has_stops_start_up_naming_the_key(string secretKey, string tenantKey)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            [secretKey] = Secret,
            [tenantKey] = "tenant_a",
        }));

        Assert.Contains($"{tenantKey} is 'tenant_a', the tenant of no Auth:ApiKeys entry (tenant-a, tenant-b)", error.Message);
    }

    [Theory]
    [MemberData(nameof(TenantSettings))]
    public async Task A_webhook_tenant_of_a_configured_key_starts(string secretKey, string tenantKey)
    {
        // tenant-b's key is configured by its SHA-256 only: its tenant counts the same.
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            [secretKey] = Secret,
            [tenantKey] = "tenant-b",
        });
    }

    [Fact]
    public async Task A_configured_marketplace_account_of_no_api_keys_tenant_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Marketplaces:Accounts:0:Tenant"] = "Tenant-A",
            ["Marketplaces:Accounts:0:Channel"] = "shopify",
            ["Marketplaces:Accounts:0:Credentials:shop_domain"] = "demo.myshopify.com",
            ["Marketplaces:Accounts:0:Credentials:access_token"] = "shpat_token",
            ["Sandbox:SimulateMarketplaces"] = "false",
        }));

        Assert.Contains("Marketplaces:Accounts:0:Tenant is 'Tenant-A', the tenant of no Auth:ApiKeys entry (tenant-a, tenant-b)", error.Message);
    }
}
