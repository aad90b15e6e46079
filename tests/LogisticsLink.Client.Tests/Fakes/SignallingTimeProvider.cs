using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Client.Tests.Fakes;

/// <summary>
/// A FakeTimeProvider that reports every timer created, so a test can wait until the code under test is really
/// waiting (timer registered) before advancing the clock, instead of guessing with sleeps.
/// </summary>
public sealed class SignallingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Completes with the due time of the next timer created.</summary>
    public Task<TimeSpan> NextTimerAsync() => timers.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    /// <summary>True when no timer was created since the last <see cref="NextTimerAsync"/>.</summary>
    public bool NoPendingTimer => timers.Reader.Count == 0;
}
