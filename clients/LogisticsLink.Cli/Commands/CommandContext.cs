using LogisticsLink.Cli.Output;
using LogisticsLink.Client;
using LogisticsLink.V1;
using Microsoft.Extensions.Logging;

namespace LogisticsLink.Cli.Commands;

/// <summary>What a running command may use: the connection, stdout/stderr, the clock.</summary>
internal sealed record CommandContext(
    TrackingService.TrackingServiceClient Tracking,
    ShipmentOutput Output,
    TextWriter Error,
    TimeProvider Time,
    ILogger<ShipmentWatcher> WatcherLogger)
{
    /// <summary>
    /// Unary calls get a deadline so a hung server cannot hang a script; generous because <c>get --max-age</c> may wait
    /// for a carrier. Streams get none: a deadline would end a healthy watch.
    /// </summary>
    public DateTime UnaryDeadline() => Time.GetUtcNow().UtcDateTime.AddSeconds(60);
}
