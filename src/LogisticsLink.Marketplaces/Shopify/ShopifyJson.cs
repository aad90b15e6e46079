using System.Globalization;
using System.Text.Json;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>
/// Readers for Shopify's JSON (GraphQL answers and webhook bodies). A value of the wrong shape is a malformed answer
/// (<see cref="JsonException"/>), never a silent default that could hide a tracking number.
/// </summary>
internal static class ShopifyJson
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>A scalar as text ("" when absent or null). Ids arrive as numbers in webhooks and as strings in GraphQL.</summary>
    public static string Text(this JsonElement element, string name) => element.Child(name) switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } v => throw new JsonException($"'{name}' is a {v.ValueKind}, expected a value"),
    };

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name) => element.Child(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } v => [.. v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)],
        { } v => throw new JsonException($"'{name}' is a {v.ValueKind}, expected a list"),
    };

    /// <summary>An ISO 8601 date-time (Shopify's DateTime scalar), or null when absent.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name)
    {
        var text = element.Text(name);
        if (text.Length == 0)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new JsonException($"'{name}' is not a date-time");
    }

    public static double? Number(this JsonElement element, string name) => element.Child(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        { } v => throw new JsonException($"'{name}' is a {v.ValueKind}, expected a number"),
    };
}
