using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Client;

/// <summary>
/// The resume bookkeeping of one watch, kept apart from the I/O so it can be tested alone. It decides which
/// updates reach the caller and what to ask for on a reconnect, so that across reconnects the caller sees every change
/// once: no gap, no duplicate.
/// </summary>
/// <remarks>
/// A snapshot is all-or-nothing: a reconnect in the middle of it cannot resume without the shipments not sent yet.
/// Until the first non-snapshot update proves the snapshot complete, a reconnect asks for the whole snapshot again,
/// from the position its items carried (the lowest, should a server send several), so the server also replays what
/// the snapshot cannot show, order changes, committed since; items already yielded (same shipment, same version) are
/// dropped. After the snapshot, a change to a shipment no newer than the version the snapshot showed is dropped too:
/// the server skips such changes on the call that sent the snapshot, but a resumed call replays the log and would send them.
/// </remarks>
internal sealed class WatchCursor
{
    private readonly WatchShipmentsRequest original;
    private ulong position;
    private bool inSnapshot;
    private ulong snapshotHigh;

    // The server has said where this watch stands in its log; from then on a 0 is a position (a stream begun on an
    // empty log starts there), which a reconnect must resume from rather than start live again.
    private bool positioned;
    // Each position goes with the commit time of the change at it (null when unknown), sent on resume so the server
    // can tell its own log from a restored or recreated one that reuses the numbers.
    private Timestamp? positionCommittedAt;
    private Timestamp? snapshotHighCommittedAt;

    // Where the snapshot started in the log: a reconnect inside it asks for the snapshot again from there.
    private ulong snapshotStart;
    private Timestamp? snapshotStartCommittedAt;
    private Dictionary<string, ulong>? snapshotVersions;

    // After the snapshot: the versions it showed, for shipments that have not changed since.
    private Dictionary<string, ulong>? shownVersions;

    public WatchCursor(WatchShipmentsRequest request)
    {
        original = request.Clone();
        position = request.ResumeAfterSequence;
        positionCommittedAt = request.ResumeAfterCommittedAt?.Clone();
        snapshotStart = request.ResumeAfterSequence;
        snapshotStartCommittedAt = positionCommittedAt;
        inSnapshot = request.SendSnapshot;
        snapshotVersions = inSnapshot ? new Dictionary<string, ulong>(StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// The sequence a new watch should resume after: every matching change up to it has been yielded. Stays at the
    /// requested value while a snapshot is incomplete.
    /// </summary>
    public ulong Position => inSnapshot ? original.ResumeAfterSequence : position;

    /// <summary>When the change at <see cref="Position"/> was committed; null when not known (or at 0).</summary>
    public Timestamp? CommittedAt => inSnapshot ? original.ResumeAfterCommittedAt : positionCommittedAt;

    /// <summary>True while the snapshot that was asked for has not been seen to complete.</summary>
    public bool InSnapshot => inSnapshot;

    /// <summary>
    /// The request for the next call: the snapshot again, from where it started, until it completes; then a plain resume.
    /// </summary>
    public WatchShipmentsRequest NextRequest()
    {
        var request = original.Clone();
        request.ResumeAfterSequence = inSnapshot ? snapshotStart : position;
        request.ResumeAfterCommittedAt = (inSnapshot ? snapshotStartCommittedAt : positionCommittedAt)?.Clone();
        request.SendSnapshot = inSnapshot;
        request.ResumeFromZero = original.ResumeFromZero || positioned;
        return request;
    }

    /// <summary>Records <paramref name="update"/> and says whether the caller should see it.</summary>
    public bool Accept(ShipmentUpdate update)
    {
        switch (update.UpdateCase)
        {
            case ShipmentUpdate.UpdateOneofCase.Heartbeat:
                positioned = true;
                EndSnapshot();
                // The server sends a heartbeat only once every matching change up to latest_sequence was delivered.
                MoveTo(update.Heartbeat.LatestSequence, update.Heartbeat.LatestCommittedAt);
                return true;

            case ShipmentUpdate.UpdateOneofCase.Change when update.Change.Kind == ChangeKind.Snapshot:
                return AcceptSnapshotItem(update);

            case ShipmentUpdate.UpdateOneofCase.Change:
            case ShipmentUpdate.UpdateOneofCase.OrderChange:
                EndSnapshot();
                if (update.Sequence == 0)
                {
                    // Not a log position: nothing to resume from or to compare, so pass it on untouched.
                    return true;
                }

                if (update.Sequence <= position)
                {
                    // Already yielded before a reconnect (the server replayed its last message), or older than the
                    // requested resume point: the caller must not see it twice.
                    return false;
                }

                position = update.Sequence;
                positioned = true;
                positionCommittedAt = (update.Change?.CommittedAt ?? update.OrderChange?.CommittedAt)?.Clone();
                return !AlreadyShown(update);

            default:
                // A kind of update this client version does not know; it carries no position we could trust.
                return false;
        }
    }

    private bool AcceptSnapshotItem(ShipmentUpdate update)
    {
        if (!inSnapshot)
        {
            // A snapshot item outside the snapshot phase is state, not a change: show it, but never let its
            // (per-shipment, unordered) sequence move the resume position.
            return true;
        }

        // Every item carries the position the stream starts from, 0 on an empty log.
        positioned = true;
        var shipment = update.Change.Shipment;
        var id = shipment?.Id ?? "";
        var version = shipment?.Version ?? 0;
        if (snapshotVersions!.TryGetValue(id, out var seen) && seen == version)
        {
            return false;
        }

        snapshotVersions[id] = version;
        var committedAt = update.Change.PositionCommittedAt;
        if (update.Sequence > snapshotHigh)
        {
            snapshotHigh = update.Sequence;
            snapshotHighCommittedAt = committedAt?.Clone();
        }

        if (update.Sequence > 0 && (snapshotStart == 0 || update.Sequence < snapshotStart))
        {
            snapshotStart = update.Sequence;
            snapshotStartCommittedAt = committedAt?.Clone();
        }

        return true;
    }

    private void EndSnapshot()
    {
        if (!inSnapshot)
        {
            return;
        }

        // Every snapshot item reflects the log up to its sequence, so the highest one is a safe resume point; live
        // changes after the snapshot all come later in the log.
        inSnapshot = false;
        MoveTo(snapshotHigh, snapshotHighCommittedAt);
        shownVersions = snapshotVersions;
        snapshotVersions = null;
    }

    /// <summary>Moves to <paramref name="sequence"/> unless already past it (a position never moves backwards).</summary>
    private void MoveTo(ulong sequence, Timestamp? committedAt)
    {
        if (sequence > position)
        {
            position = sequence;
            positionCommittedAt = committedAt?.Clone();
        }
        else if (sequence == position && positionCommittedAt is null)
        {
            // The same position, now with its time (a caller resuming from a saved sequence alone).
            positionCommittedAt = committedAt?.Clone();
        }
    }

    /// <summary>A change whose shipment the snapshot already showed at this version or a later one.</summary>
    private bool AlreadyShown(ShipmentUpdate update)
    {
        if (shownVersions is null || update.UpdateCase != ShipmentUpdate.UpdateOneofCase.Change || update.Change.Shipment is not { } shipment
            || !shownVersions.TryGetValue(shipment.Id, out var shown))
        {
            return false;
        }

        if (shipment.Version <= shown)
        {
            return true;
        }

        // Versions only grow along the log: nothing later for this shipment can be older than what the snapshot showed.
        shownVersions.Remove(shipment.Id);
        return false;
    }
}
