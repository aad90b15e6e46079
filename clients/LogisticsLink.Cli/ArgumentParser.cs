using System.Globalization;

namespace LogisticsLink.Cli;

/// <summary>How an option consumes the command line.</summary>
internal enum OptionKind
{
    /// <summary><c>--json</c>: present or not.</summary>
    Flag,

    /// <summary><c>--carrier ups</c> or <c>--carrier=ups</c>, at most once.</summary>
    Value,

    /// <summary><c>--label a=1 --label b=2</c>: any number of times.</summary>
    Repeated,
}

/// <summary>One option a command accepts. <see cref="Name"/> is written without the leading dashes.</summary>
internal sealed record OptionSpec(string Name, OptionKind Kind, string Help, string ValueName = "VALUE")
{
    public string Synopsis => Kind == OptionKind.Flag ? $"--{Name}" : $"--{Name} {ValueName}";
}

/// <summary>The result of parsing: positionals in order and each option's values, with typed, self-explaining getters.</summary>
internal sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, List<string>> options)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string name) => options.ContainsKey(name);

    public bool Flag(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => options.TryGetValue(name, out var values) ? values : [];

    public int? Int(string name, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max} (got '{text}')");
    }

    public ulong? ULong(string name)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a non-negative whole number (got '{text}')");
    }

    /// <summary>Fails unless there are between <paramref name="min"/> and <paramref name="max"/> positionals.</summary>
    public void ExpectPositionals(int min, int max, string what)
    {
        if (Positionals.Count < min)
        {
            throw new UsageException($"missing {what}");
        }

        if (Positionals.Count > max)
        {
            throw new UsageException($"unexpected argument '{Positionals[max]}'");
        }
    }
}

/// <summary>
/// A deliberately small GNU-style parser: <c>--name value</c>, <c>--name=value</c>, flags, repeated options,
/// <c>-h</c> for <c>--help</c>, and <c>--</c> to end options. Options and positionals may be interleaved.
/// </summary>
internal static class ArgumentParser
{
    /// <summary>
    /// Finds the command word: the first argument that is neither an option nor the value of a global option, so
    /// <c>--url http://x list</c> and <c>list --url http://x</c> both name <c>list</c>. Returns the other arguments.
    /// </summary>
    public static (string? Command, List<string> Remaining) SplitCommand(
        IReadOnlyList<string> args, IReadOnlyCollection<OptionSpec> globalOptions)
    {
        var rest = new List<string>(args.Count);
        string? command = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (command is null && arg == "--")
            {
                // "--" before any command: the next argument is the command however it looks.
                if (i + 1 < args.Count)
                {
                    command = args[i + 1];
                    rest.AddRange(args.Skip(i + 2));
                }

                break;
            }

            if (command is null && !IsOption(arg))
            {
                command = arg;
                continue;
            }

            rest.Add(arg);
            if (command is null && IsOption(arg) && !arg.Contains('=') &&
                Find(globalOptions, Name(arg)) is { Kind: not OptionKind.Flag } && i + 1 < args.Count)
            {
                rest.Add(args[++i]);
            }
        }

        return (command, rest);
    }

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<OptionSpec> specs)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (!IsOption(arg))
            {
                positionals.Add(arg);
                continue;
            }

            var name = Name(arg);
            var spec = Find(specs, name) ?? throw new UsageException($"unknown option {Display(arg)}");
            var equals = arg.IndexOf('=');
            string value;
            if (spec.Kind == OptionKind.Flag)
            {
                if (equals >= 0)
                {
                    throw new UsageException($"--{name} does not take a value");
                }

                value = "";
            }
            else if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value ({spec.ValueName})");
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            else if (spec.Kind != OptionKind.Repeated)
            {
                throw new UsageException($"--{name} given more than once");
            }

            values.Add(value);
        }

        return new ParsedArguments(positionals, options);
    }

    // "-" alone is a positional (conventionally stdin); anything else starting with a dash is an option.
    private static bool IsOption(string arg) => arg.Length > 1 && arg[0] == '-';

    private static string Name(string arg)
    {
        if (arg == "-h")
        {
            return "help";
        }

        // Single-dash long names ("-carrier") are not accepted: they stay as typed and fail as unknown options.
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return arg;
        }

        var name = arg[2..];
        var equals = name.IndexOf('=');
        return equals >= 0 ? name[..equals] : name;
    }

    private static string Display(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals >= 0 ? arg[..equals] : arg;
    }

    private static OptionSpec? Find(IReadOnlyCollection<OptionSpec> specs, string name) =>
        specs.FirstOrDefault(s => s.Name == name);
}
