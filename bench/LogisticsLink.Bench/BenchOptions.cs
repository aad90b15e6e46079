namespace LogisticsLink.Bench;

/// <summary>The command line: <c>--scenario all|lookup|fanout|fanout-postgres|coalescing|ingest|catchup|schedule|micro|inquiry</c>, <c>--quick</c>, <c>--out DIR</c>.</summary>
public sealed record BenchOptions(IReadOnlyList<string> Scenarios, bool Quick, string? OutputFolder)
{
    public static readonly IReadOnlyList<string> AllScenarios =
        ["lookup", "fanout", "fanout-postgres", "coalescing", "ingest", "catchup", "schedule", "micro", "inquiry"];

    public const string Usage = """
        LogisticsLink benchmarks (issue 7)

          dotnet run -c Release --project bench/LogisticsLink.Bench -- [--scenario NAME[,NAME...]] [--quick] [--out DIR]

          --scenario  all (default), lookup, fanout, fanout-postgres, coalescing, ingest, catchup, schedule, micro, inquiry; comma-separated for several
          --quick     tiny sizes, runs in seconds; figures are printed but no target is judged
          --out       report folder (default: bench/results under the repository root)

        Exit code: 0 when every scenario ran (targets may be missed: read the report), 1 when a scenario crashed or a
        stream lost or duplicated an update, 2 for a usage error.
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message naming the bad flag.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var scenarios = new List<string>(AllScenarios);
        var quick = false;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            switch (flag)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--scenario":
                    scenarios = ParseScenarios(inline ?? Next(args, ref i, flag));
                    break;
                case "--out":
                    output = inline ?? Next(args, ref i, flag);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        return new BenchOptions(scenarios, quick, output);
    }

    private static List<string> ParseScenarios(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException("--scenario needs a name.");
        }
        if (names.Contains("all"))
        {
            return [.. AllScenarios];
        }
        foreach (var name in names.Where(n => !AllScenarios.Contains(n)))
        {
            throw new ArgumentException($"--scenario: unknown scenario '{name}' (known: all, {string.Join(", ", AllScenarios)}).");
        }
        // Keep the canonical order so reports always read the same way.
        return AllScenarios.Where(names.Contains).ToList();
    }

    private static (string Flag, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string flag) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{flag} needs a value.");
}
