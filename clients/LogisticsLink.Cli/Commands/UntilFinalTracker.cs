using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary>
/// Decides when <c>watch --until-final</c> may stop: once every watched shipment has a terminal status. The watched set
/// is the ids given, or, without ids, the shipments in the snapshot (closed by the first update after it).
/// </summary>
/// <remarks>
/// States are compared by shipment version, so an older view (a snapshot item, a replayed change) arriving after a
/// newer one (a GetShipment answer) cannot move a shipment back out of its terminal status.
/// </remarks>
internal sealed class UntilFinalTracker
{
    private readonly Dictionary<string, (ShipmentStatus Status, ulong Version)> watched;
    private bool snapshotOpen;

    public UntilFinalTracker(IReadOnlyCollection<string> shipmentIds)
    {
        watched = shipmentIds.Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, _ => (ShipmentStatus.Unspecified, 0UL), StringComparer.Ordinal);
        snapshotOpen = watched.Count == 0;
    }

    public int Count => watched.Count;

    public bool IsDone => !snapshotOpen && watched.Values.All(v => StatusNames.IsTerminal(v.Status));

    /// <summary>Records a shipment's state (from GetShipment or a change), if it is watched and not older than known.</summary>
    public void Observe(Shipment shipment)
    {
        if (watched.TryGetValue(shipment.Id, out var known) && shipment.Version >= known.Version)
        {
            watched[shipment.Id] = (shipment.Status, shipment.Version);
        }
    }

    public void Observe(ShipmentUpdate update)
    {
        if (update.Change is { Kind: ChangeKind.Snapshot, Shipment: { } item } && snapshotOpen)
        {
            watched.TryAdd(item.Id, (ShipmentStatus.Unspecified, 0UL));
            Observe(item);
            return;
        }

        snapshotOpen = false;
        if (update.Change?.Shipment is { } shipment)
        {
            Observe(shipment);
        }
    }
}
