using LogisticsLink.Domain.Orders;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The placeholders a reply template may use, filled from the order and the shipment the reply is about. A value
/// that is not known is null: a template may test it (<c>{% if eta %}</c>) but printing it is an error.
/// </summary>
public static class ReplyValues
{
    public const string OrderId = "order_id";
    public const string Carrier = "carrier";
    public const string TrackingNumber = "tracking_number";
    public const string TrackingUrl = "tracking_url";
    public const string Status = "status";
    public const string Eta = "eta";
    public const string DeliveredAt = "delivered_at";
    public const string DeliveredWhere = "delivered_where";
    public const string SignedBy = "signed_by";
    public const string PromisedBy = "promised_by";
    public const string OrderNumberExample = "order_number_example";
    public const string PickupPlace = "pickup_place";
    public const string PickupScan = "pickup_scan";
    public const string Parcels = "parcels";
    public const string ParcelsCarrier = "parcels_carrier";

    /// <summary>
    /// A flag, set when part of the order will never ship (Amazon MCF <c>CompletePartialled</c>): a template tests it
    /// (<c>{% if part_unfulfilled %}</c>) to say so, whatever the parcel's news.
    /// </summary>
    public const string PartUnfulfilled = "part_unfulfilled";

    public static readonly IReadOnlyList<string> Names =
        [OrderId, Carrier, TrackingNumber, TrackingUrl, Status, Eta, DeliveredAt, DeliveredWhere, SignedBy, PromisedBy, OrderNumberExample,
            PickupPlace, PickupScan, Parcels, ParcelsCarrier, PartUnfulfilled];

