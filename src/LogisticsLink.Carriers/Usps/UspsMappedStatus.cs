using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Usps;

/// <summary>A USPS event code normalized: the taxonomy value and its <c>status_detail</c> sub-code.</summary>
public sealed record UspsMappedStatus(TrackingStatus Status, string Detail);
