using Grpc.Core;

namespace LogisticsLink.Server.Api;

/// <summary>Waits inside a call end before the caller's own gRPC deadline, so the answer still reaches it.</summary>
public static class CallDeadlines
{
    // Room to serialize and send the answer, and for the time the request took to arrive: the deadline the server reads
    // from grpc-timeout starts when the request came in, the caller's when it was sent. 50 ms was too thin on a busy
    // two-core host, where a stale answer timed to it reached the caller after its deadline.
    private static readonly TimeSpan AnswerRoom = TimeSpan.FromMilliseconds(150);

    /// <summary><paramref name="wait"/>, shortened to end before the call's deadline (zero when it is that close already).</summary>
    public static TimeSpan Within(TimeSpan wait, ServerCallContext context, DateTimeOffset now)
    {
        if (context.Deadline == DateTime.MaxValue)
        {
            return wait;
        }
        var room = context.Deadline - now.UtcDateTime - AnswerRoom;
        return room < wait ? (room > TimeSpan.Zero ? room : TimeSpan.Zero) : wait;
    }
}
