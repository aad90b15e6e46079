using Grpc.Core;

namespace LogisticsLink.Client;

/// <summary>Which failures of a watch call are worth reconnecting after.</summary>
internal static class WatchFailures
{
    /// <summary>
    /// True for failures of the connection or the server's current state (shutdown, overload, a proxy cutting the
    /// stream), which a new call may not hit. False for answers about the request itself (bad filter, bad key,
    /// resume position too old): repeating the request would only get the same answer.
    /// </summary>
    /// <remarks>CANCELLED counts as transient here only because the caller checks its own token first.</remarks>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode is
            StatusCode.Unavailable or StatusCode.Internal or StatusCode.ResourceExhausted or StatusCode.Aborted or
            StatusCode.Cancelled or StatusCode.DeadlineExceeded or StatusCode.Unknown,
        IOException or HttpRequestException => true,
        _ => false,
    };
}
