using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>Builders for ShipmentUpdate messages.</summary>
public static class Updates
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ShipmentUpdate Change(ulong sequence, string shipmentId = "shp_1", ulong version = 1,
        ShipmentStatus status = ShipmentStatus.InTransit, ChangeKind kind = ChangeKind.StatusChanged,
        ShipmentStatus previous = ShipmentStatus.InfoReceived) =>
        new()
        {
            Sequence = sequence,
            Change = new ShipmentChange
            {
                Kind = kind,
                Kinds = { kind },
                PreviousStatus = kind is ChangeKind.Snapshot or ChangeKind.Created ? ShipmentStatus.Unspecified : previous,
                CommittedAt = Timestamp.FromDateTimeOffset(Epoch.AddSeconds(sequence)),
                Shipment = new Shipment
                {
                    Id = shipmentId,
                    Carrier = "ups",
                    TrackingNumber = "1Z" + shipmentId.ToUpperInvariant(),
                    Status = status,
                    Version = version,
                },
            },
        };

    public static ShipmentUpdate Heartbeat(ulong latestSequence) =>
        new()
        {
            Heartbeat = new Heartbeat
            {
                LatestSequence = latestSequence,
                ServerTime = Timestamp.FromDateTimeOffset(Epoch),
            },
        };
}
