namespace LogisticsLink.Domain.Shipments;

/// <summary>
/// How a delivery promise without a time of day is stored: that calendar date at 00:00:00 UTC. It names a day, not
/// an instant, so it is written as that date wherever the buyer lives; converting it to a zone west of UTC would
/// move it to the day before.
/// </summary>
public static class DateOnlyPromise
{
    /// <summary>The stored form of a promise of <paramref name="date"/> with no time.</summary>
    public static DateTimeOffset Of(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Whether <paramref name="value"/> is a promise of a date with no time (00:00:00 exactly, offset zero).</summary>
    public static bool Is(DateTimeOffset value) => value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero;

    /// <summary>
    /// When a promise (to deliver, or to ship) is missed: one with a time at that instant, one of a date at the end of
    /// that (UTC) day, not at its first second.
    /// </summary>
    public static DateTimeOffset Deadline(DateTimeOffset promise) => Is(promise) ? promise.AddDays(1) : promise;
}
