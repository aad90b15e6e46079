using System.Text.Json;

namespace LogisticsLink.Marketplaces.Shopify;

/// <summary>The query cost Shopify reports in <c>extensions.cost</c> of every GraphQL answer (throttled ones too).</summary>
internal sealed record ShopifyCost(double RequestedQueryCost, double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

/// <summary>One entry of a GraphQL answer's <c>errors</c>.</summary>
internal sealed record ShopifyGraphQlError(string Message, string Code)
{
    public bool IsThrottled => Code == "THROTTLED" || Message.Equals("Throttled", StringComparison.OrdinalIgnoreCase);

    public bool IsInternal => Code == "INTERNAL_SERVER_ERROR";

    public override string ToString() => Code.Length == 0 ? Message : $"{Message} ({Code})";
}

/// <summary>
/// Reads the parts of a GraphQL answer around <c>data</c>: <c>errors</c> (a list on GraphQL errors, a bare string on
/// authentication failures such as <c>{"errors":"[API] Invalid API key or access token"}</c>) and <c>extensions.cost</c>.
/// </summary>
internal static class ShopifyEnvelope
{
    public static ShopifyCost? Cost(JsonElement root)
    {
        if (root.Child("extensions")?.Child("cost") is not { } cost || cost.Child("throttleStatus") is not { } status)
        {
            return null;
        }
        return new ShopifyCost(
            cost.Number("requestedQueryCost") ?? 0,
            status.Number("maximumAvailable") ?? 0,
            status.Number("currentlyAvailable") ?? 0,
            status.Number("restoreRate") ?? 0);
    }

    public static IReadOnlyList<ShopifyGraphQlError> Errors(JsonElement root) => root.Child("errors") switch
    {
        null => [],
        { ValueKind: JsonValueKind.String } text => [new ShopifyGraphQlError(text.GetString()!.Trim(), "")],
        { ValueKind: JsonValueKind.Array } list =>
        [
            .. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new ShopifyGraphQlError(e.Text("message"), e.Child("extensions")?.Text("code") ?? "")),
        ],
        // REST-style {"errors":{"field":["reason"]}}: keep the raw text, it names the field.
        { } other => [new ShopifyGraphQlError(other.GetRawText(), "")],
    };

    /// <summary>What a non-2xx answer said, for the failure reason: its errors when it is JSON, else nothing.</summary>
    public static string Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return string.Join("; ", Errors(document.RootElement));
        }
        catch (JsonException)
        {
            // HTML error pages and the like say nothing useful and may be long.
            return "";
        }
    }
}
