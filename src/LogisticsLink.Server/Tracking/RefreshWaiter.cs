using Microsoft.Extensions.Logging;

namespace LogisticsLink.Server.Tracking;

/// <summary>
/// How a call waits for the on-demand refreshes it started (invariant 5, degrade, don't break): no longer than it may,
/// and a refresh that does not finish in time, is cut short by shutdown or fails in the store leaves the caller with the
/// last known state, flagged stale, rather than an error. Only the caller's own cancellation ends the wait with one.
/// </summary>
public sealed partial class RefreshWaiter(TimeProvider time, ILogger<RefreshWaiter> logger)
{
    /// <returns>Whether every refresh finished in time; false means: answer from the stored state, flagged stale.</returns>
    public async Task<bool> WaitAsync(IReadOnlyList<Task> refreshes, TimeSpan wait, CancellationToken cancellationToken)
    {
        var all = Task.WhenAll(refreshes);
        try
        {
            await all.WaitAsync(wait, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            // A carrier is slow: its refresh lands for the next reader.
            return false;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && all.IsCompleted)
        {
            // A refresh cancelled by shutdown says nothing worth logging; a failed one is the operator's to know.
            foreach (var failed in refreshes.Where(r => r.IsFaulted))
            {
                LogRefreshFailed(failed.Exception!.GetBaseException());
            }
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An on-demand refresh failed; the caller was answered from the stored state, flagged stale")]
    private partial void LogRefreshFailed(Exception exception);
}
