using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Scheduling;

/// <summary>Decides when a shipment is next asked about. Pure: the random jitter source is passed in.</summary>
public static class RefreshSchedule
{
    /// <remarks>Never for a terminal status, nor for a parcel its carrier is not to be asked about (<see cref="ShipmentState.NotPolled"/>).</remarks>
    /// <param name="unit">A value in [0, 1) used for jitter.</param>
    /// <param name="carrierCadence">A shorter cadence the carrier asks for (the sandbox's step interval), if any.</param>
    /// <param name="notBefore">
    /// When the carrier can be asked again at the earliest (a spent daily quota's reset): a check due before then would
    /// only be refused again, so it moves there.
    /// </param>
    public static DateTimeOffset? NextCheck(
        ShipmentState state, DateTimeOffset now, RefreshIntervals intervals, double unit, TimeSpan? carrierCadence = null,
        DateTimeOffset? notBefore = null)
    {
        if (state.Status.IsTerminal() || state.NotPolled)
        {
            return null;
        }
        var interval = state.ConsecutiveFailures > 0
            ? Backoff(intervals.FailureInitial, intervals.FailureMax, state.ConsecutiveFailures - 1)
            : Interval(state, intervals);
        // The carrier's cadence speeds up healthy polling only; a failing carrier keeps its back-off.
        if (carrierCadence is { } cadence && cadence < interval && state.ConsecutiveFailures == 0)
        {
            interval = cadence;
        }
        var jitter = 1 + intervals.Jitter * (2 * unit - 1);
        var next = now + TimeSpan.FromTicks((long)(interval.Ticks * jitter));
        return notBefore > next ? notBefore : next;
    }

    private static TimeSpan Interval(ShipmentState state, RefreshIntervals intervals) => state.Status switch
    {
        TrackingStatus.Pending or TrackingStatus.NotFound or TrackingStatus.Unspecified =>
            Backoff(intervals.UnknownInitial, intervals.UnknownMax, UnknownChecks(state, intervals)),
        TrackingStatus.InfoReceived => intervals.InfoReceived,
        TrackingStatus.InTransit => intervals.InTransit,
        TrackingStatus.OutForDelivery => intervals.OutForDelivery,
        TrackingStatus.AttemptFailed or TrackingStatus.Exception => intervals.AttemptFailedOrException,
        TrackingStatus.AvailableForPickup => intervals.AvailableForPickup,
        _ => intervals.Returning,
    };

    // How many back-off steps an unknown number has earned: derived from its age so no counter must be stored.
    private static int UnknownChecks(ShipmentState state, RefreshIntervals intervals)
    {
        var age = (state.LastCheckedAt ?? state.CreatedAt) - state.CreatedAt;
        var steps = 0;
        for (var spent = intervals.UnknownInitial; spent <= age && steps < 30; spent += Backoff(intervals.UnknownInitial, intervals.UnknownMax, ++steps))
        {
        }
        return steps;
    }

    private static TimeSpan Backoff(TimeSpan initial, TimeSpan max, int exponent)
    {
        var ticks = initial.Ticks * Math.Pow(2, Math.Min(exponent, 30));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
