using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>
/// Amazon's buyer-seller messaging rules (reference: marketplaces.md §5.1–5.2) checked on a reply's text: at most
/// 2,000 characters; no links except https links to a known carrier's tracking page; no e-mail addresses or phone
/// numbers; no marketing or promotional wording, nor a code handed to the buyer to use; no request for a review or
/// feedback, for a positive one or to change one; no emojis; no HTML. Pure.
/// </summary>
public static partial class MessagingPolicy
{
    public const int MaxLength = 2000;

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{M}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?\s*>|&(?:[A-Za-z]{2,8}|#\d{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Html();

    /// <summary>Every breach in <paramref name="text"/>, in order of position.</summary>
    /// <param name="allowedTokens">Values that may look like a phone number but are not (the order id, tracking
    /// numbers): a span equal to one of them, spaces and dashes aside, is not reported.</param>
    public static IReadOnlyList<PolicyFinding> Check(string text, IReadOnlyCollection<string>? allowedTokens = null, PolicyWords? words = null)
    {
        words ??= PolicyWords.Default;
        var allowed = (allowedTokens ?? []).Select(Compact).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var findings = new List<PolicyFinding>();
        if (text.Length > MaxLength)
        {
            findings.Add(new(PolicyCodes.TooLong,
                $"The reply has {text.Length} characters; Amazon accepts at most {MaxLength}.", MaxLength, text.Length - MaxLength));
        }
        // Addresses are looked for as a buyer reads them: "ｗｗｗ．example．com" is www.example.com.
        var read = LookAlikes.Fold(text);
        var links = new List<(int Start, int End)>();
        foreach (Match m in Url().Matches(read.Text))
        {
            var value = m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?');
            var (start, length) = read.Written(m.Index, value.Length);
            links.Add((start, start + length));
            if (LinkProblem(value, text.Substring(start, length), words) is { } problem)
            {
                findings.Add(new(PolicyCodes.Link, problem, start, length));
            }
        }
        foreach (var (at, value) in WebAddresses.Find(read.Text, words))
        {
            var (start, length) = read.Written(at, value.Length);
            if (!Inside(links, start))
            {
                links.Add((start, start + length));
                findings.Add(new(PolicyCodes.Link,
                    $"'{text.Substring(start, length)}' is a web address; replies may not point buyers to other sites.", start, length));
            }
        }
        foreach (Match m in Email().Matches(read.Text))
        {
            var (start, length) = read.Written(m.Index, m.Length);
            findings.Add(new(PolicyCodes.Email, $"'{text.Substring(start, length)}' is an e-mail address; replies must not carry one.", start, length));
        }
        var phones = PhoneNumbers.Find(text, value => allowed.Contains(Compact(value))).ToList();
        // An unspaced North American number ("call 8005550199") the patterns above may also read (an Italian mobile's
        // run "3125550177") is one finding.
        phones.AddRange(NorthAmericanNumbers.Find(text, words, value => allowed.Contains(Compact(value)))
            .Where(n => !phones.Exists(p => p.Start < n.Start + n.Length && n.Start < p.Start + p.Length)).ToList());
        foreach (var (start, length) in phones)
        {
            if (!Inside(links, start))
            {
                findings.Add(new(PolicyCodes.Phone, $"'{text.Substring(start, length)}' looks like a phone number; replies must not carry one.", start, length));
            }
        }
        foreach (Match m in Html().Matches(text))
        {
            findings.Add(new(PolicyCodes.Html, $"'{m.Value}' is HTML; replies are plain text.", m.Index, m.Length));
        }
        // Words and codes are read as the buyer reads them: "use code ＳＡＶＥ１０" or "SAVE١٠" hands over SAVE10, "ｃｏｕｐｏｎ" is coupon.
        // The fold is one character for one, so what it finds points at the text as written.
        var plain = AsciiForms.Fold(text);
        var codes = DiscountCodes.Find(plain, words, value => allowed.Contains(Compact(value)));
        AddOnce(text, [.. Phrases.Find(plain, words.Marketing), .. codes], PolicyCodes.Marketing,
            "is marketing or promotional wording, which Amazon forbids in buyer messages", links, findings);
        AddOnce(text, ReviewRequests.Find(plain, words), PolicyCodes.ReviewRequest,
            "asks the buyer for a review or feedback (or a positive or changed one), which a reply to an inquiry must not do", links, findings);
        // Reported even where a request above covers the same words: an incentive is the graver breach.
        AddOnce(text, Incentives.Find(plain, words, codes), PolicyCodes.ReviewRequest,
            "ties a review or feedback to an incentive (gift card, voucher, free or discounted product, future benefit), which Amazon forbids", links, findings);
        AddEmojis(text, findings);
        findings.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Code, b.Code));
        return findings;
    }

    /// <param name="url">The link as read (<see cref="LookAlikes"/>).</param>
    /// <param name="written">The link as written, for the message.</param>
    private static string? LinkProblem(string url, string written, PolicyWords words)
    {
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{written}' is not an https link; only https links to a carrier's tracking page are allowed.";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !words.CarrierTrackingHosts.Contains(uri.Host.ToLowerInvariant()))
        {
            return $"'{written}' links outside a known carrier's tracking page; replies may not link to other sites.";
        }
        // A carrier's page that carries another address (a redirect or "back to" parameter) sends the buyer on to it.
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (rest.Contains("://", StringComparison.Ordinal) || rest.Contains("%3A%2F%2F", StringComparison.OrdinalIgnoreCase)
            || CarriesBareAddress(rest, words))
        {
            return $"'{written}' carries another web address; replies may not link to other sites.";
        }
        return null;
    }

    // "?redirect=evil.com", "&next=//evil.com/deals", "#retour=myshop.example": a query or fragment value that is a
    // web address without a scheme is followed by a page that redirects as surely as one with it. The path is left
    // alone: it names the carrier's own pages ("tracking-parcel.html").
    private static bool CarriesBareAddress(string afterScheme, PolicyWords words)
    {
        var start = afterScheme.IndexOfAny(['?', '#']);
        if (start < 0)
        {
            return false;
        }
        foreach (var part in afterScheme[(start + 1)..].Split('&', '?', '#', ';'))
        {
            var value = Uri.UnescapeDataString(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]).TrimStart('/', '\\');
            if (WebAddresses.Find(value, words).Any())
            {
                return true;
            }
        }
        return false;
    }

    // One finding per wording: where hits overlap ("laisser un avis positif" holds "laisser un avis" and "avis
    // positif"), the one starting first wins, the longer one at the same start; words inside a link are the link's.
    private static void AddOnce(
        string text, List<(int Start, int Length, string Language)> hits, string code, string why,
        List<(int Start, int End)> links, List<PolicyFinding> findings)
    {
        var taken = new List<(int Start, int End)>(links);
        foreach (var (at, length, language) in hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            if (!taken.Any(t => at < t.End && t.Start < at + length))
            {
                taken.Add((at, at + length));
                findings.Add(new(code, $"'{text.Substring(at, length)}' {why} (list '{language}').", at, length));
            }
        }
    }

    private static void AddEmojis(string text, List<PolicyFinding> findings)
    {
        foreach (var (start, length, codePoint) in Emojis.Find(text))
        {
            findings.Add(new(PolicyCodes.Emoji,
                $"'{text.Substring(start, length)}' (U+{codePoint:X4}) is an emoji; Amazon does not allow emojis in messages.", start, length));
        }
    }

    private static bool Inside(List<(int Start, int End)> spans, int index) => spans.Any(s => index >= s.Start && index < s.End);

    private static string Compact(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
