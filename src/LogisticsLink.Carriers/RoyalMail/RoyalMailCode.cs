using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// What one Royal Mail event code means once normalized. A null <see cref="Status"/> marks an event that says
/// nothing about where the item is (a redelivery request): it keeps the status the item already had.
/// </summary>
public sealed record RoyalMailCode(TrackingStatus? Status, string Detail);
