using System.Text;
using System.Text.Json.Serialization;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Marketplaces.Amazon;
using LogisticsLink.Marketplaces.Shopify;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Marketplaces;

/// <summary>
/// Marketplace notifications on the Web endpoint:
/// <list type="bullet">
/// <item><c>POST /webhooks/amazon/order-change</c>: an <c>ORDER_CHANGE</c> notification (as published to SQS, or
/// wrapped by EventBridge/SNS/SQS), authenticated by <c>X-LogisticsLink-Credential</c>; the order is fetched and
/// stored at once.</item>
/// <item><c>POST /webhooks/amazon/fulfillment-order-status</c>: a <c>FULFILLMENT_ORDER_STATUS</c> notification (a
/// Multi-Channel Fulfillment order's status changed), in the same envelopes and with the same credential; the MCF
/// order and its packages' tracking are fetched and stored at once.</item>
/// <item><c>POST /webhooks/shopify/fulfillments</c>: <c>fulfillments/create|update</c>, authenticated by
/// <c>X-Shopify-Hmac-Sha256</c> over the raw body; the parcels are attached to the stored order at once and the
/// order is fetched again.</item>
/// </list>
/// As for the carrier webhooks: credentials compared in constant time, 401 logged without the payload, 400 naming
/// the field. Answers: 200 <c>synced</c>/<c>attached</c>; 202 <c>ignored</c> (no account, or the marketplace does not
/// know the order); 503 <c>retry</c> when the marketplace failed transiently, the order kept changing under other writers
/// for longer than the store's retries, or the store could not take it for now (the sender redelivers). Shopify retries a
/// delivery under the same <c>X-Shopify-Webhook-Id</c>, and Amazon's notifications arrive more than once under the same
/// <c>NotificationMetadata.NotificationId</c>; with the carrier webhooks' <see cref="DeliveryDeduplicator"/>, a copy of
/// one already stored is answered 200 <c>duplicate</c> and one arriving while the first is still being applied 503
/// <c>in_progress</c>, neither touching the store nor calling the marketplace (Amazon's getOrder budget is small).
/// </summary>
public sealed class MarketplaceWebhooks(
    IOptions<MarketplaceWebhookOptions> options, IOptions<WebhookOptions> limits, MarketplaceSync sync, OrderLinker linker,
    DeliveryDeduplicator deliveries, ILogger<MarketplaceWebhooks> logger)
{
    public const string AmazonRoute = "/webhooks/amazon/order-change";
    public const string AmazonMcfRoute = "/webhooks/amazon/fulfillment-order-status";
    public const string ShopifyRoute = "/webhooks/shopify/fulfillments";
    public const string AmazonCredentialHeader = "X-LogisticsLink-Credential";
    private const string AmazonSource = "amazon-order-change";
    private const string ShopifySource = "shopify-fulfillments";
    private const string AmazonMcfSource = "amazon-fulfillment-order-status";

    public async Task<IResult> AmazonOrderChangeAsync(HttpContext context)
    {
        var (body, refused) = await ReadAmazonAsync(context, AmazonSource);
        if (refused is not null)
        {
            return refused;
        }
        if (!AmazonOrderChangeNotification.TryParse(Encoding.UTF8.GetString(body!), out var change, out var error))
        {
            return Invalid(context, AmazonSource, error);
        }
        var tenant = options.Value.Amazon.TenantId;
        return await OnceAsync(AmazonSource, tenant, change.NotificationId, change.AmazonOrderId, async () =>
        {
            var result = await sync.SyncOrderAsync(tenant, AmazonMarketplaceClient.ChannelName, change.AmazonOrderId, context.RequestAborted);
            return (Answer(change.AmazonOrderId, result, attached: false), result.Outcome == OrderSyncOutcome.Synced);
        });
    }

    public async Task<IResult> AmazonFulfillmentOrderStatusAsync(HttpContext context)
    {
        var (body, refused) = await ReadAmazonAsync(context, AmazonMcfSource);
        if (refused is not null)
        {
            return refused;
        }
        if (!AmazonFulfillmentOrderStatusNotification.TryParse(Encoding.UTF8.GetString(body!), out var status, out var error))
        {
            return Invalid(context, AmazonMcfSource, error);
        }
        var tenant = options.Value.Amazon.TenantId;
        return await OnceAsync(AmazonMcfSource, tenant, status.NotificationId, status.SellerFulfillmentOrderId, async () =>
        {
            var result = await sync.SyncMcfOrderAsync(tenant, status.SellerFulfillmentOrderId, context.RequestAborted);
            return (Answer(status.SellerFulfillmentOrderId, result, attached: false), result.Outcome == OrderSyncOutcome.Synced);
        });
    }

    /// <summary>The body of an Amazon notification whose credential matches; otherwise the 401/413 answer, logged.</summary>
    private async Task<(byte[]? Body, IResult? Refused)> ReadAmazonAsync(HttpContext context, string source)
    {
        var presented = context.Request.Headers[AmazonCredentialHeader].ToString();
        if (!WebhookSignatures.CredentialMatches(presented, options.Value.Amazon.Credential!))
        {
            WebhookLog.Rejected(logger, source, WebhookHttp.RemoteOf(context),
                presented.Length == 0 ? $"missing {AmazonCredentialHeader} header" : "credential mismatch");
            return (null, WebhookHttp.Unauthorized());
        }
        var body = await WebhookHttp.ReadBodyAsync(context.Request, limits.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            WebhookLog.TooLarge(logger, source, WebhookHttp.RemoteOf(context), limits.Value.MaxBodyBytes);
            return (null, WebhookHttp.TooLarge(limits.Value.MaxBodyBytes));
        }
        return (body, null);
    }

    private IResult Invalid(HttpContext context, string source, string error)
    {
        var field = FieldOf(error);
        WebhookLog.Invalid(logger, source, WebhookHttp.RemoteOf(context), field, error);
        return WebhookHttp.Invalid(field, error);
    }

    public async Task<IResult> ShopifyFulfillmentAsync(HttpContext context)
    {
        var settings = options.Value.Shopify;
        var signature = context.Request.Headers[ShopifyFulfillmentWebhook.HmacHeader].ToString();
        if (signature.Length == 0)
        {
            WebhookLog.Rejected(logger, ShopifySource, WebhookHttp.RemoteOf(context), $"missing {ShopifyFulfillmentWebhook.HmacHeader} header");
            return WebhookHttp.Unauthorized();
        }
        var body = await WebhookHttp.ReadBodyAsync(context.Request, limits.Value.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            WebhookLog.TooLarge(logger, ShopifySource, WebhookHttp.RemoteOf(context), limits.Value.MaxBodyBytes);
            return WebhookHttp.TooLarge(limits.Value.MaxBodyBytes);
        }
        if (!ShopifyFulfillmentWebhook.Verify(body, signature, settings.Secret!))
        {
            WebhookLog.Rejected(logger, ShopifySource, WebhookHttp.RemoteOf(context), "signature mismatch");
            return WebhookHttp.Unauthorized();
        }
        var topic = context.Request.Headers[ShopifyFulfillmentWebhook.TopicHeader].ToString();
        if (!ShopifyFulfillmentWebhook.IsFulfillmentTopic(topic))
        {
            var reason = $"must be one of {string.Join(", ", ShopifyFulfillmentWebhook.Topics)}";
            WebhookLog.Invalid(logger, ShopifySource, WebhookHttp.RemoteOf(context), ShopifyFulfillmentWebhook.TopicHeader, reason);
            return WebhookHttp.Invalid(ShopifyFulfillmentWebhook.TopicHeader, reason);
        }
        if (!ShopifyFulfillmentWebhook.TryParse(body, out var notice, out var error))
        {
            var field = error.Contains("order_id", StringComparison.Ordinal) ? "order_id" : "body";
            WebhookLog.Invalid(logger, ShopifySource, WebhookHttp.RemoteOf(context), field, error);
            return WebhookHttp.Invalid(field, error);
        }
        var deliveryId = ShopifyFulfillmentWebhook.DeliveryId(context.Request.Headers[ShopifyFulfillmentWebhook.WebhookIdHeader].ToString(), body);
        return await OnceAsync(ShopifySource, settings.TenantId, deliveryId, notice.OrderId, async () =>
        {
            var ct = context.RequestAborted;
            // Attached only when a parcel was linked: one skipped (no carrier, a number nobody could track) leaves the
            // order's fetch below as the only thing that can acknowledge the webhook. As parcels Shopify lists: a late copy
            // of a fulfillment cancelled since (its body is as created) is undone by the fetch, which lists it no more.
            var attached = !notice.Cancelled && notice.Packages.Count > 0 &&
                await linker.AttachFulfillmentAsync(settings.TenantId, new OrderLink(ShopifyMarketplaceClient.ChannelName, notice.OrderId), notice.Packages, ct) > 0;
            // The order itself (status, other fulfillments, a cancelled one) comes from Shopify.
            var result = await sync.SyncOrderAsync(settings.TenantId, ShopifyMarketplaceClient.ChannelName, notice.OrderId, ct);
            return (Answer(notice.OrderId, result, attached), attached || result.Outcome == OrderSyncOutcome.Synced);
        });
    }

    /// <summary>
    /// Applies a delivery once per <paramref name="deliveryId"/>: a copy of one already stored is answered 200
    /// <c>duplicate</c>, one arriving while the first is still being applied 503 <c>in_progress</c> (the first may yet
    /// fail: a 2xx now would stop the sender's retries). A delivery that stored nothing (retry, no account, an order the
    /// marketplace does not know yet) or threw is forgotten, so that the sender's next copy counts. Without an id there
    /// is nothing to recognise a copy by: the delivery is applied.
    /// </summary>
    private async Task<IResult> OnceAsync(
        string source, string tenantId, string deliveryId, string orderId, Func<Task<(IResult Answer, bool Stored)>> apply)
    {
        if (deliveryId.Length == 0)
        {
            return (await RetriedWhenBusyAsync(source, orderId, apply)).Answer;
        }
        var key = string.Join('|', source, tenantId, deliveryId);
        switch (deliveries.Claim(key))
        {
            case DeliveryState.Done:
                WebhookLog.OrderDuplicate(logger, source, deliveryId, orderId);
                return Results.Json(new MarketplaceWebhookAnswer("duplicate", orderId, null, null));
            case DeliveryState.InProgress:
                WebhookLog.OrderInProgress(logger, source, deliveryId, orderId);
                return Results.Json(new MarketplaceWebhookAnswer("in_progress", orderId, null, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            var (answer, stored) = await RetriedWhenBusyAsync(source, orderId, apply);
            if (stored)
            {
                deliveries.Complete(key);
            }
            else
            {
                deliveries.Release(key);
            }
            return answer;
        }
        catch
        {
            deliveries.Release(key);
            throw;
        }
    }

    /// <summary>
    /// Applies a delivery; one that lost every retry of the store's optimistic writes to other writers of the same
    /// order or parcel (another node's review, the periodic sync, a parcel that keeps moving) did not store the order
    /// (parcels linked before that stay linked, as a later import would link them) and is answered 503 <c>retry</c>, as a
    /// marketplace's transient failure is: the sender delivers it again, by when the others are done. So is one the store
    /// could not take for now. The rule is the carrier webhooks' (<see cref="RetryableFailures"/>): not a 500, since
    /// nothing is wrong with the delivery or the server; any other failure is a bug, and stays a 500.
    /// </summary>
    private async Task<(IResult Answer, bool Stored)> RetriedWhenBusyAsync(
        string source, string orderId, Func<Task<(IResult Answer, bool Stored)>> apply)
    {
        try
        {
            return await apply();
        }
        catch (Exception e) when (RetryableFailures.Of(e) is { } failure)
        {
            string reason;
            if (failure == RetryableFailure.Contended)
            {
                WebhookLog.OrderContended(logger, source, orderId, e.Message);
                reason = "the order was being changed by other writers";
            }
            else
            {
                WebhookLog.StoreUnavailable(logger, source, $"order {orderId}", e.Message);
                reason = "the store could not take it for now";
            }
            return (Results.Json(new MarketplaceWebhookAnswer("retry", orderId, reason, null), statusCode: StatusCodes.Status503ServiceUnavailable), false);
        }
    }

    /// <summary>Maps the routes whose credential or secret is configured; the others answer 404 like any unknown path.</summary>
    public static void Map(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MarketplaceWebhookOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogisticsLink.Webhooks");
        if (options.Amazon.Enabled)
        {
            app.MapPost(AmazonRoute, (HttpContext context, MarketplaceWebhooks webhooks) => webhooks.AmazonOrderChangeAsync(context));
            WebhookLog.Served(logger, AmazonSource, AmazonRoute, options.Amazon.TenantId);
            app.MapPost(AmazonMcfRoute, (HttpContext context, MarketplaceWebhooks webhooks) => webhooks.AmazonFulfillmentOrderStatusAsync(context));
            WebhookLog.Served(logger, AmazonMcfSource, AmazonMcfRoute, options.Amazon.TenantId);
        }
        else
        {
            WebhookLog.NotServed(logger, AmazonSource, "Webhooks:Amazon:Credential");
            WebhookLog.NotServed(logger, AmazonMcfSource, "Webhooks:Amazon:Credential");
        }
        if (options.Shopify.Enabled)
        {
            app.MapPost(ShopifyRoute, (HttpContext context, MarketplaceWebhooks webhooks) => webhooks.ShopifyFulfillmentAsync(context));
            WebhookLog.Served(logger, ShopifySource, ShopifyRoute, options.Shopify.TenantId);
        }
        else
        {
            WebhookLog.NotServed(logger, ShopifySource, "Webhooks:Shopify:Secret");
        }
    }

    private static IResult Answer(string orderId, OrderSyncResult result, bool attached) => result.Outcome switch
    {
        OrderSyncOutcome.Synced => Results.Json(new MarketplaceWebhookAnswer("synced", orderId, null, result.Order?.Version)),
        _ when attached => Results.Json(new MarketplaceWebhookAnswer("attached", orderId, result.Reason.Length > 0 ? result.Reason : null, null)),
        OrderSyncOutcome.Failed when result.Transient =>
            Results.Json(new MarketplaceWebhookAnswer("retry", orderId, result.Reason, null), statusCode: StatusCodes.Status503ServiceUnavailable),
        OrderSyncOutcome.Failed => Results.Json(new MarketplaceWebhookAnswer("ignored", orderId, result.Reason, null), statusCode: StatusCodes.Status202Accepted),
        _ => Results.Json(new MarketplaceWebhookAnswer("ignored", orderId, "no account of the tenant on this marketplace", null),
            statusCode: StatusCodes.Status202Accepted),
    };

    /// <summary>
    /// The field a parse error is about: the path it starts with ("no X…", "X is …", "'X' is …"), else "body" (the
    /// body is not JSON, or not an object).
    /// </summary>
    private static string FieldOf(string error)
    {
        var words = error.Split(' ');
        var first = (words[0] == "no" && words.Length > 1 ? words[1] : words[0]).Trim('\'');
        return first.Length > 0 && char.IsAsciiLetterUpper(first[0]) ? first : "body";
    }
}

/// <summary>The body of an accepted marketplace notification (see <see cref="MarketplaceWebhooks"/>).</summary>
public sealed record MarketplaceWebhookAnswer(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Version);
