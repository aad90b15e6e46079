using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// An eBay order carries its marketplace (<c>EBAY_DE</c>…) and no buyer language: the marketplace says where the buyer
/// is and, where it has one language we write, which language they read — as an Amazon marketplace id does.
/// </summary>
public sealed class EbayReplyLocaleTests
{
    [Theory]
    [InlineData("EBAY_DE", "de", "DE", "Europe/Berlin")]
    [InlineData("EBAY_AT", "de", "AT", "Europe/Vienna")]
    [InlineData("EBAY_FR", "fr", "FR", "Europe/Paris")]
    [InlineData("EBAY_IT", "it", "IT", "Europe/Rome")]
    [InlineData("EBAY_ES", "es", "ES", "Europe/Madrid")]
    [InlineData("EBAY_GB", "en", "GB", "Europe/London")]
    [InlineData("EBAY_US", "en", "US", "America/New_York")]
    [InlineData("EBAY_MOTORS_US", "en", "US", "America/New_York")]
    [InlineData("EBAY_AU", "en", "AU", "Australia/Sydney")]
    [InlineData("EBAY_IE", "en", "IE", "Europe/Dublin")]
    // Several languages: not guessed at (as amazon.ca and amazon.com.be), English without a flag; the zone still holds.
    [InlineData("EBAY_CA", "en", "CA", "America/Toronto")]
    [InlineData("EBAY_BE", "en", "BE", "Europe/Brussels")]
    [InlineData("EBAY_CH", "en", "CH", "Europe/Zurich")]
    public void An_ebay_marketplace_gives_the_buyers_region_zone_and_language(string marketplaceId, string language, string region, string zone)
    {
        var locale = ReplyLocale.Resolve(null, "", marketplaceId);

        Assert.Equal((language, region, zone), (locale.Language, locale.Region, locale.TimeZone.Id));
        Assert.Null(locale.UnservedLanguage);
    }

    [Fact]
    public void An_ebay_us_buyer_reads_a_promise_as_an_american_date_in_an_american_zone()
    {
        // 01:12 UTC on 30 November is still the evening of 29 November in New York.
        var promised = new DateTimeOffset(2026, 11, 30, 1, 12, 36, TimeSpan.Zero);

        Assert.Equal("Sunday, November 29, 2026", LocalDates.Date(promised, ReplyLocale.Resolve(null, "", "EBAY_US")));
        Assert.Equal("Montag, 30. November 2026", LocalDates.Date(promised, ReplyLocale.Resolve(null, "", "EBAY_DE")));
    }
}
