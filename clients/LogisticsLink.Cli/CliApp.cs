using Grpc.Core;
using LogisticsLink.Cli.Commands;
using LogisticsLink.Cli.Output;
using LogisticsLink.Client;

namespace LogisticsLink.Cli;

/// <summary>
/// The CLI without the process around it: parses, dispatches, maps failures to exit codes. Streams, environment and
/// connection are injected so tests can run it whole.
/// </summary>
internal sealed class CliApp(
    TextWriter stdout,
    TextWriter stderr,
    Func<string, string?> environment,
    Func<Uri, string, CliConnection> connect,
    TimeProvider time)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        Uri? url = null;
        try
        {
            var (name, rest) = ArgumentParser.SplitCommand(args, GlobalOptions.Specs);
            if (name is null || name == "help")
            {
                return Help(name, rest);
            }

            var command = CommandCatalog.Find(name) ??
                throw new UsageException($"unknown command '{name}' (commands: {string.Join(", ", CommandCatalog.Commands.Select(c => c.Name))})");
            var parsed = ArgumentParser.Parse(rest, [.. GlobalOptions.Specs, .. command.Options]);
            if (parsed.Flag("help"))
            {
                CommandCatalog.WriteHelp(stdout, command);
                return ExitCodes.Ok;
            }

            var run = command.Prepare(parsed);
            (url, var key) = GlobalOptions.Resolve(parsed, environment);
            if (PlainTextAddress.ExposesApiKey(url))
            {
                // A warning, not a refusal: plain http to a service name on a private (e.g. Docker) network is normal.
                stderr.WriteLine($"{CommandCatalog.Program}: warning: the API key is sent unencrypted over http to " +
                    $"{url.Host}; use https:// unless the network in between is private");
            }

            using var connection = connect(url, key);
            var context = new CommandContext(
                connection.Tracking, new ShipmentOutput(stdout, parsed.Flag("json")), stderr, time,
                new StderrLogger<ShipmentWatcher>(stderr));
            return await run(context, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"{CommandCatalog.Program}: {ex.Message}");
            stderr.WriteLine($"Run '{CommandCatalog.Program} --help' or '{CommandCatalog.Program} help <command>' for usage.");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested &&
                                   ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // Ctrl+C: the user asked for it, so no error text.
            return ExitCodes.Interrupted;
        }
        catch (RpcException ex)
        {
            stderr.WriteLine($"{CommandCatalog.Program}: {RpcErrors.Describe(ex, url!)}");
            return RpcErrors.ExitCode(ex);
        }
        catch (Exception ex)
        {
            // Last resort for a bug or an unexpected local failure: scripts get the documented "other error" code and
            // people one readable line, not a stack trace.
            stderr.WriteLine($"{CommandCatalog.Program}: unexpected error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    private int Help(string? name, List<string> rest)
    {
        var parsed = ArgumentParser.Parse(rest, GlobalOptions.Specs);
        if (name is null)
        {
            // A bare invocation is a usage error (scripts should notice); an explicit --help is not.
            var asked = parsed.Flag("help");
            CommandCatalog.WriteUsage(asked ? stdout : stderr);
            return asked ? ExitCodes.Ok : ExitCodes.Usage;
        }

        parsed.ExpectPositionals(0, 1, "");
        if (parsed.Positionals.Count == 0)
        {
            CommandCatalog.WriteUsage(stdout);
            return ExitCodes.Ok;
        }

        var command = CommandCatalog.Find(parsed.Positionals[0]) ??
            throw new UsageException($"unknown command '{parsed.Positionals[0]}'");
        CommandCatalog.WriteHelp(stdout, command);
        return ExitCodes.Ok;
    }
}
