using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LogisticsLink.Marketplaces.Tests.Loopback;

/// <summary>
/// Lets a call that waits on a <see cref="FakeTimeProvider"/> (a throttle pause) finish: moves the fake clock forward in
/// small steps until the call completes, never sleeping on the real clock for more than a few milliseconds at a time.
/// </summary>
internal static class FakeClockDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Func<Task<T>> call)
    {
        var task = call();
        var watchdog = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watchdog.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("the call did not complete while the fake clock advanced");
            }
            await Task.WhenAny(task, Task.Delay(5));
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }
        return await task;
    }
}
