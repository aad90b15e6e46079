using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dpd;

/// <summary>What one DPD lifecycle status means once normalized.</summary>
public sealed record DpdCode(TrackingStatus Status, string Detail);
