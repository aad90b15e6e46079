using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary>A validated <c>watch</c> command line.</summary>
/// <param name="PrintStatuses">
/// The user's <c>--status</c> filter (empty: all). The request may ask for more (the final statuses, for
/// <c>--until-final</c>), so what is printed is filtered again here.
/// </param>
internal sealed record WatchPlan(
    WatchShipmentsRequest Request,
    IReadOnlyList<string> ShipmentIds,
    IReadOnlyList<ShipmentStatus> PrintStatuses,
    bool PrintSnapshot,
    bool UntilFinal,
    bool PrintHeartbeats);
