using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;
using LogisticsLink.V1;
using DomainEvent = LogisticsLink.Domain.Shipments.TrackingEvent;
using ProtoEvent = LogisticsLink.V1.TrackingEvent;

namespace LogisticsLink.Server.Mapping;

/// <summary>Domain model → contract messages. The status enums share their numbers, so statuses are casts.</summary>
public static class ShipmentMapper
{
    public static Shipment ToProto(ShipmentState s, IEnumerable<DomainEvent> events)
    {
        var shipment = new Shipment
        {
            Id = s.Id,
            Carrier = s.Carrier,
            TrackingNumber = s.TrackingNumber,
            Status = (ShipmentStatus)s.Status,
            StatusDetail = s.StatusDetail,
            StatusDescription = s.StatusDescription,
            TrackingUrl = s.TrackingUrl,
            EstimatedDelivery = ToTimestamp(s.EstimatedDelivery),
            DeliveredAt = ToTimestamp(s.DeliveredAt),
            LastEventAt = ToTimestamp(s.LastEventAt),
            LastCheckedAt = ToTimestamp(s.LastCheckedAt),
            Stale = s.Stale,
            Version = (ulong)s.Version,
            Order = s.Order.IsNone ? null : new OrderReference { Channel = s.Order.Channel, OrderId = s.Order.OrderId },
            CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(s.UpdatedAt),
        };
        if (s.DeliveryWindow is { } window)
        {
            shipment.DeliveryWindow = new V1.DeliveryWindow { Start = Timestamp.FromDateTimeOffset(window.Start), End = Timestamp.FromDateTimeOffset(window.End) };
        }
        if (s.ProofOfDelivery is { } pod)
        {
            shipment.ProofOfDelivery = new V1.ProofOfDelivery
            {
                SignedBy = pod.SignedBy, DeliveryLocation = pod.Location, HasSignature = pod.HasSignature, HasPhoto = pod.HasPhoto,
            };
        }
        shipment.PromisedBy = ToTimestamp(s.PromisedBy);
        shipment.Risks.Add(s.Risks.Select(ToProto));
        foreach (var (key, value) in s.Labels)
        {
            shipment.Labels[key] = value;
        }
        foreach (var e in events)
        {
            shipment.Events.Add(ToProto(e));
        }
        return shipment;
    }

    public static V1.RiskFlag ToProto(Domain.Risks.RiskFlag r) => new()
    {
        Kind = (RiskKind)r.Kind,
        Reason = r.Reason,
        Since = Timestamp.FromDateTimeOffset(r.Since),
        ActionRequired = r.ActionRequired,
    };

    public static ProtoEvent ToProto(DomainEvent e) => new()
    {
        OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
        Status = (ShipmentStatus)e.Status,
        StatusDetail = e.StatusDetail,
        Description = e.Description,
        RawCode = e.RawCode,
        Location = e.Location == TrackingLocation.Unknown ? null : new Location
        {
            City = e.Location.City,
            Region = e.Location.Region,
            PostalCode = e.Location.PostalCode,
            CountryCode = e.Location.CountryCode,
        },
        Source = e.Source,
        IngestedAt = Timestamp.FromDateTimeOffset(e.IngestedAt),
    };

    /// <summary>The change message stored in the log; the sequence is added when it is sent.</summary>
    public static ShipmentChange ToChange(ShipmentChangeSet changes) => new()
    {
        Shipment = ToProto(changes.State, changes.AddedEvents),
        Kind = PrimaryKind(changes.Kinds),
        Kinds = { KindsOf(changes.Kinds) },
        PreviousStatus = (ShipmentStatus)changes.PreviousStatus,
        CommittedAt = Timestamp.FromDateTimeOffset(changes.State.UpdatedAt),
    };

    private static readonly (ChangeKinds Flag, ChangeKind Kind)[] KindOrder =
    [
        (ChangeKinds.Created, ChangeKind.Created),
        (ChangeKinds.StatusChanged, ChangeKind.StatusChanged),
        (ChangeKinds.EtaChanged, ChangeKind.EtaChanged),
        (ChangeKinds.EventsAdded, ChangeKind.EventsAdded),
        (ChangeKinds.RisksChanged, ChangeKind.RisksChanged),
        (ChangeKinds.DetailsChanged, ChangeKind.DetailsChanged),
        (ChangeKinds.StaleChanged, ChangeKind.StaleChanged),
    ];

    private static IEnumerable<ChangeKind> KindsOf(ChangeKinds kinds) =>
        KindOrder.Where(k => kinds.HasFlag(k.Flag)).Select(k => k.Kind);

    private static ChangeKind PrimaryKind(ChangeKinds kinds) => KindsOf(kinds).FirstOrDefault(ChangeKind.Unspecified);

    public static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
