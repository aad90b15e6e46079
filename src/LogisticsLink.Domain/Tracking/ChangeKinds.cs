namespace LogisticsLink.Domain.Tracking;

/// <summary>What a change did to a shipment. One committed change may carry several kinds.</summary>
[Flags]
public enum ChangeKinds
{
    None = 0,
    Created = 1,
    StatusChanged = 2,
    EventsAdded = 4,
    EtaChanged = 8,
    StaleChanged = 16,
    DetailsChanged = 32,
    RisksChanged = 64,

    /// <summary>Not a shipment change: the log entry is an order's (its payload is an order).</summary>
    OrderChanged = 128,
}
