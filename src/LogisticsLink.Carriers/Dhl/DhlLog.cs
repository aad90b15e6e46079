using Microsoft.Extensions.Logging;

namespace LogisticsLink.Carriers.Dhl;

/// <summary>The DHL adapter's log lines. The API key never appears in them.</summary>
internal static partial class DhlLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "DHL: tracking {TrackingNumber} answered {Status}")]
    public static partial void Tracked(ILogger logger, string trackingNumber, string status);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "DHL: tracking {TrackingNumber} failed: {Reason} (transient: {Transient})")]
    public static partial void TrackFailed(ILogger logger, string trackingNumber, string reason, bool transient);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information,
        Message = "DHL returned {Candidates} shipments numbered {TrackingNumber}; using the one with the newest activity ({Service})")]
    public static partial void SeveralShipments(ILogger logger, string trackingNumber, int candidates, string service);
}
