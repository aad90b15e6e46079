using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Tracking;

namespace LogisticsLink.Storage;

/// <summary>
/// Durable state: shipments, their events, and the change log whose sequence orders every stream.
/// Implementations must never let a reader see sequence N+1 before N is committed (DESIGN.md §7), and must not
/// assume one process owns the sequence.
/// </summary>
public interface IShipmentStore
{
    /// <summary>Creates or migrates the schema. Called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoredShipment?> FindAsync(string tenantId, string shipmentId, CancellationToken cancellationToken);

    Task<StoredShipment?> FindByNumberAsync(string tenantId, string carrier, string trackingNumber, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's shipments with this number whatever carrier they are stored under, oldest first, at most
    /// <paramref name="max"/>: the number a buyer quotes finds the parcel even when detection names another carrier
    /// (an FBA report's SMARTPOST parcel is stored as fedex). A number stored after an Amazon Shipping carrier id
    /// (<c>AMZN_US:TBA…</c>) is found by the part the buyer sees (<c>TBA…</c>); a number given with a carrier id
    /// matches only that carrier id.
    /// </summary>
    Task<IReadOnlyList<StoredShipment>> ListByNumberAsync(string tenantId, string trackingNumber, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's shipments of <paramref name="carrier"/> whose number starts with <paramref name="start"/>, ends
    /// with <paramref name="ending"/> and is one of <paramref name="lengths"/> long, oldest first, at most
    /// <paramref name="max"/>: numbers stored with something in between that is no longer part of the stored form (a
    /// USPS barcode's "420" + ZIP routing). Letters may match in either case; callers check what they need.
    /// </summary>
    Task<IReadOnlyList<StoredShipment>> ListByNumberEndsAsync(
        string tenantId, string carrier, string start, string ending, IReadOnlyCollection<int> lengths, int max, CancellationToken cancellationToken);

    /// <summary>The shipment's event history, newest first.</summary>
    Task<IReadOnlyList<TrackingEvent>> GetEventsAsync(string shipmentId, CancellationToken cancellationToken);

    /// <summary>
    /// What applying a snapshot needs of the stored history: the key of every stored event, the newest stored event
    /// and the latest stored delivery. Reads the keys, not the whole history.
    /// </summary>
    Task<KnownEvents> GetKnownEventsAsync(string shipmentId, CancellationToken cancellationToken);

    Task<ShipmentPage> ListAsync(string tenantId, ShipmentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a shipment's new state, its new events and (when it carries one) its change-log entry in one
    /// transaction. Fails with <see cref="ConcurrencyConflictException"/> when the stored row is not the one the
    /// caller read (<see cref="ShipmentCommit.ExpectedRevision"/>), and with <see cref="DuplicateShipmentException"/>
    /// when inserting a (tenant, carrier, number) that exists.
    /// </summary>
    Task<CommitResult> CommitAsync(ShipmentCommit commit, CancellationToken cancellationToken);

    /// <summary>The highest committed sequence (0 when the log is empty).</summary>
    Task<long> GetHeadSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The highest committed sequence with its change's commit time (0 and null when the log is empty). One key lookup.</summary>
    Task<LogPosition> GetHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// When the change at <paramref name="sequence"/> was committed, to the tick, as <see cref="ReadChangesAsync"/>
    /// returns it; null when the log has no change at that sequence. One key lookup.
    /// </summary>
    Task<DateTimeOffset?> GetCommittedAtAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Committed changes with sequence &gt; <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ChangeRecord>> ReadChangesAsync(ChangeQuery query, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> shipments whose next check is due at <paramref name="now"/> (most overdue
    /// first) and that no one else holds a live lease on, until <paramref name="now"/> + <paramref name="leaseFor"/>.
    /// The next commit of a shipment releases its lease; a node that dies leaves the lease to expire, after which
    /// another node picks the shipment up. Each due shipment is handed to one caller at a time, cluster-wide.
    /// </summary>
    Task<IReadOnlyList<StoredShipment>> LeaseDueAsync(DateTimeOffset now, TimeSpan leaseFor, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> shipments, of any tenant, whose <see cref="ShipmentState.RiskCheckAt"/> is due at
    /// <paramref name="now"/>, longest due first: flags that time alone raises may have come due on them.
    /// </summary>
    Task<IReadOnlyList<StoredShipment>> ListRiskChecksDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back leases a caller took until <paramref name="leasedUntil"/> and will not use (the node is stopping), so
    /// another node picks those shipments up at once instead of after the lease runs out. A shipment committed since,
    /// or leased again by someone else, is left as it is. Returns how many leases were given back.
    /// </summary>
    Task<int> ReleaseLeasesAsync(IReadOnlyCollection<string> shipmentIds, DateTimeOffset leasedUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Holds an exclusive lock on one shipment's carrier refresh, cluster-wide, until disposed. Waits for a holder.
    /// </summary>
    Task<IAsyncDisposable> LockRefreshAsync(string shipmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs until cancelled, calling <paramref name="logAdvanced"/> with a hint whenever another process commits a
    /// change ("the log advanced to N"). A hint may be lost; readers must also poll. Completes at once for stores with
    /// no other writers.
    /// </summary>
    Task ListenForChangesAsync(Action<long> logAdvanced, CancellationToken cancellationToken);

    /// <summary>Round-trips to the database; for health checks.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
