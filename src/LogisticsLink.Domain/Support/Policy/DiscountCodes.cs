using System.Text.RegularExpressions;
using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a reply hands the buyer a code to use ("use code SAVE10", "mit dem Code SOMMER20"), for
/// <see cref="MessagingPolicy"/>: a coupon by another name, so marketing. The code must follow its lead words, so a
/// code named by what it is for ("postal code", "código de seguimiento") is never one.
/// </summary>
internal static partial class DiscountCodes
{
    // After the lead: maybe a colon and an opening quote, then the code. Capitals and digits, at least one capital, a
    // dash or underscore inside: how shops print coupon codes. A lower-case word ("the code on your label") is text.
    [GeneratedRegex(@"\G[ \u00A0]*:?[ \u00A0]*(?<open>[""'“„«‘]?)[ \u00A0]*(?<code>(?=[A-Z0-9_-]*[A-Z])[A-Z0-9](?:[A-Z0-9]|[_-](?=[A-Z0-9])){2,29})(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex CodeAfterLead();

    /// <summary>Each lead and its code: start, length (a closing quote included) and the language of the lead.</summary>
    /// <param name="isAllowed">Whether a code is a value the reply may carry (the order id, a tracking number).</param>
    public static List<(int Start, int Length, string Language)> Find(string text, PolicyWords words, Func<string, bool> isAllowed)
    {
        var found = new List<(int Start, int Length, string Language)>();
        foreach (var (start, length, language) in Phrases.Find(text, words.DiscountCodeLeads))
        {
            var m = CodeAfterLead().Match(text, start + length);
            if (!m.Success || isAllowed(m.Groups["code"].Value) || IsTrackingNumber(m.Groups["code"].Value))
            {
                continue;
            }
            var end = m.Index + m.Length;
            if (m.Groups["open"].Length > 0 && end < text.Length && text[end] is '"' or '\'' or '”' or '“' or '»' or '’')
            {
                end++;
            }
            found.Add((start, end - start, language));
        }
        return found;
    }

    // "Use the code 1Z999AA10123456784 on the UPS page": a number the carrier knows is what the buyer needs.
    private static bool IsTrackingNumber(string code) =>
        CarrierDetector.Detect(code).PlausibleCarriers.Count > 0;
}
