using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.Domain.Support.Templates;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Support;

/// <summary>
/// Renders replies: the tenant's latest version of a template when it has one (for the channel, then for every
/// channel), else the built-in one; then the policy check. Records a reply for an order when asked. A parcel waiting
/// for collection is told with its pickup point, which only its scans give.
/// </summary>
public sealed class ReplyDesk(ISupportStore store, IShipmentStore shipments, TimeProvider time)
{
    /// <exception cref="UnknownTemplateException">Neither the tenant nor the built-ins have the template.</exception>
    /// <exception cref="MissingPlaceholderException">A printed value is not known.</exception>
    /// <exception cref="TemplateLimitException">The tenant's template does more work than a reply may.</exception>
    /// <exception cref="TemplateFilterException">The tenant's template's arithmetic fails with these values.</exception>
    /// <param name="parcels">The parcels a reply about several lists (<c>{{ parcels }}</c>); none: the shipment alone.</param>
    public async Task<ComposedReply> RenderAsync(
        string tenant, string templateId, string channel, ReplyLocale locale, OrderState? order, ShipmentState? shipment,
        IReadOnlyList<ShipmentState> parcels, CancellationToken ct)
    {
        var custom = await store.FindTemplateAsync(tenant, templateId, locale.Language, channel, ct);
        var body = custom?.Body ?? BuiltInTemplates.Default.Find(templateId, locale.Language)
            ?? throw new UnknownTemplateException(templateId, locale.Language);
        var events = shipment?.Status == TrackingStatus.AvailableForPickup ? await shipments.GetEventsAsync(shipment.Id, ct) : null;
        var values = ReplyValues.From(order, shipment, locale, channel, now: time.GetUtcNow(), events: events, parcels: parcels);
        return ReplyComposer.Compose(
            templateId, custom?.Version ?? 0, body, locale, values, channel, carried: parcels.Select(p => p.TrackingNumber).ToList(), cancellationToken: ct);
    }

    public Task RecordAsync(string tenant, OrderState order, ComposedReply reply, string channel, DateTimeOffset? receivedAt, CancellationToken ct) =>
        store.RecordReplyAsync(tenant, order.Channel, order.OrderId, new ReplyRecord(
            reply.TemplateId, reply.TemplateVersion, reply.Language, channel, reply.Text, reply.Compliant, time.GetUtcNow(), receivedAt), ct);
}

public sealed class UnknownTemplateException(string templateId, string language)
    : Exception($"No template '{templateId}' in language '{language}' (built-in: {string.Join(", ", BuiltInTemplates.Default.TemplateIds)}).");
