using System.Text.Json;

namespace LogisticsLink.Marketplaces.Ebay;

/// <summary>
/// eBay REST error bodies: <c>{"errors":[{"errorId":32100,"domain":"API_FULFILLMENT","category":"REQUEST",
/// "message":"Invalid order ID: …","longMessage":"…"}]}</c>, summarised for a failure reason.
/// </summary>
internal static class EbayErrors
{
    /// <summary>"32100 Invalid order ID: x — longMessage" for each error; "" when the body is not eBay's error JSON.</summary>
    public static string Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return string.Join("; ", document.RootElement.Items("errors").Select(Describe).Where(d => d.Length > 0));
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string Describe(JsonElement error)
    {
        var id = error.Text("errorId");
        var message = error.Text("message");
        var longMessage = error.Text("longMessage");
        var text = id.Length > 0 ? $"{id} {message}".Trim() : message;
        return longMessage.Length > 0 && longMessage != message ? $"{text} — {longMessage}" : text;
    }
}
