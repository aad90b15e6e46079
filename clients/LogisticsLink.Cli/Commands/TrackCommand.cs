using LogisticsLink.V1;

namespace LogisticsLink.Cli.Commands;

/// <summary><c>track</c>: registers a parcel (idempotent) and prints the shipment.</summary>
internal sealed class TrackCommand : ICommand
{
    public string Name => "track";

    public string Summary => "Register a parcel for tracking (idempotent) and show it";

    public IReadOnlyList<string> Synopsis { get; } =
        ["track <tracking-number> [--carrier C] [--order-channel X --order-id Y] [--label key=value ...]"];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("carrier", OptionKind.Value, "Carrier code (ups, fedex, dhl, ...); optional for sandbox numbers", "C"),
        new("order-channel", OptionKind.Value, "Sales channel of the order (amazon, shopify, ...)", "X"),
        new("order-id", OptionKind.Value, "Order id in that channel", "Y"),
        new("label", OptionKind.Repeated, "A label; repeat for more", "key=value"),
    ];

    public CommandRun Prepare(ParsedArguments args)
    {
        var request = BuildRequest(args);
        return async (context, ct) =>
        {
            var shipment = await context.Tracking.TrackShipmentAsync(
                request, deadline: context.UnaryDeadline(), cancellationToken: ct);
            context.Output.WriteShipment(shipment);
            return ExitCodes.Ok;
        };
    }

    internal static TrackShipmentRequest BuildRequest(ParsedArguments args)
    {
        args.ExpectPositionals(1, 1, "<tracking-number>");
        var request = new TrackShipmentRequest
        {
            TrackingNumber = args.Positionals[0],
            Carrier = args.Value("carrier") ?? "",
        };

        var channel = args.Value("order-channel");
        var orderId = args.Value("order-id");
        if ((channel is null) != (orderId is null))
        {
            throw new UsageException(channel is null
                ? "--order-id needs --order-channel"
                : "--order-channel needs --order-id");
        }

        if (channel is not null)
        {
            request.Order = new OrderReference { Channel = channel, OrderId = orderId };
        }

        foreach (var label in args.Values("label"))
        {
            var equals = label.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"--label must be key=value (got '{label}')");
            }

            var key = label[..equals];
            if (!request.Labels.TryAdd(key, label[(equals + 1)..]))
            {
                throw new UsageException($"--label '{key}' given more than once");
            }
        }

        return request;
    }
}
