using System.Text.Json;

namespace LogisticsLink.Carriers.Amazon;

/// <summary>
/// Tolerant readers over SP-API JSON: a field that is absent, null, or of an unexpected kind reads as empty, and the
/// parser decides whether that makes the answer unusable. Amazon writes ids as numbers in some examples and the word
/// "null" for an absent alternate-leg id, so both are normalized here.
/// </summary>
internal static class AmazonJson
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public static JsonElement? Prop(this JsonElement? element, string name) => element is { } e ? e.Prop(name) : null;

    /// <summary>A string or number field as text; "" when absent, and "" for the literal "null" Amazon sometimes sends.</summary>
    public static string Str(this JsonElement? element, string name)
    {
        var text = element.Prop(name) switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString()?.Trim() ?? "",
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => "",
        };
        return text.Equals("null", StringComparison.OrdinalIgnoreCase) ? "" : text;
    }

    public static string Str(this JsonElement element, string name) => ((JsonElement?)element).Str(name);

    /// <summary>The items of an array field; empty when absent. A present field that is not an array is a shape error.</summary>
    public static IReadOnlyList<JsonElement> Array(this JsonElement? element, string name) => element.Prop(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray()],
        var other => throw new AmazonUnexpectedResponseException($"'{name}' is {other.Value.ValueKind}, not an array"),
    };

    /// <summary>The strings of an array field (other items skipped).</summary>
    public static IReadOnlyList<string> Strings(this JsonElement? element, string name) =>
        [.. element.Array(name).Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!.Trim()).Where(s => s.Length > 0)];
}

/// <summary>
/// Amazon answered with a body this adapter cannot read safely. Thrown inside the adapter only and always turned into
/// a failed result for the one shipment.
/// </summary>
public sealed class AmazonUnexpectedResponseException(string message) : Exception(message);
