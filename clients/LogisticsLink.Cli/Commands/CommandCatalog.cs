using LogisticsLink.Cli.Output;

namespace LogisticsLink.Cli.Commands;

/// <summary>The commands and their help text.</summary>
internal static class CommandCatalog
{
    public const string Program = "logisticslink";

    public static IReadOnlyList<ICommand> Commands { get; } =
        [new TrackCommand(), new GetCommand(), new ListCommand(), new WatchCommand()];

    public static ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    public static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine($"{Program} - track shipments through a LogisticsLink server");
        writer.WriteLine();
        writer.WriteLine("Usage:");
        writer.WriteLine($"  {Program} [--url URL] [--key KEY] [--json] <command> [arguments]");
        writer.WriteLine($"  {Program} help <command>");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var commands = new TextTable();
        foreach (var command in Commands)
        {
            commands.Add("  " + command.Name, command.Summary);
        }

        commands.Add("  help", "Show help for a command");
        commands.Write(writer);
        writer.WriteLine();
        WriteOptions(writer, "Global options:", GlobalOptions.Specs);
        writer.WriteLine();
        WriteFooter(writer);
    }

    public static void WriteHelp(TextWriter writer, ICommand command)
    {
        writer.WriteLine("Usage:");
        foreach (var line in command.Synopsis)
        {
            writer.WriteLine($"  {Program} {line}");
        }

        writer.WriteLine();
        writer.WriteLine(command.Summary + ".");
        writer.WriteLine();
        WriteOptions(writer, "Options:", command.Options);
        writer.WriteLine();
        WriteOptions(writer, "Global options:", GlobalOptions.Specs);
        writer.WriteLine();
        WriteFooter(writer);
    }

    private static void WriteOptions(TextWriter writer, string title, IReadOnlyList<OptionSpec> options)
    {
        writer.WriteLine(title);
        var table = new TextTable();
        foreach (var option in options)
        {
            var synopsis = option.Name == "help" ? "--help, -h" : option.Synopsis;
            table.Add("  " + synopsis, option.Help);
        }

        table.Write(writer);
    }

    private static void WriteFooter(TextWriter writer)
    {
        writer.WriteLine($"Statuses (any case, SHIPMENT_STATUS_ prefix optional): {string.Join(", ", StatusNames.All.Select(s => s.ToLowerInvariant()))}");
        writer.WriteLine($"Exit codes: {ExitCodes.Ok} ok, {ExitCodes.Failure} other error, {ExitCodes.Usage} usage error, " +
            $"{ExitCodes.NotFound} not found, {ExitCodes.NotAuthorized} unauthenticated or permission denied, " +
            $"{ExitCodes.InvalidArgument} invalid argument, {ExitCodes.Unavailable} server unavailable, " +
            $"{ExitCodes.Interrupted} interrupted (Ctrl+C).");
    }
}
