using System.Text.Json;
using LogisticsLink.Domain.Shipments;

namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The reply macros that ship with the server (<c>builtin-templates.json</c>): one per scenario and language, and
/// the status in words. A tenant's template with the same id and language takes precedence.
/// </summary>
public sealed class BuiltInTemplates
{
    private const string Resource = "LogisticsLink.Domain.Support.Templates.builtin-templates.json";

    private readonly Dictionary<string, Dictionary<string, string>> _templates;
    private readonly Dictionary<string, Dictionary<string, string>> _statusWords;

    private BuiltInTemplates(Dictionary<string, Dictionary<string, string>> templates, Dictionary<string, Dictionary<string, string>> statusWords)
    {
        _templates = templates;
        _statusWords = statusWords;
    }

    public static BuiltInTemplates Default { get; } = Load();

    public IEnumerable<string> TemplateIds => _templates.Keys;

    /// <summary>The body of a built-in template in a language, or null.</summary>
    public string? Find(string templateId, string language) =>
        _templates.TryGetValue(templateId, out var byLanguage) && byLanguage.TryGetValue(language, out var body) ? body : null;

    /// <summary>A status in words ("in transit", "en cours de livraison"…).</summary>
    public string StatusWords(TrackingStatus status, string language)
    {
        var key = StatusKey(status);
        return _statusWords.TryGetValue(language, out var words) && words.TryGetValue(key, out var text) ? text
            : _statusWords[ReplyLocale.DefaultLanguage].GetValueOrDefault(key, key.ToLowerInvariant().Replace('_', ' '));
    }

    private static string StatusKey(TrackingStatus status) => status switch
    {
        TrackingStatus.NotFound => "NOT_FOUND",
        TrackingStatus.InfoReceived => "INFO_RECEIVED",
        TrackingStatus.InTransit => "IN_TRANSIT",
        TrackingStatus.OutForDelivery => "OUT_FOR_DELIVERY",
        TrackingStatus.AttemptFailed => "ATTEMPT_FAILED",
        TrackingStatus.AvailableForPickup => "AVAILABLE_FOR_PICKUP",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static BuiltInTemplates Load()
    {
        using var stream = typeof(BuiltInTemplates).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var json = JsonDocument.Parse(stream);
        return new BuiltInTemplates(Nested(json.RootElement.GetProperty("templates")), Nested(json.RootElement.GetProperty("statusWords")));
    }

    private static Dictionary<string, Dictionary<string, string>> Nested(JsonElement element) =>
        element.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateObject().ToDictionary(q => q.Name, q => q.Value.GetString()!, StringComparer.Ordinal),
            StringComparer.Ordinal);
}
