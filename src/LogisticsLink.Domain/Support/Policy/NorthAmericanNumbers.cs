using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a text holds a North American phone number written as one run of digits ("8005550199": an area code and an
/// exchange starting with 2-9), for <see cref="MessagingPolicy"/>; written with separators it is
/// <see cref="PhoneNumbers"/>'s. Ten digits alone are as often a tracking number or an order number, so a run is a
/// phone number only written after 1 ("18005550199"; after +1 it is an international number already) or after a word
/// for calling (<see cref="PolicyWords.PhoneCues"/>: "call 8005550199", "Tel. 4155550123", "appelez-nous au …",
/// "anrufen unter …", "llame al …", "chiama il numero …"), and never when it is a value the reply may carry (the order
/// id, a tracking number) or verifies as a tracking number as PhoneNumbers' runs of digits do (a DHL Express waybill).
/// </summary>
internal static partial class NorthAmericanNumbers
{
    // The text is read through AsciiForms, so the digits taken are ASCII; a number does not start inside a word or a
    // number, nor end before one, as PhoneNumbers reads them.
    [GeneratedRegex(@"(?<![\w+.\-/])(?<one>1)?[2-9][0-9]{2}[2-9][0-9]{6}(?![\w-]|[.,/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Run();

    // Between the word for calling and the number: an abbreviation's dot ("Tel."), then at most three words ("us at",
    // "nous au", "il numero") with spaces, colons, dashes or brackets around them; no digit, and no end of a sentence.
    [GeneratedRegex(@"^\.?[ \u00A0:\-–()]*(?:[\p{L}'’]+[ \u00A0:\-–()]+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Gap();

    /// <summary>Each such number's start and length, in order.</summary>
    /// <param name="isAllowed">Whether a match is a value the reply may carry (the order id, a tracking number).</param>
    public static IEnumerable<(int Start, int Length)> Find(string text, PolicyWords words, Func<string, bool> isAllowed)
    {
        // One character for one: a position in the folded text is the same in what was written.
        var plain = AsciiForms.Fold(text);
        List<int>? cueEnds = null;
        foreach (Match m in Run().Matches(plain))
        {
            if (isAllowed(m.Value) || PhoneNumbers.IsWaybill(m.Value))
            {
                continue;
            }
            if (m.Groups["one"].Success || FollowsCue(plain, m.Index, cueEnds ??= CueEnds(plain, words)))
            {
                yield return (m.Index, m.Length);
            }
        }
    }

    private static List<int> CueEnds(string text, PolicyWords words) =>
        [.. Phrases.Find(text, words.PhoneCues).Select(hit => hit.Start + hit.Length)];

    private static bool FollowsCue(string text, int at, List<int> cueEnds) =>
        cueEnds.Any(end => end <= at && Gap().IsMatch(text.AsSpan(end, at - end)));
}
