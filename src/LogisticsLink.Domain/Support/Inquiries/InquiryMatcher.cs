using System.Text.RegularExpressions;
using LogisticsLink.Domain.Detection;
using LogisticsLink.Domain.Detection.Formats;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// Finds order ids and tracking numbers in a buyer's free text, whatever its language: the layouts are the same in
/// every language, so the matcher reads shapes, never words. The buyer's own text decides: an earlier message quoted
/// below it (<see cref="QuotedText"/>) is read only when the buyer's own words name no order or parcel, since a buyer
/// often quotes our own message, with the order id in it, and asks about another. Repeats are reported once. The one
/// place words count is a bare number: <see cref="OrderWords"/> tells an order's number ("order 1003") from any other
/// number ("1003 Main Street").
/// </summary>
public static partial class InquiryMatcher
{
    public const string Amazon = "amazon";
    public const string Shopify = "shopify";
    public const string Ebay = "ebay";

    // The patterns read the text through AsciiForms, so the digits they take are ASCII ([0-9]): every script's digits
    // are folded to them, except one written as a UTF-16 surrogate pair (mathematical bold 𝟑), which is no digit here.

    // Amazon: 3-7-7 digits. eBay: 2-5-5 digits. Neither may be part of a longer run of digits or dashes. The same
    // separator both times: a hyphen, any other Unicode dash (a word processor's en dash, the minus sign), or for
    // Amazon's longer groups a space (read off a packing slip); not after another group of digits ("0044 302 …").
    [GeneratedRegex(@"(?<![\d\p{Pd}\u2212])(?<!\d[ \u00A0])(?<a>[0-9]{3})(?<sep>[\p{Pd}\u2212 \u00A0])(?<b>[0-9]{7})\k<sep>(?<c>[0-9]{7})(?![\d\p{Pd}\u2212])(?![ \u00A0]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex AmazonOrderId();

    [GeneratedRegex(@"(?<![\d\p{Pd}\u2212])(?<a>[0-9]{2})(?<sep>[\p{Pd}\u2212])(?<b>[0-9]{5})\k<sep>(?<c>[0-9]{5})(?![\d\p{Pd}\u2212])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EbayOrderId();

    // Amazon's FBA shipments report lists a Multi-Channel Fulfillment order under "S01-" and 7-7 digits (Amazon does
    // not say what the prefix means, so any "S" and two digits), and the order is stored under that id. Only this
    // layout: a seller-chosen sellerFulfillmentOrderId has no shape to read, and may differ from the id the buyer sees.
    [GeneratedRegex(@"(?<![\w\p{Pd}\u2212])(?<a>[Ss][0-9]{2})-(?<b>[0-9]{7})-(?<c>[0-9]{7})(?![\w\p{Pd}\u2212])", RegexOptions.CultureInvariant)]
    private static partial Regex AmazonMcfOrderId();

    // Shopify's order name: '#' and 3 to 10 digits, standing alone ("order #1001", "commande #1001", "Nr. #1001").
    [GeneratedRegex(@"(?<![\w/&#])#([0-9]{3,10})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex ShopifyOrderName();

    // A bare number that could be a Shopify order's number or id: 3 to 19 digits, no leading zero (phone numbers,
    // postcodes like 00184), not part of a word, an id, a date, a time, a decimal or a price ("45,99 €", "1200 EUR").
    [GeneratedRegex(@"(?<![\w#/+@$€£-])(?<!\d[.,:])[1-9][0-9]{2,18}(?![\w/@%€$£-])(?![.,:]\d)(?!\s?(?:[€$£%]|(?:EUR|USD|GBP|CHF)(?!\w)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    /// <summary>Bare numbers kept per message: each costs lookups, and a real inquiry quotes one or two.</summary>
    public const int MaxOrderNumbers = 10;

    // A token that could be a tracking number: letters and digits, possibly grouped with dashes. Not after a dot (a
    // host or a file name), except the dot of a number sign a buyer ran on into it ("no.1Z…", "Sendungsnr.LLSB…", "n°.").
    [GeneratedRegex(@"(?<![\w@/-])(?:(?<!\.)|(?<=(?i:no|nr|nro|num|n[º°]|\bn)\.))[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){7,44}(?![\w@-]|\.\w)", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingToken();

    // The marketplace's own form of an id found with another separator: its groups joined by hyphens.
    private static string AsMarketplaceWritesIt(Match m) => $"{m.Groups["a"].Value}-{m.Groups["b"].Value}-{m.Groups["c"].Value}";

    public static InquiryMatches Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return InquiryMatches.None;
        }
        // A number typed on a Japanese or Chinese keyboard ("１１１－２２２２２２２－３３３３３３３", a phone number in
        // full-width digits) or in another script's digits ("٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١", "৩০২-…", "๓๐๒-…") is read as the
        // digits it is; the fold keeps every position, so matches point into the text.
        text = AsciiForms.Fold(text);
        if (QuotedText.BuyersOwn(text) is { } own && MatchAll(own) is var ownMatches && NamesSomething(ownMatches))
        {
            return ownMatches;
        }
        return MatchAll(text);
    }

    // A bare number not written as an order's ("1003 Main Street") names nothing: the quote may hold the order id.
    private static bool NamesSomething(InquiryMatches matches) => !matches.IsEmpty || matches.OrderNumbers.Any(n => n.Marked);

    private static InquiryMatches MatchAll(string text)
    {
        var orders = new List<OrderIdMatch>();
        var taken = new List<(int Start, int End)>();
        Collect(AmazonMcfOrderId(), Amazon, text, orders, taken, m => AsMarketplaceWritesIt(m).ToUpperInvariant());
        Collect(AmazonOrderId(), Amazon, text, orders, taken, AsMarketplaceWritesIt);
        Collect(EbayOrderId(), Ebay, text, orders, taken, AsMarketplaceWritesIt);
        Collect(ShopifyOrderName(), Shopify, text, orders, taken, m => m.Groups[1].Value);

        var numbers = new List<TrackingNumberMatch>();
        AddGrouped(text, taken, numbers);
        foreach (Match m in TrackingToken().Matches(text))
        {
            AddToken(m.Value, m.Index, taken, numbers);
        }
        AddFromCarrierLinks(text, taken, numbers);
        foreach (var (start, number) in DpdParcelMentions.Named(text))
        {
            AddDpd(number, start, taken, numbers);
        }
        return new InquiryMatches(
            orders.OrderBy(o => o.Start).ToList(),
            numbers.OrderBy(n => n.Start).ToList())
        {
            OrderNumbers = BareNumbers(text, taken),
        };
    }

    // Numbers inside an order id or a grouped tracking number are part of it; a run of digits alone may be both a
    // tracking number and an order number, so single tracking tokens do not hide it.
    private static List<OrderIdMatch> BareNumbers(string text, List<(int Start, int End)> taken)
    {
        var found = new List<OrderIdMatch>();
        // The end of the last number written as an order's, for the list it may start ("orders 1001 and 1003").
        var listEnd = -1;
        foreach (Match m in BareNumber().Matches(text))
        {
            if (found.Count == MaxOrderNumbers)
            {
                break;
            }
            if (Overlaps(taken, m.Index, m.Index + m.Length) || IsYear(m.Value) || BesideAnotherDigitGroup(text, m))
            {
                continue;
            }
            var marked = OrderWords.MarkBefore(text, m.Index)
                || (listEnd >= 0 && OrderWords.ContinuesList(text.AsSpan(listEnd, m.Index - listEnd)));
            listEnd = marked ? m.Index + m.Length : -1;
            var earlier = found.FindIndex(f => f.OrderId == m.Value);
            if (earlier < 0)
            {
                found.Add(new OrderIdMatch(Shopify, m.Value, m.Index, m.Length) { Marked = marked });
            }
            else if (marked && !found[earlier].Marked)
            {
                // "1003 … order 1003": the number is written as an order's once, so it is one.
                found[earlier] = found[earlier] with { Marked = true };
            }
        }
        return found;
    }

    // "ordered on 3 March 2025": a shop past a thousand orders has an order #2025, and a year alone must never pick
    // another buyer's order. Such an order is found by "#2025".
    private static bool IsYear(string number) => number.Length == 4 && number[..2] is "19" or "20";

    // "cell. 333 123 4567": a group of a longer number (a phone number written in groups) is not an order number.
    private static bool BesideAnotherDigitGroup(string text, Match m)
    {
        var before = m.Index - 2;
        var after = m.Index + m.Length;
        return (before >= 0 && IsSpace(text[before + 1]) && char.IsAsciiDigit(text[before]))
            || (after + 1 < text.Length && IsSpace(text[after]) && char.IsAsciiDigit(text[after + 1]));
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0';

    // Labels and e-mails often group a number with spaces ("1Z 999 AA1 01 2345 6784", "AB 1234 5678 5GB",
    // "LLSB 0000 0000 03"): runs of up to eight groups joined by single spaces are tried whole; the longest run from a
    // group that names a carrier wins. A run must verify: its check digit, a prefix no one else prints (our sandbox's
    // LLSB, Amazon's TBA), or a layout that is its carrier's own (PrintedLayouts: DPD's label groups, Colissimo's
    // letter) standing on its own, not ending a longer code (a UK IBAN ends in four, four, four and two digits). A run
    // of digit groups only is taken whole or not at all, and never when it is a phone number: "9400 1000 0000" is no
    // FedEx number when "0000 0000 00" follows it, nor "0151 1234 5678" one.
    private static void AddGrouped(string text, List<(int Start, int End)> taken, List<TrackingNumberMatch> numbers)
    {
        var groups = Group().Matches(text).Cast<Match>().ToList();
        var phones = PhoneNumbers.Find(text, _ => false).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            TrackingNumberMatch? best = null;
            for (var j = i + 1; j < groups.Count && j - i < 8 && Joined(text, groups[j - 1], groups[j]); j++)
            {
                var start = groups[i].Index;
                var end = groups[j].Index + groups[j].Length;
                if (Overlaps(taken, start, end))
                {
                    break;
                }
                if (IsDigitRun(groups, i, j)
                    && ((i > 0 && Joined(text, groups[i - 1], groups[i]) && IsDigits(groups[i - 1]))
                        || (j + 1 < groups.Count && Joined(text, groups[j], groups[j + 1]) && IsDigits(groups[j + 1]))
                        || phones.Any(p => start < p.Start + p.Length && p.Start < end)))
                {
                    continue;
                }
                var detected = CarrierDetector.Detect(text[start..end]);
                // A layout without a check digit counts only for a prefix nobody else prints (Amazon's TBA, our LLSB): a
                // bare length without one (DPD's 14 digits) could be anything a buyer grouped.
                var verified = detected.Candidates
                    .Where(c => c.Confidence >= DetectionResult.PlausibleConfidence && (c.ChecksumValid || c.Confidence >= Confidence.Prefixed))
                    .Select(c => c.Carrier)
                    .ToList();
                if (verified.Count == 0 && !EndsACode(text, groups, i)
                    && PrintedLayouts.CarrierOf(groups.Skip(i).Take(j - i + 1).Select(g => g.Value).ToList()) is { } carrier)
                {
                    verified = [carrier];
                }
                if (verified.Count > 0)
                {
                    best = new TrackingNumberMatch(detected.Normalized, verified, start, end - start);
                }
            }
            if (best is not null && numbers.All(n => n.Number != best.Number))
            {
                numbers.Add(best);
                taken.Add((best.Start, best.Start + best.Length));
                i = groups.FindIndex(g => g.Index >= best.Start + best.Length) - 1;
                if (i < -1)
                {
                    break;
                }
            }
        }
    }

    // "GB29 NWBK 6016 1331 9268 19": groups joined before the run, one of them with a digit, make it the tail of a longer
    // code. A carrier's name before it ("DPD 0150 …") does not.
    private static bool EndsACode(string text, List<Match> groups, int from)
    {
        for (var k = from - 1; k >= 0 && Joined(text, groups[k], groups[k + 1]); k--)
        {
            if (groups[k].Value.Any(char.IsAsciiDigit))
            {
                return true;
            }
        }
        return false;
    }

    // A group holds a digit ("1Z", "AA1", "2345"), or is a carrier's letters before or after the digits: two to four
    // capitals ("LLSB", "TBA", "AB", "GB").
    [GeneratedRegex(@"(?<![\w-])(?:[A-Za-z0-9]*[0-9][A-Za-z0-9]*|[A-Z]{2,4})(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Group();

    private static bool Joined(string text, Match left, Match right) =>
        right.Index == left.Index + left.Length + 1 && IsSpace(text[right.Index - 1]);

    private static bool IsDigits(Match group) => group.Value.All(char.IsAsciiDigit);

    private static bool IsDigitRun(List<Match> groups, int from, int to) =>
        groups.Skip(from).Take(to - from + 1).All(IsDigits);

    private static void AddToken(string token, int start, List<(int Start, int End)> taken, List<TrackingNumberMatch> numbers)
    {
        if (Overlaps(taken, start, start + token.Length))
        {
            return;
        }
        var detected = CarrierDetector.Detect(token);
        var plausible = detected.PlausibleCarriers;
        if (plausible.Count > 0 && numbers.All(n => n.Number != detected.Normalized))
        {
            numbers.Add(new TrackingNumberMatch(detected.Normalized, plausible, start, token.Length));
        }
    }

    // 14 digits the buyer named as DPD's (DpdParcelMentions): the carrier is known, though no check says so.
    private static void AddDpd(string number, int start, List<(int Start, int End)> taken, List<TrackingNumberMatch> numbers)
    {
        if (!Overlaps(taken, start, start + number.Length) && numbers.All(n => n.Number != number))
        {
            numbers.Add(new TrackingNumberMatch(number, [Carriers.Dpd], start, number.Length));
        }
    }

    // A link to a carrier's tracking page (the hosts the messaging policy lets a reply carry, so the links our own
    // replies send) may hold the number in its path: Royal Mail's "…#/tracking-results/AB123456785GB", Amazon's
    // "…/tracking/TBA…". Only such links are read this way: a shop's "/orders/1003" is no tracking number.
    [GeneratedRegex(@"https?://(?<host>[A-Za-z0-9.-]+)(?<rest>[/?#][^\s<>""']*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    // A segment of a link's path or fragment, or a query value.
    [GeneratedRegex(@"(?<=[/#=])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){7,44}(?![\w@-]|\.\w)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkSegment();

    private static void AddFromCarrierLinks(string text, List<(int Start, int End)> taken, List<TrackingNumberMatch> numbers)
    {
        foreach (Match link in Link().Matches(text))
        {
            if (!PolicyWords.Default.CarrierTrackingHosts.Contains(link.Groups["host"].Value.ToLowerInvariant()))
            {
                continue;
            }
            var rest = link.Groups["rest"];
            foreach (Match segment in LinkSegment().Matches(rest.Value))
            {
                if (DpdParcelMentions.IsParcelNumberOn(link.Groups["host"].Value, segment.Value))
                {
                    AddDpd(segment.Value, rest.Index + segment.Index, taken, numbers);
                }
                else
                {
                    AddToken(segment.Value, rest.Index + segment.Index, taken, numbers);
                }
            }
        }
    }

    private static void Collect(
        Regex pattern, string channel, string text, List<OrderIdMatch> found, List<(int Start, int End)> taken, Func<Match, string> id)
    {
        foreach (Match m in pattern.Matches(text))
        {
            if (Overlaps(taken, m.Index, m.Index + m.Length))
            {
                continue;
            }
            taken.Add((m.Index, m.Index + m.Length));
            var orderId = id(m);
            if (!found.Any(o => o.Channel == channel && o.OrderId == orderId))
            {
                found.Add(new OrderIdMatch(channel, orderId, m.Index, m.Length));
            }
        }
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int end) =>
        taken.Any(t => start < t.End && t.Start < end);
}
