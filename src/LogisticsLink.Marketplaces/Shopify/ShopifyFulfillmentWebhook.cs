using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LogisticsLink.Domain.Orders;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Shopify's <c>fulfillments/create</c> and <c>fulfillments/update</c> webhooks: signature check and body parsing.
/// The caller mounts the endpoint; it must verify the signature over the raw body bytes exactly as received (before any
/// JSON parsing or re-encoding), then parse. Deliveries are at-least-once and may repeat unchanged: handle idempotently.
/// </summary>
public static class ShopifyFulfillmentWebhook
{
    public const string HmacHeader = "X-Shopify-Hmac-Sha256";
    public const string TopicHeader = "X-Shopify-Topic";

    /// <summary>Names one delivery: Shopify sends the same id again when it retries that delivery.</summary>
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";

    public static readonly IReadOnlyList<string> Topics = ["fulfillments/create", "fulfillments/update"];

    public static bool IsFulfillmentTopic(string? topic) =>
        topic is not null && Topics.Contains(topic.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when <paramref name="hmacHeader"/> is the base64 HMAC-SHA256 of <paramref name="rawBody"/> keyed with the
    /// app's client secret. Compared in constant time; a missing or non-base64 header is simply false.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> rawBody, string? hmacHeader, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (string.IsNullOrWhiteSpace(hmacHeader))
        {
            return false;
        }
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(hmacHeader.Trim(), claimed, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>
    /// What identifies a delivery for de-duplication: its <see cref="WebhookIdHeader"/>, or, when a forwarder dropped
    /// it, the raw body's SHA-256 (a byte-identical body says nothing new).
    /// </summary>
    public static string DeliveryId(string? webhookIdHeader, ReadOnlySpan<byte> rawBody) =>
        string.IsNullOrWhiteSpace(webhookIdHeader)
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(rawBody))
            : "webhook-id:" + webhookIdHeader.Trim();

    /// <summary>The base64 signature Shopify would send for <paramref name="rawBody"/> (for simulators and tests).</summary>
    public static string Sign(ReadOnlySpan<byte> rawBody, string appSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody));

    /// <summary>Reads a fulfillment webhook body (the REST <c>Fulfillment</c> resource) into the order id and its parcels.</summary>
    public static bool TryParse(
        ReadOnlyMemory<byte> rawBody, [NotNullWhen(true)] out ShopifyFulfillmentNotice? notice, out string error)
    {
        notice = null;
        try
        {
            using var document = JsonDocument.Parse(rawBody);
            var root = document.RootElement;
            var orderId = root.Text("order_id");
            if (root.ValueKind != JsonValueKind.Object || orderId.Length == 0)
            {
                error = "fulfillment webhook without order_id";
                return false;
            }
            var company = root.Text("tracking_company");
            var shippedAt = root.Time("created_at");
            var numbers = root.Child("tracking_numbers") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!.Trim()).ToList()
                : [];
            if (numbers.Count == 0)
            {
                numbers.Add(root.Text("tracking_number"));
            }
            var packages = numbers.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)
                .Select(n => new ImportedPackage(MarketplaceCarrierNames.ToCarrierCode(company), company, n, shippedAt))
                .ToList();
            var status = root.Text("status");
            notice = new ShopifyFulfillmentNotice(
                orderId, root.Text("id"), status, root.Text("shipment_status"),
                ShopifyOrderParser.IsVoided(status, ""), root.Time("updated_at"), packages);
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = $"malformed fulfillment webhook body ({e.Message})";
            return false;
        }
    }
}

/// <summary>
/// What a fulfillment webhook says: the order (numeric id, as <see cref="ImportedOrder.OrderId"/> of Shopify orders),
/// the fulfillment and its parcels (one per tracking number; usually one).
/// </summary>
/// <param name="Status">REST fulfillment status: <c>pending</c>, <c>open</c>, <c>success</c>, <c>cancelled</c>, <c>error</c>, <c>failure</c>.</param>
/// <param name="ShipmentStatus">Shopify's carrier-derived <c>shipment_status</c> (e.g. <c>in_transit</c>, <c>delivered</c>), "" when none.</param>
/// <param name="Cancelled">The fulfillment was cancelled: its numbers will not move and should stop being tracked for this order.</param>
public sealed record ShopifyFulfillmentNotice(
    string OrderId,
    string FulfillmentId,
    string Status,
    string ShipmentStatus,
    bool Cancelled,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<ImportedPackage> Packages);
