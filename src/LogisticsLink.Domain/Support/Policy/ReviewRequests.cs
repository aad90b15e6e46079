using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a reply asks for a review or feedback in a way the policy forbids, for <see cref="MessagingPolicy"/>: a
/// positive or 5-star one, a change or removal, or — in a reply to an inquiry — any actual request ("leave us a
/// review", "hinterlassen Sie eine Bewertung"). The words alone are not a request: "We will review the carrier's
/// report" and "Thank you for your feedback" are ordinary sentences.
/// </summary>
internal static class ReviewRequests
{
    /// <summary>Each request's start, length and the language whose list caught it, in no particular order.</summary>
    public static List<(int Start, int Length, string Language)> Find(string text, PolicyWords words)
    {
        var hits = Phrases.Find(text, words.Review);
        foreach (var (language, pattern) in words.ReviewRequests)
        {
            foreach (Match m in pattern.Matches(text))
            {
                hits.Add((m.Index, m.Length, language));
            }
        }
        var neutral = Phrases.Find(text, words.NotReviews);
        return hits.Where(h => !neutral.Any(n => h.Start < n.Start + n.Length && n.Start < h.Start + h.Length)).ToList();
    }

    /// <summary>
    /// One language's request pattern: a verb, up to four fillers, a noun ("leave us an honest review"), or the noun
    /// first and the verb last ("eine Bewertung hinterlassen"), in one sentence: only spaces between the words, or
    /// nothing after an elided article ("un'opinione", "l'avis").
    /// </summary>
    public static Regex Pattern(IEnumerable<string> verbs, IEnumerable<string> fillers, IEnumerable<string> nouns)
    {
        const string Gap = @"(?:[\s\u00A0]+|(?<=['’]))";
        var verb = Alternatives(verbs);
        var noun = Alternatives(nouns);
        var between = $"(?:{Gap}{Alternatives(fillers)}){{0,4}}";
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{verb}{between}{Gap}{noun}|{noun}{between}{Gap}{verb})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // Longest first, so that "laissez-nous" is preferred to "laissez"; a space matches any run of spaces and an
    // apostrophe either apostrophe ("we'd", "we’d").
    private static string Alternatives(IEnumerable<string> words) =>
        "(?:" + string.Join('|', words.OrderByDescending(w => w.Length).Select(w =>
            Regex.Escape(w).Replace(@"\ ", @"[\s\u00A0]+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal))) + ")";
}
