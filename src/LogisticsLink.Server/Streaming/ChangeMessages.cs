using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Streaming;

/// <summary>Turns change-log entries into the messages a stream sends.</summary>
public static class ChangeMessages
{
    /// <summary>
    /// The message a logged change becomes, parsed (streams send the stored bytes unparsed: <see cref="UpdateWriter"/>).
    /// <c>committed_at</c> is the log's, stamped when the change was committed.
    /// </summary>
    public static ShipmentUpdate ToUpdate(ChangeRecord record)
    {
        var committedAt = Timestamp.FromDateTimeOffset(record.CommittedAt);
        if (record.Kinds.HasFlag(Domain.Tracking.ChangeKinds.OrderChanged))
        {
            var order = OrderChange.Parser.ParseFrom(record.Payload);
            order.CommittedAt = committedAt;
            return new ShipmentUpdate { Sequence = (ulong)record.Sequence, OrderChange = order };
        }
        var change = ShipmentChange.Parser.ParseFrom(record.Payload);
        change.CommittedAt = committedAt;
        return new ShipmentUpdate { Sequence = (ulong)record.Sequence, Change = change };
    }

    /// <summary>A heartbeat naming <paramref name="latest"/>, with its change's commit time (none at 0, the empty log).</summary>
    public static ShipmentUpdate Heartbeat(LogPosition latest, DateTimeOffset now) => new()
    {
        Heartbeat = new Heartbeat
        {
            LatestSequence = (ulong)latest.Sequence,
            ServerTime = Timestamp.FromDateTimeOffset(now),
            LatestCommittedAt = TimestampOf(latest),
        },
    };

    /// <summary>A snapshot item: the shipment as read at <paramref name="now"/>, at least as of <paramref name="position"/>.</summary>
    public static ShipmentUpdate Snapshot(Shipment shipment, LogPosition position, DateTimeOffset now) => new()
    {
        Sequence = (ulong)position.Sequence,
        Change = new ShipmentChange
        {
            Shipment = shipment,
            Kind = ChangeKind.Snapshot,
            Kinds = { ChangeKind.Snapshot },
            CommittedAt = Timestamp.FromDateTimeOffset(now),
            PositionCommittedAt = TimestampOf(position),
        },
    };

    private static Timestamp? TimestampOf(LogPosition position) =>
        position.CommittedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null;
}
