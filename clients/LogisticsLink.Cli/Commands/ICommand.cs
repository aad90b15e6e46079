namespace LogisticsLink.Cli.Commands;

/// <summary>Runs a prepared command against the server; returns the exit code.</summary>
internal delegate Task<int> CommandRun(CommandContext context, CancellationToken cancellationToken);

/// <summary>One CLI command: its help and how to turn parsed arguments into a run.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>The synopsis line(s) after the program name, e.g. <c>get &lt;shipment-id&gt;</c>.</summary>
    IReadOnlyList<string> Synopsis { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>
    /// Validates the arguments and builds the request(s). Throws <see cref="UsageException"/> for bad input, before
    /// anything connects, so usage errors never depend on the server.
    /// </summary>
    CommandRun Prepare(ParsedArguments args);
}
