using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Streaming;

/// <summary>Turns change-log entries into the messages a stream sends.</summary>
public static class ChangeMessages
{
    public static ShipmentUpdate ToUpdate(ChangeRecord record) =>
        record.Kinds.HasFlag(Domain.Tracking.ChangeKinds.OrderChanged)
            ? new() { Sequence = (ulong)record.Sequence, OrderChange = OrderChange.Parser.ParseFrom(record.Payload) }
            : new() { Sequence = (ulong)record.Sequence, Change = ShipmentChange.Parser.ParseFrom(record.Payload) };

    public static ShipmentUpdate Heartbeat(long latestSequence, DateTimeOffset now) => new()
    {
        Heartbeat = new Heartbeat { LatestSequence = (ulong)latestSequence, ServerTime = Timestamp.FromDateTimeOffset(now) },
    };

    public static ShipmentUpdate Snapshot(Shipment shipment, long sequence, DateTimeOffset now) => new()
    {
        Sequence = (ulong)sequence,
        Change = new ShipmentChange
        {
            Shipment = shipment,
            Kind = ChangeKind.Snapshot,
            Kinds = { ChangeKind.Snapshot },
            CommittedAt = Timestamp.FromDateTimeOffset(now),
        },
    };
}
