using Google.Protobuf.WellKnownTypes;
using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary><c>get</c>: one shipment with its event timeline.</summary>
internal sealed class GetCommand : ICommand
{
    public string Name => "get";

    public string Summary => "Show one shipment and its event timeline";

    public IReadOnlyList<string> Synopsis { get; } =
    [
        "get <shipment-id> [--max-age 30s]",
        "get --carrier C --number N [--max-age 30s]",
    ];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("carrier", OptionKind.Value, "Carrier code, with --number", "C"),
        new("number", OptionKind.Value, "Tracking number, instead of a shipment id", "N"),
        new("max-age", OptionKind.Value, "Ask the carrier first if the last check is older than this (30s, 5m, 1h)", "DURATION"),
    ];

    public CommandRun Prepare(ParsedArguments args)
    {
        var request = BuildRequest(args);
        return async (context, ct) =>
        {
            var shipment = await context.Tracking.GetShipmentAsync(
                request, deadline: context.UnaryDeadline(), cancellationToken: ct);
            context.Output.WriteShipment(shipment);
            return ExitCodes.Ok;
        };
    }

    internal static GetShipmentRequest BuildRequest(ParsedArguments args)
    {
        args.ExpectPositionals(0, 1, "<shipment-id>");
        var request = new GetShipmentRequest();
        var number = args.Value("number");
        if (args.Positionals.Count == 1)
        {
            if (number is not null || args.Has("carrier"))
            {
                throw new UsageException("give either <shipment-id> or --carrier/--number, not both");
            }

            request.ShipmentId = args.Positionals[0];
        }
        else if (number is null)
        {
            throw new UsageException("missing <shipment-id> (or --number with --carrier)");
        }
        else
        {
            // The carrier may be left out: the server decides (sandbox numbers identify their carrier themselves).
            request.TrackingNumber = number;
            request.Carrier = args.Value("carrier") ?? "";
        }

        if (args.Value("max-age") is { } maxAge)
        {
            request.MaxAge = Duration.FromTimeSpan(DurationText.ParseOption("max-age", maxAge));
        }

        return request;
    }
}
