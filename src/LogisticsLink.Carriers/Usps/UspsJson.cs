using System.Text.Json;

namespace LogisticsLink.Carriers.Usps;

/// <summary>
/// Lenient readers for USPS JSON: booleans arrive as strings ("true"), numbers as strings, a documented array as a
/// lone object (the API's own detail example sends <c>trackingEvents</c> as one object) and absent values as null.
/// Anything else that does not fit is a malformed answer, never a silent default that could mean a wrong status.
/// </summary>
internal static class UspsJson
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>A scalar as trimmed text ("" when absent); an object or array where a scalar belongs is malformed.</summary>
    public static string Text(this JsonElement element, string name) => element.Child(name) switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } v => throw new UspsUnexpectedResponseException($"'{name}' is a {v.ValueKind}, expected a value"),
    };

    /// <summary>The items of an array; a lone object counts as one item; absent is none.</summary>
    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name) => element.Child(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } v => [.. v.EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Null)],
        { ValueKind: JsonValueKind.Object } v => [v],
        { } v => throw new UspsUnexpectedResponseException($"'{name}' is a {v.ValueKind}, expected a list"),
    };

    /// <summary>true/false as JSON booleans or the strings USPS uses; null when absent or unreadable.</summary>
    public static bool? Flag(this JsonElement element, string name) => element.Text(name).ToUpperInvariant() switch
    {
        "TRUE" or "Y" or "YES" or "1" => true,
        "FALSE" or "N" or "NO" or "0" => false,
        _ => null,
    };
}
