using System.Globalization;
using Grpc.Core;
using LogisticsLink.Storage;

namespace LogisticsLink.Server.Api;

/// <summary>
/// Whether a watch's resume position belongs to this server's change log. A database restored from a backup or
/// recreated hands out the same sequence numbers again, for other changes: a position from before is recognised by
/// the commit time of the change at it, not by its number, which the new log passes sooner or later.
/// </summary>
public static class ResumePositions
{
    private const string StartAgain = "Start again with resume_after_sequence = 0 and send_snapshot = true.";

    /// <summary>Refuses (OUT_OF_RANGE) a position this log never reached.</summary>
    public static void CheckReached(long resumeAfter, long head)
    {
        if (resumeAfter > head)
        {
            // Waiting for the log to get there would drop every change until then, silently.
            throw new RpcException(new Status(StatusCode.OutOfRange,
                $"resume_after_sequence {resumeAfter} is past the end of this server's change log ({head}): the database is not the one " +
                $"the position came from. {StartAgain}"));
        }
    }

    /// <summary>
    /// Refuses (OUT_OF_RANGE) a position whose change this log does not have, or committed at another time than
    /// <paramref name="claimed"/>. Compared to the microsecond: a client may keep the time at that precision.
    /// </summary>
    public static void CheckCommittedAt(long resumeAfter, DateTimeOffset claimed, DateTimeOffset? logged)
    {
        if (logged is { } at && Math.Abs(at.UtcTicks - claimed.UtcTicks) < TimeSpan.TicksPerMicrosecond)
        {
            return;
        }
        var found = logged is { } time ? $"its change {resumeAfter} was committed at {Text(time)}" : $"it has no change {resumeAfter}";
        throw new RpcException(new Status(StatusCode.OutOfRange,
            $"resume_after_sequence {resumeAfter} with resume_after_committed_at {Text(claimed)} is not a position of this server's " +
            $"change log: {found}. The database was restored or recreated since the position was given, and its sequence numbers " +
            $"name other changes. {StartAgain}"));
    }

    /// <summary>An instant as the messages name it: UTC, to the tick the log keeps.</summary>
    private static string Text(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
