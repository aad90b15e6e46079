using LogisticsLink.Domain.Tracking;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Streaming;

/// <summary>
/// The changes a snapshot already shows. A snapshot is read after the log's head, so changes committed in between
/// may be in it and also arrive as live changes; sent after it, they would show the shipment a step back for a
/// moment. A change to a snapshot shipment at a version the snapshot already has is therefore not sent (the
/// per-shipment version counts the shipment's logged changes). Only changes up to the head read after the snapshot
/// can be covered; once the stream is past it, the coverage is dropped.
/// </summary>
internal sealed class SnapshotCoverage
{
    private readonly Dictionary<string, ulong> _versions;

    private SnapshotCoverage(Dictionary<string, ulong> versions, long readThrough)
    {
        _versions = versions;
        ReadThrough = readThrough;
    }

    /// <summary>The head of the log read after the snapshot: no later change can be in it.</summary>
    public long ReadThrough { get; }

    public bool Covers(ChangeRecord change) =>
        change.Sequence <= ReadThrough
        && !change.Kinds.HasFlag(ChangeKinds.OrderChanged)
        && _versions.TryGetValue(change.ShipmentId, out var version)
        && (ulong)change.Version <= version;

    /// <summary>
    /// Notes each shipment's version as the snapshot is sent, so only ids and versions are held, never the shipments.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, ulong> _versions = new(StringComparer.Ordinal);

        public void Add(Shipment shipment) => _versions[shipment.Id] = shipment.Version;

        /// <summary>Null when nothing was committed while the snapshot was read.</summary>
        public SnapshotCoverage? Build(long headBefore, long headAfter) =>
            headAfter > headBefore && _versions.Count > 0 ? new SnapshotCoverage(_versions, headAfter) : null;
    }
}
