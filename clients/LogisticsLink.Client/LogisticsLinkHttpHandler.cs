namespace LogisticsLink.Client;

/// <summary>The HTTP handler every LogisticsLink channel should use.</summary>
public static class LogisticsLinkHttpHandler
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler"/> tuned for long-lived server streams:
    /// <list type="bullet">
    /// <item>Kestrel allows 100 concurrent streams per HTTP/2 connection; without
    /// <c>EnableMultipleHttp2Connections</c> the 101st watch would queue silently instead of opening a connection.</item>
    /// <item>Idle pooled connections are never closed by the client, and keep-alive pings detect dead peers (and keep
    /// NATs open) on connections that carry only a quiet stream.</item>
    /// </list>
    /// It is a handler, not an <see cref="HttpClient"/>, so no 100 s <c>HttpClient.Timeout</c> ever applies to streams.
    /// </summary>
    public static SocketsHttpHandler Create() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
    };
}
