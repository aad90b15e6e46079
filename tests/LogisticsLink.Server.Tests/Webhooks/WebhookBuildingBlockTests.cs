using System.Text;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Server.Tests.Webhooks;

/// <summary>Signatures, the redelivery memory and the options, without a server.</summary>
public sealed class WebhookBuildingBlockTests
{
    private const string Secret = "aggregator-hmac-secret-0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"carrier":"ups"}""");
    private static readonly DateTimeOffset Now = new(2026, 5, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_signature_holds_only_for_its_body_and_timestamp_within_the_tolerance()
    {
        var signature = WebhookSignatures.Sign(Secret, Timestamp, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.Null(WebhookSignatures.Verify(Secret, Timestamp, signature, Body, Now.AddMinutes(4), tolerance));
        Assert.Null(WebhookSignatures.Verify(Secret, Timestamp, signature, Body, Now.AddMinutes(-4), tolerance));
        Assert.Equal("signature mismatch", WebhookSignatures.Verify(Secret, Timestamp, signature, Encoding.UTF8.GetBytes("""{"carrier":"dhl"}"""), Now, tolerance));
        Assert.Equal("signature mismatch", WebhookSignatures.Verify("x" + Secret, Timestamp, signature, Body, Now, tolerance));
        Assert.Contains("older", WebhookSignatures.Verify(Secret, Timestamp, signature, Body, Now.AddMinutes(6), tolerance));
        Assert.Contains("ahead", WebhookSignatures.Verify(Secret, Timestamp, signature, Body, Now.AddMinutes(-6), tolerance));
        Assert.Contains("Unix seconds", WebhookSignatures.Verify(Secret, "2026-05-02T12:00:00Z", signature, Body, Now, tolerance));
        Assert.Contains("Unix seconds", WebhookSignatures.Verify(Secret, "-5", signature, Body, Now, tolerance));
        Assert.Contains(WebhookSignatures.SignatureHeader, WebhookSignatures.Verify(Secret, Timestamp, null, Body, Now, tolerance));
        Assert.Contains(WebhookSignatures.TimestampHeader, WebhookSignatures.Verify(Secret, "", signature, Body, Now, tolerance));
    }

    [Fact]
    public void Credentials_match_only_exactly()
    {
        Assert.True(WebhookSignatures.CredentialMatches("ups-track-alert-credential", "ups-track-alert-credential"));
        Assert.False(WebhookSignatures.CredentialMatches("ups-track-alert-credentiaL", "ups-track-alert-credential"));
        Assert.False(WebhookSignatures.CredentialMatches("ups-track-alert-credential ", "ups-track-alert-credential"));
        Assert.False(WebhookSignatures.CredentialMatches("", "ups-track-alert-credential"));
        Assert.False(WebhookSignatures.CredentialMatches(null, "ups-track-alert-credential"));
    }

    [Fact]
    public void The_redelivery_memory_is_bounded_by_count_and_by_time()
    {
        var time = new FakeTimeProvider(Now);
        var deliveries = new DeliveryDeduplicator(Options.Create(new WebhookOptions { DedupCapacity = 3, DedupWindow = TimeSpan.FromHours(1) }), time);

        Assert.Equal(DeliveryState.New, deliveries.Claim("a"));
        Assert.NotEqual(DeliveryState.New, deliveries.Claim("a"));
        Assert.Equal(DeliveryState.New, deliveries.Claim("b"));
        Assert.Equal(DeliveryState.New, deliveries.Claim("c"));
        Assert.Equal(DeliveryState.New, deliveries.Claim("d"));   // the oldest, "a", makes room
        Assert.Equal(3, deliveries.Count);
        Assert.Equal(DeliveryState.New, deliveries.Claim("a"));
        // Asking about a remembered delivery at capacity forgets nothing.
        Assert.NotEqual(DeliveryState.New, deliveries.Claim("d"));
        Assert.NotEqual(DeliveryState.New, deliveries.Claim("c"));
        Assert.NotEqual(DeliveryState.New, deliveries.Claim("a"));

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeliveryState.New, deliveries.Claim("d"));
        Assert.Equal(1, deliveries.Count);
    }

    [Fact]
    public void A_released_delivery_can_be_claimed_again_and_an_old_queue_entry_does_not_evict_the_new_claim()
    {
        var time = new FakeTimeProvider(Now);
        var deliveries = new DeliveryDeduplicator(Options.Create(new WebhookOptions { DedupCapacity = 2, DedupWindow = TimeSpan.FromHours(1) }), time);

        Assert.Equal(DeliveryState.New, deliveries.Claim("a"));
        deliveries.Release("a");
        Assert.Equal(DeliveryState.New, deliveries.Claim("a"));
        // The first claim's entry leaves the queue to make room for "b"; the second claim of "a" stays remembered.
        Assert.Equal(DeliveryState.New, deliveries.Claim("b"));
        Assert.NotEqual(DeliveryState.New, deliveries.Claim("a"));
    }

    [Fact]
    public void A_delivery_is_a_redelivery_only_once_it_is_stored()
    {
        var deliveries = new DeliveryDeduplicator(Options.Create(new WebhookOptions()), new FakeTimeProvider(Now));

        Assert.Equal(DeliveryState.New, deliveries.Claim("a"));
        Assert.Equal(DeliveryState.InProgress, deliveries.Claim("a"));
        deliveries.Complete("a");
        Assert.Equal(DeliveryState.Done, deliveries.Claim("a"));
    }

    [Fact]
    public void A_webhook_with_a_credential_and_no_tenant_stops_start_up_naming_the_tenant_key()
    {
        // No default tenant: events for a guessed one find no shipment and are acknowledged, so senders never resend them.
        var secret = new string('k', WebhookOptionsValidation.MinSecretLength);
        var webhooks = new WebhookOptionsValidation().Validate(null, new WebhookOptions { Ups = { Credential = secret }, Aggregator = { Secret = secret } });
        var marketplaces = new MarketplaceWebhookOptionsValidation().Validate(null,
            new MarketplaceWebhookOptions { Amazon = { Credential = secret }, Shopify = { Secret = secret } });

        Assert.Equal(
            ["Webhooks:Ups:TenantId is required when Webhooks:Ups:Credential is set.",
             "Webhooks:Aggregator:TenantId is required when Webhooks:Aggregator:Secret is set."],
            webhooks.Failures);
        Assert.Equal(
            ["Webhooks:Amazon:TenantId is required when Webhooks:Amazon:Credential is set.",
             "Webhooks:Shopify:TenantId is required when Webhooks:Shopify:Secret is set."],
            marketplaces.Failures);
    }

    [Theory]
    [InlineData("Webhooks:Ups:Credential", "short", "Webhooks:Ups:Credential")]
    [InlineData("Webhooks:Aggregator:Secret", "short", "Webhooks:Aggregator:Secret")]
    [InlineData("Webhooks:Aggregator:Tolerance", "02:00:00", "Webhooks:Aggregator:Tolerance")]
    [InlineData("Webhooks:Ups:TenantId", " ", "Webhooks:Ups:TenantId")]
    [InlineData("Webhooks:DedupCapacity", "0", "Webhooks:DedupCapacity")]
    [InlineData("Webhooks:MaxBodyBytes", "10", "Webhooks:MaxBodyBytes")]
    public async Task Invalid_webhook_options_stop_start_up_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestHost.StartAsync(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(named, error.Message);
    }
}
