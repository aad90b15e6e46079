namespace LogisticsLink.Cli;

/// <summary>Options every command accepts, and where the connection settings come from.</summary>
internal static class GlobalOptions
{
    public const string UrlVariable = "LOGISTICSLINK_URL";
    public const string KeyVariable = "LOGISTICSLINK_API_KEY";
    public const string DefaultUrl = "http://localhost:5080";

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("url", OptionKind.Value, $"gRPC endpoint (env {UrlVariable}, default {DefaultUrl})", "URL"),
        new("key", OptionKind.Value, $"API key (env {KeyVariable})", "KEY"),
        new("json", OptionKind.Flag, "Print protobuf JSON, one object per line"),
        new("help", OptionKind.Flag, "Show help"),
    ];

    /// <summary>The endpoint and key: flag first, then environment, then default (URL only).</summary>
    public static (Uri Url, string Key) Resolve(ParsedArguments args, Func<string, string?> environment)
    {
        var urlText = args.Value("url") ?? NonEmpty(environment(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) ||
            (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            var source = args.Has("url") ? "--url" : UrlVariable;
            throw new UsageException($"{source} must be an http:// or https:// URL (got '{urlText}')");
        }

        var key = args.Value("key") ?? NonEmpty(environment(KeyVariable));
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException($"missing API key: pass --key or set {KeyVariable}");
        }

        if (key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new UsageException("--key must not contain spaces or control characters");
        }

        return (url, key);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
