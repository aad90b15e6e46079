using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Client;
using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary><c>watch</c>: streams changes, reconnecting and resuming by itself, until Ctrl+C or (optionally) the end.</summary>
internal sealed class WatchCommand : ICommand
{
    /// <summary>
    /// A mistyped --url should end with exit 6 like the other commands, not retry forever; six attempts (about 3 s of
    /// backoff) still ride out a server that is just starting. Once the stream has delivered anything, a watch
    /// reconnects forever.
    /// </summary>
    private const int FirstConnectAttempts = 6;

    public string Name => "watch";

    public string Summary =>
        "Stream shipment changes live (reconnects and resumes by itself; exits 6 if the server is never reached)";

    public IReadOnlyList<string> Synopsis { get; } =
        ["watch [shipment-id ...] [--status S ...] [--from-sequence N [--from-committed-at T]] [--snapshot] [--until-final] [--heartbeats]"];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("status", OptionKind.Repeated, "Only changes after which the shipment has one of these statuses", "S"),
        new("from-sequence", OptionKind.Value,
            "Replay every change after this sequence first; 0 replays the whole log from its first change (without " +
            "this option the watch starts live)", "N"),
        new("from-committed-at", OptionKind.Value,
            "The commit time of the change at N, as a heartbeat line or --json gave it (RFC 3339): the server then refuses " +
            "a sequence from another database (restored or recreated) instead of resuming past changes never shown", "T"),
        new("snapshot", OptionKind.Flag,
            "First print the current state of every matching shipment (with --from-sequence, then every change after N " +
            "that it does not already show, such as order changes)"),
        new("until-final", OptionKind.Flag,
            "Exit 0 once every watched shipment (the ids given, or those in the snapshot) has a final status; " +
            "with --status, a shipment ending in a final status outside it also counts (it is not printed)"),
        new("heartbeats", OptionKind.Flag, "Also print heartbeats (each names a safe --from-sequence with its --from-committed-at)"),
    ];

    public CommandRun Prepare(ParsedArguments args)
    {
        var plan = BuildPlan(args);
        return (context, ct) => RunAsync(plan, context, ct);
    }

    internal static WatchPlan BuildPlan(ParsedArguments args)
    {
        var ids = args.Positionals.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var statuses = StatusNames.ParseOption("status", args.Values("status"));
        // A position, 0 included: a stream begun on an empty log hands out 0 (in a heartbeat), and a user resuming
        // from it wants every change since, where a bare 0 asks the server to start live.
        var fromSequence = args.ULong("from-sequence");
        var from = fromSequence ?? 0;
        var live = fromSequence is null;
        var fromCommittedAt = CommittedAt(args, "from-committed-at");
        if (fromCommittedAt is not null && from == 0)
        {
            throw new UsageException(
                "--from-committed-at needs --from-sequence above 0: it is the commit time of the change at that sequence");
        }

        var snapshot = args.Flag("snapshot");
        var untilFinal = args.Flag("until-final");

        if (untilFinal && ids.Length == 0 && !snapshot)
        {
            throw new UsageException("--until-final needs shipment ids or --snapshot, to know which shipments to wait for");
        }

        if (untilFinal && statuses.Count > 0 && !statuses.Any(StatusNames.IsTerminal))
        {
            throw new UsageException(
                "--until-final needs --status to include a final status (delivered, returned, lost, cancelled, expired)");
        }

        // The server sends only changes into the requested statuses, so --until-final also asks for every final one:
        // otherwise a parcel ending LOST while the user filters on "delivered" would never let the command exit.
        // Printing is filtered with the user's statuses on this side (ShouldPrint).
        var requested = untilFinal && statuses.Count > 0 ? statuses.Union(StatusNames.Terminal).ToArray() : statuses;
        var request = new WatchShipmentsRequest
        {
            ShipmentIds = { ids },
            Statuses = { requested },
            ResumeAfterSequence = from,
            ResumeFromZero = fromSequence == 0,
            ResumeAfterCommittedAt = fromCommittedAt,
            // Waiting for given ids starting "now" needs their state at the same instant the live stream starts, which
            // only a snapshot gives; a GetShipment first would miss a change landing between the two calls.
            SendSnapshot = snapshot || (untilFinal && ids.Length > 0 && live),
        };
        return new WatchPlan(request, ids, statuses, snapshot, untilFinal, args.Flag("heartbeats"));
    }

    /// <summary>An RFC 3339 time as the JSON output writes it (nanoseconds kept), or null when the option is absent.</summary>
    private static Timestamp? CommittedAt(ParsedArguments args, string name)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonParser.Default.Parse<Timestamp>(JsonSerializer.Serialize(text));
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            throw new UsageException($"--{name} must be an RFC 3339 time such as 2026-01-31T09:15:02.123456700Z (got '{text}')");
        }
    }

    private static async Task<int> RunAsync(WatchPlan plan, CommandContext context, CancellationToken ct)
    {
        var tracker = plan.UntilFinal ? new UntilFinalTracker(plan.ShipmentIds) : null;
        if (tracker is not null && plan.ShipmentIds.Count > 0)
        {
            // Also makes a mistyped id fail now with NOT_FOUND instead of waiting forever.
            foreach (var id in plan.ShipmentIds)
            {
                tracker.Observe(await context.Tracking.GetShipmentAsync(
                    new GetShipmentRequest { ShipmentId = id }, deadline: context.UnaryDeadline(), cancellationToken: ct));
            }

            if (tracker.IsDone)
            {
                return Finished(context, tracker);
            }
        }

        context.Output.WriteUpdateHeader();
        var watcher = new ShipmentWatcher(
            context.Tracking, new ShipmentWatcherOptions { MaxFirstConnectAttempts = FirstConnectAttempts }, context.Time,
            context.WatcherLogger);
        await foreach (var update in watcher.WatchAsync(plan.Request, ct).ConfigureAwait(false))
        {
            if (ShouldPrint(plan, update))
            {
                context.Output.WriteUpdate(update);
            }

            tracker?.Observe(update);
            if (tracker?.IsDone == true)
            {
                return Finished(context, tracker);
            }
        }

        // The watcher never completes on its own; it ends by cancellation, a non-transient error, or a server never
        // reached (UNAVAILABLE, exit 6).
        return ExitCodes.Ok;
    }

    private static bool ShouldPrint(WatchPlan plan, ShipmentUpdate update) => update.UpdateCase switch
    {
        ShipmentUpdate.UpdateOneofCase.Heartbeat => plan.PrintHeartbeats,
        ShipmentUpdate.UpdateOneofCase.Change =>
            (update.Change.Kind != ChangeKind.Snapshot || plan.PrintSnapshot) &&
            (plan.PrintStatuses.Count == 0 ||
             plan.PrintStatuses.Contains(update.Change.Shipment?.Status ?? ShipmentStatus.Unspecified)),
        _ => false,
    };

    private static int Finished(CommandContext context, UntilFinalTracker tracker)
    {
        context.Error.WriteLine(tracker.Count == 0
            ? "No shipment matched; nothing to wait for."
            : $"All {tracker.Count} watched shipment(s) reached a final status.");
        return ExitCodes.Ok;
    }
}
