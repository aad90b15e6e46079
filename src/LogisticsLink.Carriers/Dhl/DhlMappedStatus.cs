using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>A DHL event normalized: the taxonomy value and its <c>status_detail</c> sub-code.</summary>
public sealed record DhlMappedStatus(TrackingStatus Status, string Detail);
