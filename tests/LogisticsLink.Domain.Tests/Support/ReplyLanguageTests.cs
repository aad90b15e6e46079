using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Amazon wants replies in the buyer's language of preference (marketplaces.md §5.1–5.2): without one, the marketplace's
/// language where we have templates in it; one we have no templates for is answered in English, and said so.
/// </summary>
public sealed class ReplyLanguageTests
{
    [Theory]
    [InlineData("A1PA6795UKMFR9", "de")]
    [InlineData("A13V1IB3VIYZZH", "fr")]
    [InlineData("A1RKKUPIHCS9HS", "es")]
    [InlineData("APJ6JRA9NG5V4", "it")]
    [InlineData("A1F83G8C2ARO7P", "en")]
    [InlineData("A1AM78C64UM0Y8", "es")]
    // No templates in Dutch or Polish; Canada has two languages: English, without a flag (the buyer's is not known).
    [InlineData("A1805IZSGTT6HS", "en")]
    [InlineData("A1C3SOZRARQ6R3", "en")]
    [InlineData("A2EUQ1WTGCTBG2", "en")]
    // Belgium has two main languages, and most of its buyers write Dutch, which we have no templates in: French would
    // be a guess that is wrong for most of them, so English (the reference names no default for amazon.com.be).
    [InlineData("AMEN7PMS3EDWL", "en")]
    public void Without_a_buyer_language_the_marketplaces_language_is_used_where_we_have_it(string marketplaceId, string language)
    {
        var locale = ReplyLocale.Resolve(null, "", marketplaceId);

        Assert.Equal(language, locale.Language);
        Assert.Null(locale.UnservedLanguage);
    }

    [Fact]
    public void The_buyers_language_wins_over_the_marketplaces()
    {
        Assert.Equal("en", ReplyLocale.Resolve(null, "en-GB", "A1PA6795UKMFR9").Language);
        Assert.Equal("fr", ReplyLocale.Resolve("pt-BR", "fr-CA", "A1PA6795UKMFR9").Language);
    }

    [Theory]
    [InlineData(null, "nl-NL", "A1805IZSGTT6HS")]
    [InlineData(null, "pl", "A1C3SOZRARQ6R3")]
    [InlineData("ja-JP", null, null)]
    // The buyer's own language says more than the marketplace's: a Swede on amazon.de is not answered in German.
    [InlineData(null, "sv-SE", "A1PA6795UKMFR9")]
    public void A_buyer_language_without_templates_gets_english_and_is_named(string? requested, string? buyer, string? marketplaceId)
    {
        var locale = ReplyLocale.Resolve(requested, buyer, marketplaceId);

        Assert.Equal("en", locale.Language);
        Assert.Equal(requested ?? buyer, locale.UnservedLanguage);
    }

    [Fact]
    public void An_english_reply_to_a_buyer_of_another_language_is_not_compliant_on_amazon()
    {
        var locale = ReplyLocale.Resolve(null, "nl-NL", "A1805IZSGTT6HS");
        var values = ReplyValues.From(InquiryDecisionTests.Order(), InquiryDecisionTests.Shipment(TrackingStatus.InTransit), locale, "amazon");
        var body = BuiltInTemplates.Default.Find(ReplyScenario.InTransit.TemplateId(), locale.Language)!;

        var amazon = ReplyComposer.Compose("fbm_in_transit", 0, body, locale, values, "amazon");
        var shopify = ReplyComposer.Compose("fbm_in_transit", 0, body, locale, values, "shopify");

        var finding = Assert.Single(amazon.Findings);
        Assert.Equal(PolicyCodes.Language, finding.Code);
        Assert.Contains("nl-NL", finding.Message, StringComparison.Ordinal);
        Assert.Equal((0, amazon.Text.Length), (finding.Start, finding.Length));
        Assert.False(amazon.Compliant);
        Assert.Equal("en", amazon.Language);
        Assert.True(shopify.Compliant);
    }
}
