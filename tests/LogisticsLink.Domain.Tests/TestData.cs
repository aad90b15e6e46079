using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Domain.Tests;

/// <summary>Fixed instants, so every test reads as "hours after the parcel was registered".</summary>
internal static class Times
{
    /// <summary>When the test shipment is registered.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Hours(double hours) => T0.AddHours(hours);

    public static DateTimeOffset Minutes(double minutes) => T0.AddMinutes(minutes);
}

/// <summary>Builds carrier scans with sensible defaults: only what a test cares about has to be spelled out.</summary>
internal static class Scan
{
    public static readonly TrackingLocation Lyon = new("Lyon", "ARA", "69001", "FR");
    public static readonly TrackingLocation Paris = new("Paris", "IDF", "75001", "FR");

    public static TrackingEvent Of(
        TrackingStatus status,
        DateTimeOffset occurredAt,
        string? rawCode = null,
        string? description = null,
        string? detail = null,
        TrackingLocation? location = null) =>
        new(
            occurredAt,
            status,
            detail ?? DefaultDetail(status),
            description ?? DefaultDescription(status),
            rawCode ?? DefaultRawCode(status),
            location ?? Lyon,
            Source: "carrier",
            IngestedAt: default);

    public static TrackingEvent InfoReceived(DateTimeOffset at) => Of(TrackingStatus.InfoReceived, at);
    public static TrackingEvent InTransit(DateTimeOffset at) => Of(TrackingStatus.InTransit, at);
    public static TrackingEvent OutForDelivery(DateTimeOffset at) => Of(TrackingStatus.OutForDelivery, at);
    public static TrackingEvent Delivered(DateTimeOffset at) => Of(TrackingStatus.Delivered, at);
    public static TrackingEvent Returning(DateTimeOffset at) => Of(TrackingStatus.Returning, at);
    public static TrackingEvent Exception(DateTimeOffset at) => Of(TrackingStatus.Exception, at);

    private static string DefaultRawCode(TrackingStatus status) => status switch
    {
        TrackingStatus.InfoReceived => "MP",
        TrackingStatus.InTransit => "AR",
        TrackingStatus.OutForDelivery => "OT",
        TrackingStatus.Delivered => "DL",
        TrackingStatus.Exception => "X1",
        TrackingStatus.Returning => "RS",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string DefaultDetail(TrackingStatus status) => status switch
    {
        TrackingStatus.Delivered => "delivered.front_door",
        TrackingStatus.Exception => "exception.address_issue",
        _ => "",
    };

    private static string DefaultDescription(TrackingStatus status) => status switch
    {
        TrackingStatus.InfoReceived => "Shipping label created",
        TrackingStatus.InTransit => "Arrived at sorting facility",
        TrackingStatus.OutForDelivery => "Out for delivery",
        TrackingStatus.Delivered => "Delivered, left at front door",
        TrackingStatus.Exception => "Address incomplete, carrier will contact recipient",
        TrackingStatus.Returning => "Returning to sender",
        _ => status.ToString(),
    };
}

/// <summary>Builds carrier snapshots.</summary>
internal static class Snapshot
{
    /// <summary>A carrier answer with events only: the newest event decides the status.</summary>
    public static CarrierSnapshot WithEvents(params TrackingEvent[] events) => new(null, events);

    /// <summary>A carrier answer that also states an overall status.</summary>
    public static CarrierSnapshot Reporting(TrackingStatus status, params TrackingEvent[] events) => new(status, events);

    /// <summary>The carrier answered but had nothing at all to say.</summary>
    public static CarrierSnapshot Empty => new(null, []);
}

internal static class Shipment
{
    public static readonly OrderLink AmazonOrder = new("amazon", "113-1234567-1234567");

    public static ShipmentChangeSet Register(DateTimeOffset now, OrderLink? order = null, IReadOnlyDictionary<string, string>? labels = null) =>
        Tracker.Register("shp_1", "tenant_a", "ups", "1Z999AA10123456784",
            order ?? AmazonOrder, labels ?? new Dictionary<string, string> { ["warehouse"] = "lyon" }, now);

    /// <summary>A shipment state in a given status without going through the tracker (for the scheduler).</summary>
    public static ShipmentState InStatus(
        TrackingStatus status,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? lastCheckedAt = null,
        int consecutiveFailures = 0) => new()
        {
            Id = "shp_1",
            TenantId = "tenant_a",
            Carrier = "ups",
            TrackingNumber = "1Z999AA10123456784",
            Status = status,
            CreatedAt = createdAt ?? Times.T0,
            UpdatedAt = createdAt ?? Times.T0,
            LastCheckedAt = lastCheckedAt,
            ConsecutiveFailures = consecutiveFailures,
            Version = 1,
        };
}
