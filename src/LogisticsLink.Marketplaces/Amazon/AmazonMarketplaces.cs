namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>One Amazon marketplace: its id, country, SP-API selling region and the language its buyers are served in.</summary>
public sealed record AmazonMarketplace(string Id, string CountryCode, string Region, string Language);

/// <summary>
/// Amazon's marketplace ids and the regional SP-API endpoint serving each (developer-docs "Marketplace IDs" and
/// "SP-API endpoints"). The language is the one the marketplace's buyers share, used as the buyer's language since the
/// Orders API carries none; empty for a marketplace whose buyers write several (amazon.com.be: mostly Dutch, also French
/// and German; amazon.ca: English and French), where any one would be wrong for many buyers while passing as their
/// language of preference (marketplaces.md line 620): there the buyer's message decides, as ReplyLocale does.
/// </summary>
public static class AmazonMarketplaces
{
    public const string NorthAmerica = "NA";
    public const string Europe = "EU";
    public const string FarEast = "FE";

    private static readonly Dictionary<string, AmazonMarketplace> ById = new AmazonMarketplace[]
    {
        new("A2EUQ1WTGCTBG2", "CA", NorthAmerica, ""),
        new("ATVPDKIKX0DER", "US", NorthAmerica, "en"),
        new("A1AM78C64UM0Y8", "MX", NorthAmerica, "es"),
        new("A2Q3Y263D00KWC", "BR", NorthAmerica, "pt"),
        new("A28R8C7NBKEWEA", "IE", Europe, "en"),
        new("A1RKKUPIHCS9HS", "ES", Europe, "es"),
        new("A1F83G8C2ARO7P", "UK", Europe, "en"),
        new("A13V1IB3VIYZZH", "FR", Europe, "fr"),
        new("AMEN7PMS3EDWL", "BE", Europe, ""),
        new("A1805IZSGTT6HS", "NL", Europe, "nl"),
        new("A1PA6795UKMFR9", "DE", Europe, "de"),
        new("APJ6JRA9NG5V4", "IT", Europe, "it"),
        new("A2NODRKZP88ZB9", "SE", Europe, "sv"),
        new("AE08WJ6YKNBMC", "ZA", Europe, "en"),
        new("A1C3SOZRARQ6R3", "PL", Europe, "pl"),
        new("ARBP9OOSHTCHU", "EG", Europe, "ar"),
        new("A33AVAJ2PDY3EV", "TR", Europe, "tr"),
        new("A17E79C6D8DWNP", "SA", Europe, "ar"),
        new("A2VIGQ35RCS4UG", "AE", Europe, "en"),
        new("A21TJRUUN4KGV", "IN", Europe, "en"),
        new("A19VAU5U5O7RUS", "SG", FarEast, "en"),
        new("A39IBJ37TRP1C6", "AU", FarEast, "en"),
        new("A1VC38T7YXB528", "JP", FarEast, "ja"),
    }.ToDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>The marketplace with this id, or null when Amazon has none by that id (as far as this table knows).</summary>
    public static AmazonMarketplace? Find(string marketplaceId) =>
        ById.TryGetValue(marketplaceId.Trim(), out var marketplace) ? marketplace : null;

    /// <summary>The production SP-API host of a selling region.</summary>
    public static Uri EndpointOf(string region) => region switch
    {
        NorthAmerica => new Uri("https://sellingpartnerapi-na.amazon.com"),
        Europe => new Uri("https://sellingpartnerapi-eu.amazon.com"),
        FarEast => new Uri("https://sellingpartnerapi-fe.amazon.com"),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "SP-API regions are NA, EU and FE"),
    };
}