    /// <param name="channel">The marketplace the buyer wrote on ("amazon", "shopify", "ebay"), for an order number in its format; may be empty.</param>
    /// <param name="now">The reply's time: a carrier estimate already past then is not a date the carrier expects.</param>
    /// <param name="events">The shipment's scans, for where a parcel waiting for collection is; none: not known.</param>
    /// <param name="parcels">The parcels a reply about several lists; none: the shipment alone.</param>
    public static IReadOnlyDictionary<string, string?> From(
        OrderState? order, ShipmentState? shipment, ReplyLocale locale, string channel, BuiltInTemplates? words = null, DateTimeOffset? now = null,
        IReadOnlyList<TrackingEvent>? events = null, IReadOnlyList<ShipmentState>? parcels = null)
    {
        words ??= BuiltInTemplates.Default;
        var pod = shipment?.ProofOfDelivery;
        var pickup = PickupPoint.Of(shipment, events ?? []);
        var promised = shipment?.PromisedBy ?? order?.LatestDeliveryDate;
        var listed = Listed(parcels is { Count: > 0 } ? parcels : shipment is null ? [] : [shipment]);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The buyer knows a Shopify order by its name ("#1001"), not by its numeric id: say what they would quote.
            [OrderId] = NullIfEmpty(order is { OrderName.Length: > 0 } ? order.OrderName : order?.OrderId ?? shipment?.Order.OrderId),
            [Carrier] = shipment is null ? null : CarrierNames.Display(shipment.Carrier),
            [TrackingNumber] = NullIfEmpty(shipment?.TrackingNumber),
            [TrackingUrl] = NullIfEmpty(shipment?.TrackingUrl),
            [Status] = shipment is null || shipment.Status == TrackingStatus.Unspecified ? null : words.StatusWords(shipment.Status, locale.Language),
            // A carrier's estimate already past (its day over, for a date-only one) is no day the carrier expects.
            [Eta] = shipment?.EstimatedDelivery is { } eta && shipment.Status != TrackingStatus.Delivered
                && !(now is { } replyTime && DateOnlyPromise.Deadline(eta) < replyTime) ? LocalDates.Date(eta, locale) : null,
            [DeliveredAt] = shipment?.DeliveredAt is { } at ? LocalDates.DateTime(at, locale) : null,
            [DeliveredWhere] = NullIfEmpty(pod?.Location),
            [SignedBy] = NullIfEmpty(pod?.SignedBy),
            [PromisedBy] = promised is { } p ? LocalDates.Date(p, locale) : null,
            [OrderNumberExample] = ExampleOrderNumber(channel),
            [PickupPlace] = pickup.Place,
            [PickupScan] = pickup.ScanText,
            [Parcels] = ParcelLines(listed, locale),
            // The one carrier every listed parcel went with, for "according to DPD" rather than "according to the
            // carriers"; unknown when they went with several.
            [ParcelsCarrier] = listed.Select(p => CarrierNames.Display(p.Carrier)).Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : null,
            [PartUnfulfilled] = order is not null && MarketplaceOrderStatus.IsCompletedInPart(order.Status) ? Flag : null,
        };
    }

    /// <summary>The parcels <c>{{ parcels }}</c> lists: those with a tracking number.</summary>
    private static List<ShipmentState> Listed(IReadOnlyList<ShipmentState> parcels) =>
        parcels.Where(p => !string.IsNullOrWhiteSpace(p.TrackingNumber)).ToList();

    /// <summary>
    /// One line per parcel, "- UPS 1Z999AA10123456784 (4 March 2025 at 14:05, Front door) — https://…", what is known of
    /// each: the reply's words around it say what the parcels have in common. Null when there is none.
    /// </summary>
    private static string? ParcelLines(IReadOnlyList<ShipmentState> parcels, ReplyLocale locale)
    {
        var lines = parcels.Select(p =>
        {
            var delivered = new[] { p.DeliveredAt is { } at ? LocalDates.DateTime(at, locale) : null, NullIfEmpty(p.ProofOfDelivery?.Location) }
                .OfType<string>().ToList();
            return $"- {CarrierNames.Display(p.Carrier)} {p.TrackingNumber}"
                + (delivered.Count > 0 ? $" ({string.Join(", ", delivered)})" : "")
                + (NullIfEmpty(p.TrackingUrl) is { } url ? $" — {url}" : "");
        }).ToList();
        return lines.Count > 0 ? string.Join("\n", lines) : null;
    }

    /// <summary>
    /// What an order number looks like where the buyer bought, so that one asked for it quotes the right one (an eBay
    /// buyer shown an Amazon number hunts for the wrong thing); none for a channel we do not know.
    /// </summary>
    private static string? ExampleOrderNumber(string channel) => channel.Trim().ToLowerInvariant() switch
    {
        "amazon" => "123-1234567-1234567",
        "ebay" => "12-34567-89012",
        "shopify" => "#1001",
        _ => null,
    };

    /// <summary>Sample values for every placeholder, for checking a tenant's template before it is stored.</summary>
    public static IReadOnlyDictionary<string, string?> Sample(ReplyLocale locale)
    {
        var when = new DateTimeOffset(2025, 3, 4, 13, 5, 0, TimeSpan.Zero);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [OrderId] = "123-1234567-1234567",
            [Carrier] = "UPS",
            [TrackingNumber] = "1Z999AA10123456784",
            [TrackingUrl] = "https://www.ups.com/track?tracknum=1Z999AA10123456784",
            [Status] = BuiltInTemplates.Default.StatusWords(TrackingStatus.InTransit, locale.Language),
            [Eta] = LocalDates.Date(when, locale),
            [DeliveredAt] = LocalDates.DateTime(when, locale),
            [DeliveredWhere] = "Front door",
            [SignedBy] = "J. SMITH",
            [PromisedBy] = LocalDates.Date(when, locale),
            [OrderNumberExample] = ExampleOrderNumber("amazon"),
            [PickupPlace] = "59800 Lille",
            [PickupScan] = "Placed in parcel locker 59800-A12, awaiting collection",
            [Parcels] = $"- UPS 1Z999AA10123456784 ({LocalDates.DateTime(when, locale)}, Front door) — https://www.ups.com/track?tracknum=1Z999AA10123456784\n"
                + $"- UPS 1Z999AA10123456795 ({LocalDates.DateTime(when, locale)}) — https://www.ups.com/track?tracknum=1Z999AA10123456795",
            [ParcelsCarrier] = "UPS",
            [PartUnfulfilled] = Flag,
        };
    }

    /// <summary>A set flag's value: a template tests it, it is not meant to be printed.</summary>
    private const string Flag = "yes";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
