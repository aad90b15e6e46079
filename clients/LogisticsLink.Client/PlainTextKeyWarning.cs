using Microsoft.Extensions.Logging;

namespace LogisticsLink.Client;

/// <summary>
/// Logs <see cref="LogisticsLinkClientLog.PlainTextApiKey"/> once per service provider: the client is transient, and a
/// warning per resolved client would bury the logs.
/// </summary>
internal sealed class PlainTextKeyWarning(ILogger<LogisticsLinkClient> logger)
{
    private int warned;

    public void WarnOnce(Uri address)
    {
        if (PlainTextAddress.ExposesApiKey(address) && Interlocked.Exchange(ref warned, 1) == 0)
        {
            logger.PlainTextApiKey(address);
        }
    }
}
