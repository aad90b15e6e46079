namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// The buyer's language (one of the built-in five) and time zone, from a BCP 47 tag ("fr-FR"), the order's
/// marketplace, or an explicit IANA zone. The server runs with invariant globalization, so dates are written from
/// our own tables (<see cref="LocalDates"/>), not from ICU.
/// </summary>
public sealed record ReplyLocale(string Language, string Region, TimeZoneInfo TimeZone)
{
    /// <summary>
    /// The buyer's language as given when we have no templates in it ("nl-NL", "ja"): the reply is then in
    /// <see cref="DefaultLanguage"/>, which Amazon's rule (the buyer's language of preference) does not accept, so the
    /// composer reports it rather than let the reply pass as compliant. Null when the reply is in the buyer's language,
    /// or when none was given.
    /// </summary>
    public string? UnservedLanguage { get; init; }

    public const string DefaultLanguage = "en";

    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "de", "es", "it"];

    // Amazon marketplace ids (reference: marketplaces.md §1.3; IE, BE and ZA from Amazon's marketplace-ids page) and
    // eBay's → the marketplace's region.
    private static readonly Dictionary<string, string> MarketplaceRegions = new(StringComparer.Ordinal)
    {
        ["ATVPDKIKX0DER"] = "US", ["A2EUQ1WTGCTBG2"] = "CA", ["A1AM78C64UM0Y8"] = "MX", ["A2Q3Y263D00KWC"] = "BR",
        ["A1F83G8C2ARO7P"] = "GB", ["A28R8C7NBKEWEA"] = "IE", ["A1PA6795UKMFR9"] = "DE", ["A13V1IB3VIYZZH"] = "FR",
        ["A1RKKUPIHCS9HS"] = "ES", ["APJ6JRA9NG5V4"] = "IT", ["A1805IZSGTT6HS"] = "NL", ["AMEN7PMS3EDWL"] = "BE",
        ["A1C3SOZRARQ6R3"] = "PL", ["A2NODRKZP88ZB9"] = "SE", ["AE08WJ6YKNBMC"] = "ZA", ["ARBP9OOSHTCHU"] = "EG",
        ["A33AVAJ2PDY3EV"] = "TR", ["A17E79C6D8DWNP"] = "SA", ["A2VIGQ35RCS4UG"] = "AE", ["A21TJRUUN4KGV"] = "IN",
        ["A19VAU5U5O7RUS"] = "SG", ["A39IBJ37TRP1C6"] = "AU", ["A1VC38T7YXB528"] = "JP",
        // eBay's marketplace ids (MarketplaceIdEnum), which an eBay order carries instead of a buyer language.
        ["EBAY_US"] = "US", ["EBAY_MOTORS_US"] = "US", ["EBAY_CA"] = "CA", ["EBAY_GB"] = "GB", ["EBAY_IE"] = "IE",
        ["EBAY_DE"] = "DE", ["EBAY_AT"] = "AT", ["EBAY_CH"] = "CH", ["EBAY_FR"] = "FR", ["EBAY_BE"] = "BE",
        ["EBAY_ES"] = "ES", ["EBAY_IT"] = "IT", ["EBAY_NL"] = "NL", ["EBAY_PL"] = "PL", ["EBAY_AU"] = "AU",
        ["EBAY_SG"] = "SG", ["EBAY_HK"] = "HK", ["EBAY_MY"] = "MY", ["EBAY_PH"] = "PH", ["EBAY_TW"] = "TW",
    };

    // A region's zone: where most of its buyers live (the capital's or the largest city's zone for a country with several).
    private static readonly Dictionary<string, string> RegionZones = new(StringComparer.Ordinal)
    {
        ["US"] = "America/New_York", ["CA"] = "America/Toronto", ["MX"] = "America/Mexico_City", ["BR"] = "America/Sao_Paulo",
        ["GB"] = "Europe/London", ["IE"] = "Europe/Dublin", ["DE"] = "Europe/Berlin", ["AT"] = "Europe/Vienna",
        ["CH"] = "Europe/Zurich", ["FR"] = "Europe/Paris", ["BE"] = "Europe/Brussels", ["LU"] = "Europe/Luxembourg",
        ["ES"] = "Europe/Madrid", ["IT"] = "Europe/Rome", ["NL"] = "Europe/Amsterdam", ["PL"] = "Europe/Warsaw",
        ["SE"] = "Europe/Stockholm", ["ZA"] = "Africa/Johannesburg", ["EG"] = "Africa/Cairo", ["TR"] = "Europe/Istanbul",
        ["SA"] = "Asia/Riyadh", ["AE"] = "Asia/Dubai", ["IN"] = "Asia/Kolkata", ["SG"] = "Asia/Singapore",
        ["AU"] = "Australia/Sydney", ["JP"] = "Asia/Tokyo", ["HK"] = "Asia/Hong_Kong", ["MY"] = "Asia/Kuala_Lumpur",
        ["PH"] = "Asia/Manila", ["TW"] = "Asia/Taipei",
    };

    private static readonly Dictionary<string, string> LanguageRegions = new(StringComparer.Ordinal)
    {
        ["en"] = "GB", ["fr"] = "FR", ["de"] = "DE", ["es"] = "ES", ["it"] = "IT",
    };

    /// <summary>
    /// The locale for a reply: the first usable of <paramref name="requested"/> and <paramref name="buyerLanguage"/>
    /// picks the language; when neither is given, the marketplace's language if we have templates in it; else the
    /// language the buyer's message is plainly written in (<paramref name="messageLanguage"/>, one of the five, see
    /// <see cref="MessageLanguage"/>); else English (named in <see cref="UnservedLanguage"/> when the buyer's language
    /// was given but is not one of the five). The zone is <paramref name="timeZone"/> when given, else the tag's
    /// region, else the marketplace's, else the language's home.
    /// </summary>
    public static ReplyLocale Resolve(
        string? requested, string? buyerLanguage = null, string? marketplaceId = null, string? timeZone = null, string? messageLanguage = null)
    {
        var (language, region) = Parse(requested);
        if (language is null)
        {
            (language, region) = Parse(buyerLanguage);
        }
        var marketplaceRegion = marketplaceId is not null && MarketplaceRegions.TryGetValue(marketplaceId, out var fromMarketplace) ? fromMarketplace : null;
        // A language given that we cannot write says more about the buyer than the marketplace does (a Swede on
        // amazon.de): English, flagged, rather than German.
        var unserved = language is null ? new[] { requested, buyerLanguage }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim() : null;
        language ??= unserved is null ? MarketplaceLanguage(marketplaceRegion) : null;
        // Nothing names the buyer's language (no order, or one of a marketplace of several languages, amazon.com.be or
        // .ca, that names none): the buyer's own words say more than English would.
        language ??= unserved is null ? Parse(messageLanguage).Language : null;
        language ??= DefaultLanguage;
        var home = LanguageRegions[language];
        region ??= marketplaceRegion ?? home;
        // A region we know no zone for (en-NZ) says little about where the buyer is: the marketplace says more.
        var zone = !string.IsNullOrEmpty(timeZone) ? FindZone(timeZone)
            : ZoneOf(region) ?? ZoneOf(marketplaceRegion) ?? ZoneOf(home);
        return new ReplyLocale(language, region, zone ?? TimeZoneInfo.Utc) { UnservedLanguage = unserved };
    }

    // The marketplace's language where it has one and we write it (amazon.fr → fr, .de, .es, .it, .co.uk, and
    // .com.mx → es; ebay.at → de): a marketplace with several languages (CA, BE, CH) or none of ours is not guessed at. amazon.ca is
    // mostly English-speaking; amazon.com.be mostly Dutch-speaking (about 60 %), with no templates of ours, so French
    // would be wrong for most of its buyers, and the reference (marketplaces.md) names no default language for either.
    private static readonly Dictionary<string, string> MarketplaceLanguages = new(StringComparer.Ordinal)
    {
        ["GB"] = "en", ["FR"] = "fr", ["DE"] = "de", ["AT"] = "de", ["ES"] = "es", ["MX"] = "es", ["IT"] = "it",
    };

    private static string? MarketplaceLanguage(string? marketplaceRegion) =>
        marketplaceRegion is not null && MarketplaceLanguages.TryGetValue(marketplaceRegion, out var language) ? language : null;

    private static TimeZoneInfo? ZoneOf(string? region) =>
        region is not null && RegionZones.TryGetValue(region, out var id) ? FindZone(id) : null;

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
