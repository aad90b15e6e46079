using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage;

/// <summary>A shipment as read from the store, with the row revision needed to write it back.</summary>
public sealed record StoredShipment(ShipmentState State, long Revision);
