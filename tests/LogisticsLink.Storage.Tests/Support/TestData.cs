using System.Text;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage.Tests.Support;

/// <summary>Small builders for shipments, events and commits. Customize the returned records with <c>with</c>.</summary>
internal static class TestData
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    /// <summary>A fixed, tick-precise instant every test builds its times from.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static CancellationToken Ct => CancellationToken.None;

    /// <summary>A fresh, minimal shipment: every optional field at its default. The id is unique per call.</summary>
    public static ShipmentState Shipment(string trackingNumber, string tenant = TenantA, string carrier = "ups") => new()
    {
        Id = "shp_" + Guid.NewGuid().ToString("N"),
        TenantId = tenant,
        Carrier = carrier,
        TrackingNumber = trackingNumber,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    /// <summary>A shipment with every field set to a non-default value.</summary>
    public static ShipmentState FullShipment(string trackingNumber, string tenant = TenantA) => Shipment(trackingNumber, tenant, "dhl") with
    {
        Status = TrackingStatus.OutForDelivery,
        StatusDetail = "out_for_delivery.courier",
        StatusDescription = "With courier – «Zustellung» \"heute\"",
        TrackingUrl = "https://example.test/track?n=" + trackingNumber + "&lang=de",
        EstimatedDelivery = T0.AddDays(1).AddTicks(1),
        EstimatedDeliveryAsOf = T0.AddMinutes(-7).AddTicks(8),
        DeliveredAt = T0.AddHours(5).AddTicks(2),
        LastEventAt = T0.AddHours(-1).AddTicks(3),
        FirstScanAt = T0.AddHours(-2).AddTicks(7),
        LastCheckedAt = T0.AddMinutes(-5).AddTicks(4),
        SummaryTerminalSince = T0.AddMinutes(-9).AddTicks(9),
        NotPolled = true,
        TrackedByCaller = true,
        ShippedByAmazon = true,
        Stale = true,
        Version = 42,
        Order = new OrderLink("shopify", "order-1001"),
        Labels = new Dictionary<string, string> { ["priority"] = "high", ["région"] = "Île-de-France", ["quote\"d"] = "{}" },
        CreatedAt = T0.AddDays(-3),
        UpdatedAt = T0.AddTicks(5),
        NextCheckAt = T0.AddMinutes(30).AddTicks(6),
        ConsecutiveFailures = 3,
    };

    public static TrackingEvent Scan(
        DateTimeOffset occurredAt,
        TrackingStatus status = TrackingStatus.InTransit,
        string rawCode = "IT",
        string city = "Berlin",
        string description = "In transit",
        DateTimeOffset? ingestedAt = null,
        TrackingLocation? location = null,
        string statusDetail = "in_transit.hub",
        string source = "carrier-api") =>
        new(occurredAt, status, statusDetail, description, rawCode,
            location ?? new TrackingLocation(city, "BE", "10115", "DE"), source, ingestedAt ?? T0);

    public static byte[] PayloadFor(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Insert of a new shipment; logged (with <paramref name="payload"/>) unless the payload is null.</summary>
    public static ShipmentCommit Insert(ShipmentState state, byte[]? payload = null, params TrackingEvent[] events) =>
        new(state, 0, events, ChangeKinds.Created, TrackingStatus.Unspecified, payload);

    /// <summary>Update of a stored shipment read at <paramref name="expectedRevision"/>.</summary>
    public static ShipmentCommit Update(
        ShipmentState state, long expectedRevision, TrackingStatus previousStatus, byte[]? payload = null, params TrackingEvent[] events) =>
        new(state, expectedRevision, events, ChangeKinds.StatusChanged, previousStatus, payload);

    /// <summary>A logged insert: the payload is the shipment id, so a change can be matched to its shipment.</summary>
    public static ShipmentCommit LoggedInsert(ShipmentState state) => Insert(state, PayloadFor(state.Id));

    public static ChangeQuery Changes(string? tenant = null, string[]? shipmentIds = null, TrackingStatus[]? statuses = null) =>
        new(tenant, shipmentIds ?? [], statuses ?? []);

    public static ShipmentQuery Query(
        int pageSize = 100, long afterKey = 0, TrackingStatus[]? statuses = null, string? orderId = null, DateTimeOffset? updatedSince = null) =>
        new(statuses ?? [], orderId, updatedSince, pageSize, afterKey);
}
