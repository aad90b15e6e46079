using System.Globalization;
using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Web addresses written without a scheme ("myshop.example", "MyShop.COM", "shop.example.co.uk/new"), for
/// <see cref="MessagingPolicy"/>, which reads the text through <see cref="LookAlikes"/> first; a carrier's own site
/// named bare ("ups.com") is the carrier, not another site.
/// </summary>
internal static partial class WebAddresses
{
    // Labels joined by dots, the last of letters only, then maybe a path. Letters only keep decimals, versions and
    // weights ("2.5", "v1.2", "1.5kg") out; the rest is judged in code. Letters of any script: "bücher.de" is an
    // address, and so is "mуshop.com" with a Cyrillic "у" that a buyer cannot tell from the shop's.
    [GeneratedRegex(@"(?<![\w@.\-/:])(?<host>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-+[\p{L}\p{M}\p{N}]+)*(?:\.[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-+[\p{L}\p{M}\p{N}]+)*)*\.\p{L}[\p{L}\p{M}]{1,23})(?![\w@-])(?<path>/[^\s<>""']*)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex BareHost();

    /// <summary>Each address's start and text (trailing punctuation left out), in order.</summary>
    public static IEnumerable<(int Start, string Value)> Find(string text, PolicyWords words)
    {
        foreach (Match m in BareHost().Matches(text))
        {
            var labels = m.Groups["host"].Value.Split('.');
            var count = labels.Length;
            while (count >= 2 && !IsEnding(labels[count - 1], words))
            {
                count--;
            }
            // A one-letter first label is an abbreviation ("e.g.", "z.B.", "S.A."), one without a letter a number.
            if (count < 2 || labels[0].Length < 2 || !labels[0].Any(char.IsLetter))
            {
                continue;
            }
            var host = string.Join('.', labels[..count]);
            if (words.CarrierTrackingHosts.Contains(host.ToLowerInvariant()))
            {
                continue;
            }
            var value = count == labels.Length ? host + m.Groups["path"].Value : host;
            yield return (m.Index, value.TrimEnd('.', ',', ';', ':', ')', '!', '?'));
        }
    }

    // Lower case ("myshop.example") is an address whatever the ending. Otherwise the ending must be a known one, in
    // any case ("MyShop.COM", "Myshop.De", "MyShop.cOm"), so that "Mr.Smith" or a run-on "today.The" stays text. A
    // run-on ending in a two-letter word ("parcel.It") reads as a shop would and is flagged: letting "Myshop.De" pass
    // as a sentence would put a shop address in front of a buyer.
    private static bool IsEnding(string label, PolicyWords words) =>
        label.Length >= 2 && label.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
        && (label.All(c => !char.IsUpper(c)) || words.WebEndings.Contains(label.ToLowerInvariant()));
}
