namespace LogisticsLink.Server.Webhooks;

/// <summary>
/// The webhooks' log lines. None carries a payload, a credential, a signature or a secret: a rejected call is
/// described by its source, the caller's address and the reason alone.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 4801, Level = LogLevel.Warning, Message = "Webhook {Source} rejected (401) from {Remote}: {Reason}")]
    public static partial void Rejected(ILogger logger, string source, string remote, string reason);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Warning, Message = "Webhook {Source} refused (400) from {Remote}: {Field} {Reason}")]
    public static partial void Invalid(ILogger logger, string source, string remote, string field, string reason);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning, Message = "Webhook {Source} refused (413) from {Remote}: body larger than {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, string source, string remote, int maxBytes);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Debug, Message = "Webhook {Source}: redelivery for {TrackingNumber} ignored")]
    public static partial void Duplicate(ILogger logger, string source, string trackingNumber);

    [LoggerMessage(EventId = 4805, Level = LogLevel.Information, Message = "Webhook {Source}: {Carrier} {TrackingNumber} is not tracked by tenant {TenantId}; ignored")]
    public static partial void Untracked(ILogger logger, string source, string carrier, string trackingNumber, string tenantId);

    [LoggerMessage(EventId = 4806, Level = LogLevel.Debug, Message = "Webhook {Source}: shipment {ShipmentId} at version {Version} ({Events} event(s) received)")]
    public static partial void Applied(ILogger logger, string source, string shipmentId, long version, int events);

    [LoggerMessage(EventId = 4807, Level = LogLevel.Warning, Message = "Webhook {Source}: {TrackingNumber} activity {RawCode} has codes this server does not know; no scan recorded")]
    public static partial void Unmapped(ILogger logger, string source, string trackingNumber, string rawCode);

    [LoggerMessage(EventId = 4808, Level = LogLevel.Information, Message = "Webhook {Source} served on POST {Route}, feeding tenant {TenantId}")]
    public static partial void Served(ILogger logger, string source, string route, string tenantId);

    [LoggerMessage(EventId = 4809, Level = LogLevel.Information, Message = "Webhook {Source} not served: {Key} is not set")]
    public static partial void NotServed(ILogger logger, string source, string key);

    [LoggerMessage(EventId = 4810, Level = LogLevel.Information, Message = "Webhook {Source}: {TrackingNumber} delivered again while its first copy is still being applied; answered 503 so the sender retries")]
    public static partial void InProgress(ILogger logger, string source, string trackingNumber);

    [LoggerMessage(EventId = 4811, Level = LogLevel.Debug, Message = "Webhook {Source}: redelivery {DeliveryId} for order {OrderId} ignored")]
    public static partial void OrderDuplicate(ILogger logger, string source, string deliveryId, string orderId);

    [LoggerMessage(EventId = 4812, Level = LogLevel.Information, Message = "Webhook {Source}: {DeliveryId} for order {OrderId} delivered again while its first copy is still being applied; answered 503 so the sender retries")]
    public static partial void OrderInProgress(ILogger logger, string source, string deliveryId, string orderId);

    [LoggerMessage(EventId = 4813, Level = LogLevel.Warning,
        Message = "Webhook {Source}: order {OrderId} kept changing under other writers while it was applied ({Reason}); answered 503 so the sender retries")]
    public static partial void OrderContended(ILogger logger, string source, string orderId, string reason);

    [LoggerMessage(EventId = 4814, Level = LogLevel.Warning,
        Message = "Webhook {Source}: the store could not take the delivery for {Subject} for now ({Reason}); answered 503 so the sender retries")]
    public static partial void StoreUnavailable(ILogger logger, string source, string subject, string reason);

    [LoggerMessage(EventId = 4815, Level = LogLevel.Warning,
        Message = "Webhook {Source}: the shipment of {TrackingNumber} kept changing under other writers while the delivery was applied ({Reason}); answered 503 so the sender retries")]
    public static partial void ShipmentContended(ILogger logger, string source, string trackingNumber, string reason);
}
