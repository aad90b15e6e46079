using System.Collections.Concurrent;

namespace LogisticsLink.Carriers.Tests.Support;

/// <summary>
/// The system clock, recording the due time of every timer created on it: a retry's back-off is such a timer, so a
/// test can see how long the pipeline waited before trying again without timing it.
/// </summary>
internal sealed class RecordingClock : TimeProvider
{
    public ConcurrentQueue<TimeSpan> TimerDueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimerDueTimes.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
