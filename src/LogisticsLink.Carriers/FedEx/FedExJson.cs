using System.Globalization;
using System.Text.Json;

namespace LogisticsLink.Carriers.FedEx;

/// <summary>
/// Tolerant readers over FedEx JSON. The body is read as a document rather than bound to classes because FedEx sends
/// booleans and numbers as strings in some fields and omits or nulls others; a reader returns null/empty for a field
/// that is absent or of an unexpected kind, and the mapper decides whether that makes the answer unusable.
/// </summary>
internal static class FedExJson
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public static JsonElement? Prop(this JsonElement? element, string name) => element is { } e ? e.Prop(name) : null;

    public static string Str(this JsonElement? element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => "",
    };

    public static string Str(this JsonElement element, string name) => ((JsonElement?)element).Str(name);

    /// <summary>true/false, or "true"/"false" as FedEx sends some of them; null when absent or anything else.</summary>
    public static bool? Bool(this JsonElement? element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var b) => b,
        _ => null,
    };

    /// <summary>A number, or a string holding one.</summary>
    public static long? Long(this JsonElement? element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    /// <summary>The items of an array field; empty when absent. A present field that is not an array is a shape error.</summary>
    public static IReadOnlyList<JsonElement> Array(this JsonElement? element, string name) => element.Prop(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray()],
        var other => throw new FedExShapeException($"'{name}' is {other.Value.ValueKind}, not an array"),
    };

    public static IReadOnlyList<JsonElement> Array(this JsonElement element, string name) => ((JsonElement?)element).Array(name);
}

/// <summary>The body parsed as JSON but is not shaped like a FedEx answer.</summary>
internal sealed class FedExShapeException(string message) : Exception(message);
