using System.Text.Json;

namespace LogisticsLink.Carriers.RoyalMail;

/// <summary>
/// Tolerant readers over Royal Mail JSON: a field absent, null or of another kind reads as empty/null, numbers and
/// booleans are accepted as strings ("200", "true"); the mapper decides whether the answer is still usable.
/// </summary>
internal static class RoyalMailJson
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public static JsonElement? Prop(this JsonElement? element, string name) => element is { } e ? e.Prop(name) : null;

    public static string Str(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => "",
    };

    public static string Str(this JsonElement? element, string name) => element is { } e ? e.Str(name) : "";

    public static int? Int(this JsonElement element, string name) =>
        int.TryParse(element.Str(name), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool? Bool(this JsonElement element, string name) => element.Str(name).ToUpperInvariant() switch
    {
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => null,
    };

    /// <summary>The objects of an array; a lone object counts as one; absent is none; anything else is malformed.</summary>
    public static IReadOnlyList<JsonElement> Objects(this JsonElement element, string name) => element.Prop(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)],
        { ValueKind: JsonValueKind.Object } o => [o],
        { } other => throw new RoyalMailShapeException($"'{name}' is a {other.ValueKind}, expected a list"),
    };
}

/// <summary>An answer that is JSON but not in Royal Mail's shape.</summary>
public sealed class RoyalMailShapeException(string message) : Exception(message);
