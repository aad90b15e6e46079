using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Ups;

/// <summary>A UPS status normalized: the taxonomy value and its <c>status_detail</c> sub-code.</summary>
public sealed record UpsMappedStatus(TrackingStatus Status, string Detail);
