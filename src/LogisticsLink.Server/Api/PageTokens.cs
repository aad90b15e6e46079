using System.Text;

namespace LogisticsLink.Server.Api;

/// <summary>
/// Opaque page tokens: a row key, marked with the list that returned it. ListShipments and ListOrders page over
/// different tables in opposite directions, so a token of one read by the other would start at an unrelated position.
/// </summary>
public static class PageTokens
{
    public const string Shipments = "s1";
    public const string Orders = "o1";

    public static string Encode(string list, long key) =>
        key == 0 ? "" : Convert.ToBase64String(Encoding.ASCII.GetBytes($"{list}:{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <returns>The row key, or 0 for the first page (and for a token refused, with a violation on page_token).</returns>
    public static long Decode(Violations violations, string list, string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            var prefix = list + ":";
            if (text.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(prefix.Length), out var key) && key > 0)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }
        violations.Add("page_token", "is not a token returned by this list call");
        return 0;
    }
}
