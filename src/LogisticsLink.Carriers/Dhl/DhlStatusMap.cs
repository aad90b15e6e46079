using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>
/// DHL Unified's structured codes, normalized. Every event carries <c>statusCode</c> (pre-transit, transit, delivered,
/// failure, unknown), too coarse to tell a pickup point or a delivery vehicle; parcel-de events since 2024 also carry
/// a short code in <c>status</c> (ZU, PO, LA…), which decides when it is one this table knows. Free-text
/// <c>status</c> values of other divisions ("DELIVERED") are never read as a status: DHL's own example pairs
/// "DELIVERED" with statusCode pre-transit. A failure's cause is narrowed from the texts by <see cref="DhlIncidents"/>.
/// </summary>
public static class DhlStatusMap
{
    public static readonly IReadOnlyDictionary<string, DhlMappedStatus> StatusCodes = new Dictionary<string, DhlMappedStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["pre-transit"] = new(TrackingStatus.InfoReceived, "info_received.pre_transit"),
        ["transit"] = new(TrackingStatus.InTransit, "in_transit.on_the_way"),
        ["delivered"] = new(TrackingStatus.Delivered, "delivered.address"),
        // Non-terminal by default: DHL's failures are mostly delays and holds; the text narrows them.
        ["failure"] = new(TrackingStatus.Exception, "exception.carrier"),
    };

    /// <summary>statusCode "unknown": says nothing about where the parcel is.</summary>
    public const string UnknownStatusCode = "unknown";

    /// <summary>
    /// parcel-de short codes (DHL's <c>status_1.csv</c>). BV, ZO, DD and GT are informational: they defer to the
    /// event's statusCode (BV/ZO arrive with "failure", and are exceptions then).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, DhlMappedStatus?> ParcelDeCodes = new Dictionary<string, DhlMappedStatus?>(StringComparer.Ordinal)
    {
        ["VA"] = new(TrackingStatus.InfoReceived, "info_received.pre_advice"),
        ["AE"] = new(TrackingStatus.InTransit, "in_transit.picked_up"),
        ["ES"] = new(TrackingStatus.InTransit, "in_transit.processed"),
        ["AA"] = new(TrackingStatus.InTransit, "in_transit.processed"),
        ["EE"] = new(TrackingStatus.InTransit, "in_transit.processed"),
        ["NB"] = new(TrackingStatus.InTransit, "in_transit.processed"),
        ["PO"] = new(TrackingStatus.OutForDelivery, "out_for_delivery.on_vehicle"),
        ["LA"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.held_for_pickup"),
        ["ZF"] = new(TrackingStatus.AvailableForPickup, "available_for_pickup.pickup_point"),
        ["ZN"] = new(TrackingStatus.AttemptFailed, "attempt_failed.attempted"),
        ["ZU"] = new(TrackingStatus.Delivered, "delivered.address"),
        ["AN"] = new(TrackingStatus.Exception, "exception.pickup_failed"),
        ["BV"] = null,
        ["ZO"] = null,
        ["DD"] = null,
        ["GT"] = null,
    };

    /// <summary>
    /// One event's meaning: the parcel-de code when it names a status, else the statusCode, narrowed by the texts;
    /// null when neither says anything (statusCode unknown or absent, or one this table does not know).
    /// </summary>
    public static DhlMappedStatus? Map(string statusCode, string status, string text)
    {
        var mapped = ParcelDeCodes.TryGetValue(status.Trim(), out var parcelDe) && parcelDe is not null
            ? parcelDe
            : StatusCodes.TryGetValue(statusCode.Trim(), out var coarse) ? coarse : null;
        return mapped is null ? null : DhlIncidents.Refine(mapped, text);
    }

    /// <summary>True when statusCode is one DHL documents (unknown included), so an unmapped event is informational, not unreadable.</summary>
    public static bool IsDocumented(string statusCode) =>
        StatusCodes.ContainsKey(statusCode.Trim()) || statusCode.Trim().Equals(UnknownStatusCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The raw code kept with the event: "transit", or "transit/PO" when a parcel-de short code came with it.</summary>
    public static string RawCode(string statusCode, string status) =>
        ParcelDeCodes.ContainsKey(status.Trim()) ? $"{statusCode.Trim()}/{status.Trim()}" : statusCode.Trim();
}
