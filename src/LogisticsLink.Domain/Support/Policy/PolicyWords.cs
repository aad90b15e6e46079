using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LogisticsLink.Domain.Support.Policy;

/// <summary>The policy's word lists and the carriers' tracking hosts, read once from <c>policy-words.json</c>.</summary>
public sealed class PolicyWords
{
    private const string Resource = "LogisticsLink.Domain.Support.Policy.policy-words.json";

    public static PolicyWords Default { get; } = Load();

    /// <summary>Marketing and promotional phrases, by language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Marketing { get; init; }

    /// <summary>What hands the buyer a code to use ("use code", "avec le code"), by language; the code follows.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> DiscountCodeLeads { get; init; }

    /// <summary>Words for calling ("call", "Tel.", "appelez", "anrufen", "llame", "chiama"), by language; a North American number follows.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> PhoneCues { get; init; }

    /// <summary>What offers the buyer something beside the marketing words (free products, an exchange), by language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Incentive { get; init; }

    /// <summary>The words for a review or feedback (the request patterns' nouns), by language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> ReviewNouns { get; init; }

    /// <summary>Phrases that ask for a positive review or feedback, or in a fixed way for one ("rate us"), by language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Review { get; init; }

    /// <summary>Each language's pattern for an actual request for a review or feedback, or to change or remove one.</summary>
    public required IReadOnlyDictionary<string, Regex> ReviewRequests { get; init; }

    /// <summary>Phrases that hold a review word but are no request ("avis de passage"), by language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> NotReviews { get; init; }

    /// <summary>Hosts of carriers' public tracking pages: the only links a reply may carry (over https).</summary>
    public required FrozenSet<string> CarrierTrackingHosts { get; init; }

    /// <summary>Endings of web addresses (lower case) that mark an address written with capitals ("MyShop.COM", "Myshop.De").</summary>
    public required FrozenSet<string> WebEndings { get; init; }

    private static PolicyWords Load()
    {
        using var stream = typeof(PolicyWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new PolicyWords
        {
            Marketing = ByLanguage(root.GetProperty("marketing")),
            DiscountCodeLeads = ByLanguage(root.GetProperty("discountCodes")),
            PhoneCues = ByLanguage(root.GetProperty("phoneCues")),
            Incentive = ByLanguage(root.GetProperty("incentive")),
            Review = ByLanguage(root.GetProperty("review")),
            ReviewNouns = root.GetProperty("reviewRequests").EnumerateObject().ToDictionary(
                p => p.Name, p => (IReadOnlyList<string>)Strings(p.Value, "nouns"), StringComparer.Ordinal),
            ReviewRequests = root.GetProperty("reviewRequests").EnumerateObject().ToDictionary(
                p => p.Name,
                p => Policy.ReviewRequests.Pattern(Strings(p.Value, "verbs"), Strings(p.Value, "fillers"), Strings(p.Value, "nouns")),
                StringComparer.Ordinal),
            NotReviews = root.GetProperty("reviewRequests").EnumerateObject().ToDictionary(
                p => p.Name, p => (IReadOnlyList<string>)Strings(p.Value, "neutral"), StringComparer.Ordinal),
            CarrierTrackingHosts = LowerSet(root.GetProperty("carrierTrackingHosts")),
            WebEndings = LowerSet(root.GetProperty("webEndings")),
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> ByLanguage(JsonElement element) =>
        element.EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(w => w.GetString()!).ToList(),
            StringComparer.Ordinal);

    private static List<string> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(w => w.GetString()!).ToList();

    private static FrozenSet<string> LowerSet(JsonElement element) =>
        element.EnumerateArray().Select(h => h.GetString()!.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
}
