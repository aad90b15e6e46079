using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Where a reply ties a review or feedback to an incentive — money's worth (gift cards, vouchers, free or discounted
/// products, rebates), a future benefit or an exchange — for <see cref="MessagingPolicy"/>: the policy's gravest
/// breach, found whether or not the review is asked for in a listed way ("Every review earns you a $10 voucher").
/// </summary>
internal static partial class Incentives
{
    // A sentence ends at . ! ? or ; followed by a space, or at a line break; "$10.50" and "e.g." stay whole or nearly.
    [GeneratedRegex(@"[^.!?;\n]+(?:[.!?;]+(?!\s|$)[^.!?;\n]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    /// <summary>
    /// For each sentence holding both a review word and an incentive (or marketing) word: the span from the first of
    /// them to the end of the last, and the language whose review word was found.
    /// </summary>
    /// <param name="codes">The codes handed to the buyer (<see cref="DiscountCodes"/>): an offer like a voucher.</param>
    public static List<(int Start, int Length, string Language)> Find(
        string text, PolicyWords words, IEnumerable<(int Start, int Length, string Language)> codes)
    {
        var neutral = Phrases.Find(text, words.NotReviews);
        var topics = Phrases.Find(text, words.ReviewNouns)
            .Where(t => !neutral.Any(n => t.Start < n.Start + n.Length && n.Start < t.Start + t.Length)).ToList();
        var found = new List<(int Start, int Length, string Language)>();
        if (topics.Count == 0)
        {
            return found;
        }
        var offers = Phrases.Find(text, words.Incentive).Concat(Phrases.Find(text, words.Marketing)).Concat(codes).ToList();
        foreach (Match sentence in Sentence().Matches(text))
        {
            bool Within((int Start, int Length, string Language) h) =>
                h.Start >= sentence.Index && h.Start + h.Length <= sentence.Index + sentence.Length;
            var topic = topics.Where(Within).ToList();
            var offer = offers.Where(Within).ToList();
            if (topic.Count > 0 && offer.Count > 0)
            {
                var all = topic.Concat(offer).ToList();
                var start = all.Min(h => h.Start);
                found.Add((start, all.Max(h => h.Start + h.Length) - start, topic[0].Language));
            }
        }
        return found;
    }
}
