using System.Text.Json;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage.Sql;

/// <summary>
/// The parts of a shipment that are read with it but never filtered on (risks, promise, delivery window, proof of
/// delivery, whether the order's marketplace lists it and when it says the parcel shipped, when the estimate was
/// current, when a terminal status came from a summary, whether its status comes only from its marketplace, whether Amazon
/// ships it), kept as one JSON column so the row stays narrow and new parts need no migration.
/// </summary>
internal static class ShipmentExtras
{
    // Absent parts are left out rather than written as nulls: most rows hold one or two of them.
    private static readonly JsonSerializerOptions Compact = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record Extras(
        IReadOnlyList<RiskFlag>? Risks, DateTimeOffset? PromisedBy, DeliveryWindow? Window, ProofOfDelivery? Proof, bool? Listed = null,
        DateTimeOffset? Shipped = null, DateTimeOffset? EtaAsOf = null, DateTimeOffset? TerminalSince = null, bool? NotPolled = null,
        bool? Caller = null, bool? ByAmazon = null);

    private static readonly Extras None = new(null, null, null, null);

    public static string Write(ShipmentState s)
    {
        var extras = new Extras(
            s.Risks.Count == 0 ? null : s.Risks, s.PromisedBy, s.DeliveryWindow, s.ProofOfDelivery, s.ListedByMarketplace ? true : null,
            s.StatedShippedAt, s.EstimatedDeliveryAsOf, s.SummaryTerminalSince, s.NotPolled ? true : null,
            s.TrackedByCaller ? true : null, s.ShippedByAmazon ? true : null);
        // Most shipments have none of them: no serializer call for those.
        return extras == None ? "{}" : JsonSerializer.Serialize(extras, Compact);
    }

    public static ShipmentState WithExtras(this ShipmentState s, string json)
    {
        if (json == "{}")
        {
            return s;
        }
        var extras = JsonSerializer.Deserialize<Extras>(json)!;
        return s with
        {
            Risks = extras.Risks ?? RiskFlags.None,
            PromisedBy = extras.PromisedBy,
            DeliveryWindow = extras.Window,
            ProofOfDelivery = extras.Proof,
            ListedByMarketplace = extras.Listed == true,
            StatedShippedAt = extras.Shipped,
            EstimatedDeliveryAsOf = extras.EtaAsOf,
            SummaryTerminalSince = extras.TerminalSince,
            NotPolled = extras.NotPolled == true,
            TrackedByCaller = extras.Caller == true,
            ShippedByAmazon = extras.ByAmazon == true,
        };
    }
}
