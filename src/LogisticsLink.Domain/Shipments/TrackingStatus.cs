namespace LogisticsLink.Domain.Shipments;

/// <summary>
/// The normalized status taxonomy. Numeric values equal the contract's <c>ShipmentStatus</c> values, so mapping is a cast.
/// </summary>
public enum TrackingStatus
{
    Unspecified = 0,
    Pending = 1,
    NotFound = 2,
    InfoReceived = 3,
    InTransit = 4,
    OutForDelivery = 5,
    AttemptFailed = 6,
    AvailableForPickup = 7,
    Delivered = 8,
    Exception = 9,
    Returning = 10,
    Returned = 11,
    Lost = 12,
    Cancelled = 13,
    Expired = 14,
}

public static class TrackingStatusExtensions
{
    public static bool IsTerminal(this TrackingStatus status) => status is
        TrackingStatus.Delivered or TrackingStatus.Returned or TrackingStatus.Lost or
        TrackingStatus.Cancelled or TrackingStatus.Expired;

    /// <summary>True while the carrier has told us nothing about the parcel.</summary>
    public static bool IsUnknown(this TrackingStatus status) => status is
        TrackingStatus.Unspecified or TrackingStatus.Pending or TrackingStatus.NotFound;

    /// <summary>
    /// An event in this status is a scan made by the carrier handling the parcel: anything past "label created".
    /// Amazon counts a tracking number as valid only once it has such a scan (marketplaces reference §5.4).
    /// </summary>
    public static bool IsPhysicalScan(this TrackingStatus status) =>
        status is not (TrackingStatus.Unspecified or TrackingStatus.Pending or TrackingStatus.NotFound or TrackingStatus.InfoReceived
            or TrackingStatus.Cancelled or TrackingStatus.Expired);

    public static bool IsDefined(this TrackingStatus status) =>
        status is > TrackingStatus.Unspecified and <= TrackingStatus.Expired;

    /// <summary>
    /// How far along the parcel's life a status is. Used to refuse regressions that come without newer evidence
    /// (a carrier summary flickering back from OUT_FOR_DELIVERY to IN_TRANSIT, say), and to order scans at one instant.
    /// </summary>
    public static int Progress(this TrackingStatus status) => status switch
    {
        TrackingStatus.Unspecified or TrackingStatus.Pending or TrackingStatus.NotFound => 0,
        TrackingStatus.InfoReceived => 1,
        TrackingStatus.InTransit or TrackingStatus.Exception => 2,
        TrackingStatus.OutForDelivery or TrackingStatus.AttemptFailed => 3,
        TrackingStatus.AvailableForPickup => 4,
        TrackingStatus.Returning => 5,
        _ => 6,
    };
}
