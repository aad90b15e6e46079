using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Storage;

/// <summary>Filters and keyset paging for listing shipments. <see cref="AfterKey"/> 0 starts at the beginning.</summary>
public sealed record ShipmentQuery(
    IReadOnlyCollection<TrackingStatus> Statuses,
    string? OrderId,
    DateTimeOffset? UpdatedSince,
    int PageSize,
    long AfterKey);

/// <summary>A page of shipments; <see cref="NextKey"/> is 0 on the last page.</summary>
public sealed record ShipmentPage(IReadOnlyList<ShipmentState> Shipments, long NextKey);
