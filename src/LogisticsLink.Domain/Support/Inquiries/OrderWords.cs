using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// Whether a bare number is written as an order's number: right after the word for an order in one of the reply
/// languages ("order 1003", "Bestellung 1002", "commande n° 1002", "pedido n.º 1002", "ordine Nr.1002"). A number
/// without it may be a street number, a postcode or a quantity, so it can only propose an order, never pick one.
/// </summary>
public static partial class OrderWords
{
    // How far back the word may start: the longest word plus a number sign and spaces.
    private const int Window = 40;

    [GeneratedRegex(
        @"(?<!\p{L})(?:orders?|bestellung(?:en)?|bestellnummer|bestell-?nr\.?|auftrag(?:snummer)?|commandes?|pedidos?|ordine|ordini)"
        + @"(?:\s*(?:n\.?\s?[º°o]\.?|no\.?|nr\.?|n\.|num\.?|number|nummer|numéro|numero|número))?\s*[:#]?\s*\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderWordBefore();

    // What joins the numbers of a list of orders on one line ("orders 1001 and 1003", "commandes 1001, 1002 et 1003");
    // a number on the next line (an address under the message) is not part of it.
    [GeneratedRegex(@"\A[ \t\u00A0]*(?:,|;|/|&|\+|and|or|und|oder|sowie|et|ou|y|o|e|ed|oppure)[ \t\u00A0]*\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListJoiner();

    /// <summary>
    /// True when <paramref name="between"/>, the text between a number written as an order's and the next number, only
    /// joins a list: the next one is written as an order's number too.
    /// </summary>
    public static bool ContinuesList(ReadOnlySpan<char> between) => ListJoiner().IsMatch(between);

    /// <summary>True when the text just before <paramref name="index"/> names an order.</summary>
    public static bool MarkBefore(string text, int index)
    {
        var start = Math.Max(0, index - Window);
        return OrderWordBefore().IsMatch(text.AsSpan(start, index - start));
    }
}
