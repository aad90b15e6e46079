using System.Globalization;
using System.Text.Json;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>Readers for SP-API JSON: absent and null are alike; a value of the wrong kind is a malformed answer.</summary>
internal static class AmazonJson
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static string Text(this JsonElement element, string name) => element.Child(name) switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString()!.Trim(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } v => throw new AmazonMalformedException($"'{name}' is a {v.ValueKind}, expected a value"),
    };

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) => element.Child(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList(),
        { } v => throw new AmazonMalformedException($"'{name}' is a {v.ValueKind}, expected a list"),
    };

    /// <summary>An ISO 8601 instant; null when absent. A present but unreadable date is malformed, not silently dropped.</summary>
    public static DateTimeOffset? Instant(this JsonElement element, string name)
    {
        var text = element.Text(name);
        if (text.Length == 0)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new AmazonMalformedException($"'{name}' is not a date: '{text}'");
    }

    public static JsonDocument Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new AmazonMalformedException("the body is not JSON");
        }
    }

    /// <summary>ISO 8601 in UTC to the second, as SP-API query parameters take it.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
