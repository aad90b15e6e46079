using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary>A validated <c>watch</c> command line.</summary>
internal sealed record WatchPlan(
    WatchShipmentsRequest Request,
    IReadOnlyList<string> ShipmentIds,
    bool PrintSnapshot,
    bool UntilFinal,
    bool PrintHeartbeats);
