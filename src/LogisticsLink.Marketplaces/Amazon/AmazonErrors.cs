using System.Text.Json;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>
/// SP-API error bodies: every model's <c>ErrorList</c>, <c>{"errors":[{"code","message","details"}]}</c>, also found
/// beside a v0 <c>payload</c>. Rendered as "Code: message (details)", several joined by "; ".
/// </summary>
public static class AmazonErrors
{
    /// <summary>The errors a body carries, readable; "" when it carries none or is not JSON.</summary>
    public static string Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return string.Join("; ", Codes(document.RootElement).Select(e =>
                e.Details.Length == 0 ? $"{e.Code}: {e.Message}" : $"{e.Code}: {e.Message} ({e.Details})"));
        }
        catch (Exception e) when (e is JsonException or AmazonMalformedException)
        {
            return "";
        }
    }

    /// <summary>The <c>code</c> of each error in the body, in order.</summary>
    public static IReadOnlyList<string> CodesOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Codes(document.RootElement).Select(e => e.Code).ToList();
        }
        catch (Exception e) when (e is JsonException or AmazonMalformedException)
        {
            return [];
        }
    }

    /// <summary>
    /// SP-API refuses a bad or expired access token with 403 <c>Unauthorized</c> and details naming the token ("The
    /// access token you provided is revoked, malformed or invalid.", "Access token is missing…"), so that 403 earns a
    /// new token just like a 401. A 403 about the resource itself (a missing role) does not.
    /// </summary>
    public static bool IsTokenRefusal(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Codes(document.RootElement).Any(e =>
                e.Code.Equals("Unauthorized", StringComparison.OrdinalIgnoreCase) &&
                (e.Details + " " + e.Message).Contains("token", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is JsonException or AmazonMalformedException)
        {
            return false;
        }
    }

    private static IEnumerable<(string Code, string Message, string Details)> Codes(JsonElement root) =>
        root.Items("errors").Select(e => (e.Text("code"), e.Text("message"), e.Text("details")));
}
