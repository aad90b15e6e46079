using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>What one Amazon Shipping status or event code means once normalized.</summary>
public sealed record AmazonCode(TrackingStatus Status, string Detail);
