using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Client;

/// <summary>Source-generated log messages of <see cref="ShipmentWatcher"/>.</summary>
internal static partial class ShipmentWatcherLog
{
    [LoggerMessage(1, LogLevel.Warning,
        "Shipment watch failed ({Reason}); reconnecting in {DelayMilliseconds:0} ms after sequence {ResumePosition}")]
    public static partial void Reconnecting(
        this ILogger logger, string reason, double delayMilliseconds, ulong resumePosition, Exception? exception);

    [LoggerMessage(2, LogLevel.Debug, "Dropped update with sequence {Sequence}, already delivered (resume position {ResumePosition})")]
    public static partial void DroppedDuplicate(this ILogger logger, ulong sequence, ulong resumePosition);

    [LoggerMessage(3, LogLevel.Debug, "Watching shipments after sequence {ResumePosition} (snapshot: {Snapshot})")]
    public static partial void Connecting(this ILogger logger, ulong resumePosition, bool snapshot);

    public static string Describe(Exception? failure) => failure switch
    {
        null => "the server ended the stream",
        // The debug exception holds the useful part of transport failures ("Connection refused (host:port)").
        RpcException { Status.DebugException: { } cause } rpc => $"{rpc.StatusCode}: {rpc.Status.Detail} {cause.Message}",
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };
}
