using Microsoft.Extensions.Logging;

namespace LogisticsLink.Client;

/// <summary>Source-generated log messages about the connection (category <see cref="LogisticsLinkClient"/>).</summary>
internal static partial class LogisticsLinkClientLog
{
    [LoggerMessage(1, LogLevel.Warning,
        "The API key is sent unencrypted: {Address} is plain http to a host that is not loopback. " +
        "Use https unless the network in between is private (e.g. a Docker network)")]
    public static partial void PlainTextApiKey(this ILogger logger, Uri address);
}
