using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// What one FedEx status code means once normalized. A null <see cref="Status"/> marks an informational scan (a
/// delivery-option request, a split notice…) that says nothing about where the parcel is: it keeps the status the
/// parcel already had instead of inventing one.
/// </summary>
public sealed record FedExCode(TrackingStatus? Status, string Detail);
