namespace LogisticsLink.Domain.Scheduling;

/// <summary>How often a shipment is asked about, by status (DESIGN.md §8). Bound from <c>Scheduler:Intervals</c>.</summary>
public sealed class RefreshIntervals
{
    /// <summary>First back-off step for PENDING / NOT_FOUND; doubles per unanswered check up to <see cref="UnknownMax"/>.</summary>
    public TimeSpan UnknownInitial { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan UnknownMax { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan InfoReceived { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan InTransit { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan OutForDelivery { get; set; } = TimeSpan.FromMinutes(20);
    public TimeSpan AttemptFailedOrException { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan AvailableForPickup { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan Returning { get; set; } = TimeSpan.FromHours(4);

    /// <summary>First retry after a failed refresh; doubles per failure up to <see cref="FailureMax"/>.</summary>
    public TimeSpan FailureInitial { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan FailureMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Fraction of each interval added or removed at random so that polls do not arrive in waves (0 to 0.5).</summary>
    public double Jitter { get; set; } = 0.1;
}
