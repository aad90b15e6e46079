using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>Builders for ShipmentUpdate messages.</summary>
public static class Updates
{
    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When the scripted log committed the change at <paramref name="sequence"/> (null at 0: no change there).</summary>
    public static Timestamp? At(ulong sequence) =>
        sequence == 0 ? null : Timestamp.FromDateTimeOffset(Epoch.AddSeconds(sequence).AddTicks(7));

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
                CommittedAt = kind == ChangeKind.Snapshot ? Timestamp.FromDateTimeOffset(Epoch) : At(sequence),
                PositionCommittedAt = kind == ChangeKind.Snapshot ? At(sequence) : null,
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
                LatestCommittedAt = At(latestSequence),
            },
        };
}
