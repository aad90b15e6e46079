using Grpc.Core;

namespace LogisticsLink.Server.Api;

/// <summary>Waits inside a call end before the caller's own gRPC deadline, so the answer still reaches it.</summary>
public static class CallDeadlines
{
    // Room to serialize and send the answer.
    private static readonly TimeSpan AnswerRoom = TimeSpan.FromMilliseconds(50);

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
