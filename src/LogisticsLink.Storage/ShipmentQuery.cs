using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage;

/// <summary>
/// Filters and keyset paging for listing shipments. <see cref="AfterKey"/> 0 starts at the beginning.
/// <see cref="UpdatedSince"/> keeps the shipments whose latest change was committed at or after it (the commit of a
/// change stamps the row in its transaction; a commit without a change does not), whatever their
/// <see cref="ShipmentState.UpdatedAt"/>, which is when the change was built and may be earlier.
/// </summary>
public sealed record ShipmentQuery(
    IReadOnlyCollection<TrackingStatus> Statuses,
    string? OrderId,
    DateTimeOffset? UpdatedSince,
    int PageSize,
    long AfterKey);

/// <summary>A page of shipments; <see cref="NextKey"/> is 0 on the last page.</summary>
public sealed record ShipmentPage(IReadOnlyList<ShipmentState> Shipments, long NextKey);
