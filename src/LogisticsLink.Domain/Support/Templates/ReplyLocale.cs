namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The buyer's language (one of the built-in five) and time zone, from a BCP 47 tag ("fr-FR"), the order's
/// marketplace, or an explicit IANA zone. The server runs with invariant globalization, so dates are written from
/// our own tables (<see cref="LocalDates"/>), not from ICU.
/// </summary>
public sealed record ReplyLocale(string Language, string Region, TimeZoneInfo TimeZone)
{
    public const string DefaultLanguage = "en";

    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "de", "es", "it"];

    // Amazon marketplace ids (reference: marketplaces.md §1.3) → the marketplace's region.
    private static readonly Dictionary<string, string> MarketplaceRegions = new(StringComparer.Ordinal)
    {
        ["ATVPDKIKX0DER"] = "US", ["A2EUQ1WTGCTBG2"] = "CA", ["A1F83G8C2ARO7P"] = "GB", ["A1PA6795UKMFR9"] = "DE",
        ["A13V1IB3VIYZZH"] = "FR", ["A1RKKUPIHCS9HS"] = "ES", ["APJ6JRA9NG5V4"] = "IT", ["A1805IZSGTT6HS"] = "NL",
        ["A1C3SOZRARQ6R3"] = "PL", ["A2NODRKZP88ZB9"] = "SE", ["AMEN7PMS3EDWL"] = "BE", ["A1AM78C64UM0Y8"] = "MX",
    };

    private static readonly Dictionary<string, string> RegionZones = new(StringComparer.Ordinal)
    {
        ["US"] = "America/New_York", ["CA"] = "America/Toronto", ["MX"] = "America/Mexico_City", ["GB"] = "Europe/London",
        ["IE"] = "Europe/Dublin", ["DE"] = "Europe/Berlin", ["AT"] = "Europe/Vienna", ["CH"] = "Europe/Zurich",
        ["FR"] = "Europe/Paris", ["BE"] = "Europe/Brussels", ["LU"] = "Europe/Luxembourg", ["ES"] = "Europe/Madrid",
        ["IT"] = "Europe/Rome", ["NL"] = "Europe/Amsterdam", ["PL"] = "Europe/Warsaw", ["SE"] = "Europe/Stockholm",
    };

    private static readonly Dictionary<string, string> LanguageRegions = new(StringComparer.Ordinal)
    {
        ["en"] = "GB", ["fr"] = "FR", ["de"] = "DE", ["es"] = "ES", ["it"] = "IT",
    };

    /// <summary>
    /// The locale for a reply: the first usable of <paramref name="requested"/> and <paramref name="buyerLanguage"/>
    /// picks the language (English when neither is one of the five); the zone is <paramref name="timeZone"/> when
    /// given, else the tag's region, else the marketplace's, else the language's home.
    /// </summary>
    public static ReplyLocale Resolve(string? requested, string? buyerLanguage = null, string? marketplaceId = null, string? timeZone = null)
    {
        var (language, region) = Parse(requested);
        if (language is null)
        {
            (language, region) = Parse(buyerLanguage);
        }
        language ??= DefaultLanguage;
        if (region is null && marketplaceId is not null && MarketplaceRegions.TryGetValue(marketplaceId, out var fromMarketplace))
        {
            region = fromMarketplace;
        }
        region ??= LanguageRegions[language];
        var zone = !string.IsNullOrEmpty(timeZone) ? FindZone(timeZone)
            : RegionZones.TryGetValue(region, out var id) ? FindZone(id)
            : TimeZoneInfo.Utc;
        return new ReplyLocale(language, region, zone ?? TimeZoneInfo.Utc);
    }

    /// <summary>Whether <paramref name="tag"/> names one of the five languages (any region).</summary>
    public static bool IsSupported(string? tag) => Parse(tag).Language is not null;

    /// <summary>The IANA zone, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private static (string? Language, string? Region) Parse(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return (null, null);
        }
        var parts = tag.Trim().Replace('_', '-').Split('-');
        var language = parts[0].ToLowerInvariant();
        if (!Languages.Contains(language))
        {
            return (null, null);
        }
        var region = parts.Skip(1).FirstOrDefault(p => p.Length == 2)?.ToUpperInvariant();
        return (language, region);
    }
}
