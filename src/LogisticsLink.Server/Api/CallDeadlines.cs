using Grpc.Core;

namespace LogisticsLink.Server.Api;

/// <summary>Waits inside a call end before the caller's own gRPC deadline, so the answer still reaches it.</summary>
public static class CallDeadlines
{
    // Room to serialize and send the answer, and for the time the request took to arrive: the deadline the server reads
    // from grpc-timeout starts when the handler began, the caller's when it sent the call, and on a busy host the gap
    // between the two (and the answer's way back) grows with the load. A fixed 50 ms, then 150 ms, was too thin on a
    // busy two-core host: a stale answer timed to it reached the caller after its deadline. So the room is a fifth of
    // the time left, no less than the fixed floor and no more than a second (a caller giving a minute wants most of it
    // spent waiting for the carrier).
    private static readonly TimeSpan MinRoom = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxRoom = TimeSpan.FromSeconds(1);

    /// <summary><paramref name="wait"/>, shortened to end before the call's deadline (zero when it is that close already).</summary>
    public static TimeSpan Within(TimeSpan wait, ServerCallContext context, DateTimeOffset now) =>
        Within(wait, context.Deadline, now);

    internal static TimeSpan Within(TimeSpan wait, DateTime deadline, DateTimeOffset now)
    {
        if (deadline == DateTime.MaxValue)
        {
            return wait;
        }
        var left = deadline - now.UtcDateTime;
        var room = Math.Clamp(left.Ticks / 5, MinRoom.Ticks, MaxRoom.Ticks);
        var usable = left - TimeSpan.FromTicks(room);
        return usable < wait ? (usable > TimeSpan.Zero ? usable : TimeSpan.Zero) : wait;
    }
}
