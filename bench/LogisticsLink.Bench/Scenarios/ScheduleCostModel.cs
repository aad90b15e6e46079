using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Bench.Scenarios;

/// <summary>
/// Steady-state carrier calls per shipment, computed by the server's own <see cref="RefreshSchedule"/> with the
/// default <see cref="RefreshIntervals"/> (no carrier cadence, as for real carriers; the sandbox asks for more).
/// </summary>
public static class ScheduleCostModel
{
    /// <summary>A typical parcel: unknown to the carrier for 2 h, label-only for 22 h, 3 days in transit, 8 h out for delivery.</summary>
    public static readonly IReadOnlyList<(TrackingStatus Status, TimeSpan Until)> TypicalLife =
    [
        (TrackingStatus.NotFound, TimeSpan.FromHours(2)),
        (TrackingStatus.InfoReceived, TimeSpan.FromHours(24)),
        (TrackingStatus.InTransit, TimeSpan.FromHours(96)),
        (TrackingStatus.OutForDelivery, TimeSpan.FromHours(104)),
        (TrackingStatus.Delivered, TimeSpan.MaxValue),
    ];

    public static TimeSpan Lifetime => TypicalLife[^2].Until;

    /// <summary>Calls per hour while a shipment stays in <paramref name="status"/> (mid jitter).</summary>
    public static double CallsPerHour(TrackingStatus status)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        var state = new ShipmentState
        {
            Id = "model", TenantId = "model", Carrier = "ups", TrackingNumber = "MODEL",
            Status = status, CreatedAt = now, UpdatedAt = now, LastCheckedAt = now,
        };
        return RefreshSchedule.NextCheck(state, now, new RefreshIntervals(), 0.5) is { } next
            ? TimeSpan.FromHours(1) / (next - now)
            : 0;
    }

    /// <summary>
    /// Simulates <paramref name="parcels"/> typical parcels from registration (first check at once) to delivery with
    /// random jitter, and returns the mean number of carrier calls per parcel over its life.
    /// </summary>
    public static double CallsPerTypicalLife(int parcels, int seed = 7)
    {
        var random = new Random(seed);
        var intervals = new RefreshIntervals();
        var created = DateTimeOffset.UnixEpoch.AddYears(56);
        long calls = 0;
        for (var p = 0; p < parcels; p++)
        {
            var state = new ShipmentState
            {
                Id = "model", TenantId = "model", Carrier = "ups", TrackingNumber = "MODEL",
                Status = TrackingStatus.Pending, CreatedAt = created, UpdatedAt = created,
            };
            for (DateTimeOffset? check = created; check is { } at; calls++)
            {
                state = state with { Status = StatusAt(at - created), LastCheckedAt = at };
                check = RefreshSchedule.NextCheck(state, at, intervals, random.NextDouble());
            }
        }
        return calls / (double)parcels;
    }

    private static TrackingStatus StatusAt(TimeSpan age) => TypicalLife.First(s => age < s.Until).Status;
}
