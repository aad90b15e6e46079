using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Risks;

/// <summary>
/// Thresholds for the risk flags, bound from <c>Risks</c>. A parcel is STALLED when its newest scan is older than the
/// threshold for its status; a linked parcel the carrier has not scanned within <see cref="ValidTrackingGrace"/> of
/// being registered has NO_VALID_TRACKING (Amazon counts tracking as valid only with a carrier scan).
/// </summary>
public sealed record RiskRules
{
    public TimeSpan StalledInfoReceived { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan StalledInTransit { get; init; } = TimeSpan.FromHours(48);
    public TimeSpan StalledOutForDelivery { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan StalledAvailableForPickup { get; init; } = TimeSpan.FromDays(5);
    public TimeSpan StalledException { get; init; } = TimeSpan.FromHours(48);
    public TimeSpan ValidTrackingGrace { get; init; } = TimeSpan.FromHours(48);

    public static readonly RiskRules Default = new();

    /// <summary>How long a parcel may go without a scan in <paramref name="status"/>; null for statuses that never stall.</summary>
    public TimeSpan? StalledAfter(TrackingStatus status) => status switch
    {
        TrackingStatus.InfoReceived => StalledInfoReceived,
        TrackingStatus.InTransit => StalledInTransit,
        TrackingStatus.OutForDelivery or TrackingStatus.AttemptFailed => StalledOutForDelivery,
        TrackingStatus.AvailableForPickup => StalledAvailableForPickup,
        TrackingStatus.Exception or TrackingStatus.Returning => StalledException,
        _ => null,
    };
}
