using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Carriers.LaPoste;

/// <summary>
/// What one La Poste event code means once normalized. A null <see cref="Status"/> marks an informational event
/// (customs information) that says nothing about where the parcel is: it keeps the status the parcel already had.
/// </summary>
public sealed record LaPosteCode(TrackingStatus? Status, string Detail);
