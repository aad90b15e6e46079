using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Cli.Output;
using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary><c>list</c>: the tenant's shipments, one page or (with --all) every page.</summary>
internal sealed class ListCommand : ICommand
{
    public string Name => "list";

    public string Summary => "List shipments (oldest registration first)";

    public IReadOnlyList<string> Synopsis { get; } =
        ["list [--status S ...] [--order-id X] [--updated-since T] [--page-size N] [--page-token T] [--all]"];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("status", OptionKind.Repeated, "Only these statuses; repeat or separate with commas (delivered,in_transit)", "S"),
        new("order-id", OptionKind.Value, "Only shipments of this order id", "X"),
        new("updated-since", OptionKind.Value, "Only shipments changed at or after this instant (ISO 8601)", "T"),
        new("page-size", OptionKind.Value, "Shipments per page, 1-1000 (server default 100)", "N"),
        new("page-token", OptionKind.Value, "Continue from a previous page's token", "T"),
        new("all", OptionKind.Flag, "Follow every page to the end"),
    ];

    public CommandRun Prepare(ParsedArguments args)
    {
        var request = BuildRequest(args);
        var all = args.Flag("all");
        return async (context, ct) =>
        {
            // Text rows are collected so the columns align across pages; JSON lines stream out page by page.
            var table = ShipmentOutput.NewShipmentTable();
            var pageToken = request.PageToken;
            string next;
            do
            {
                var page = request.Clone();
                page.PageToken = pageToken;
                var response = await context.Tracking.ListShipmentsAsync(
                    page, deadline: context.UnaryDeadline(), cancellationToken: ct);
                context.Output.AddShipments(response.Shipments, table);
                next = pageToken = response.NextPageToken;
            }
            while (all && next.Length > 0);

            if (!context.Output.Json)
            {
                table.Write(context.Output.Writer);
            }

            if (next.Length > 0)
            {
                // stderr, so stdout stays pure table or JSON lines.
                context.Error.WriteLine($"More shipments: add --page-token {next} (or --all).");
            }

            return ExitCodes.Ok;
        };
    }

    internal static ListShipmentsRequest BuildRequest(ParsedArguments args)
    {
        args.ExpectPositionals(0, 0, "");
        var request = new ListShipmentsRequest
        {
            OrderId = args.Value("order-id") ?? "",
            PageSize = args.Int("page-size", 1, 1000) ?? 0,
            PageToken = args.Value("page-token") ?? "",
        };
        request.Statuses.AddRange(StatusNames.ParseOption("status", args.Values("status")));

        if (args.Value("updated-since") is { } since)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw new UsageException($"--updated-since must be an ISO 8601 instant such as 2025-03-01T12:00:00Z (got '{since}')");
            }

            request.UpdatedSince = Timestamp.FromDateTimeOffset(instant);
        }

        return request;
    }
}
