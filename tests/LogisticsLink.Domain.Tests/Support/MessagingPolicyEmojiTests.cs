using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyEmojiTests
{
    [Theory]
    [InlineData("⏳ your parcel is delayed", "⏳")]
    [InlineData("Delivery by ⌚ noon", "⌚")]
    [InlineData("Still waiting ⌛", "⌛")]
    [InlineData("Fast track ⏩ today", "⏩")]
    [InlineData("Rewind ⏪", "⏪")]
    [InlineData("Up ⏫", "⏫")]
    [InlineData("Down ⏬", "⏬")]
    [InlineData("Wake up ⏰ it arrives", "⏰")]
    [InlineData("Small square ◽", "◽")]
    [InlineData("Small square ◾", "◾")]
    [InlineData("Rain ☔ expected", "☔")]
    [InlineData("Coffee ☕ break", "☕")]
    [InlineData("Aries ♈", "♈")]
    [InlineData("Access ♿", "♿")]
    [InlineData("Anchor ⚓", "⚓")]
    [InlineData("Zap ⚡", "⚡")]
    [InlineData("Ball ⚽", "⚽")]
    [InlineData("Snow ⛄", "⛄")]
    [InlineData("No entry ⛔", "⛔")]
    [InlineData("Boat ⛵", "⛵")]
    [InlineData("Fuel ⛽", "⛽")]
    [InlineData("Done ✅", "✅")]
    [InlineData("Sparkles ✨", "✨")]
    [InlineData("Wrong ❌", "❌")]
    [InlineData("Question ❓", "❓")]
    [InlineData("Alert ❗", "❗")]
    [InlineData("Plus ➕", "➕")]
    [InlineData("Loop ➰", "➰")]
    [InlineData("Loops ➿", "➿")]
    [InlineData("Square ⬛", "⬛")]
    [InlineData("Star ⭐", "⭐")]
    [InlineData("Circle ⭕", "⭕")]
    [InlineData("Wavy 〰 dash", "〰")]
    [InlineData("Part 〽 mark", "〽")]
    [InlineData("Congratulations ㊗", "㊗")]
    [InlineData("Secret ㊙", "㊙")]
    [InlineData("Thanks 😀", "😀")]
    public void An_emoji_shown_as_emoji_by_default_is_a_finding(string text, string emoji)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Emoji, emoji), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Copyright ©\uFE0F reserved", "©\uFE0F")]
    [InlineData("Trade ™\uFE0F mark", "™\uFE0F")]
    [InlineData("Heading ↗\uFE0F north", "↗\uFE0F")]
    [InlineData("Play ▶\uFE0F now", "▶\uFE0F")]
    [InlineData("Pause ⏸\uFE0F now", "⏸\uFE0F")]
    [InlineData("Step 1\uFE0F\u20E3 first", "1\uFE0F\u20E3")]
    [InlineData("Heart ❤\uFE0F thanks", "❤\uFE0F")]
    [InlineData("Coder 👩\u200D💻 here", "👩\u200D💻")]
    [InlineData("Wave 👋🏽 hello", "👋🏽")]
    [InlineData("From 🇫🇷 with care", "🇫🇷")]
    public void A_symbol_made_emoji_by_a_selector_or_a_sequence_is_one_finding_over_the_whole_sequence(string text, string emoji)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Emoji, emoji), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Copyright © 2025 — all rights reserved™. Arrows → ← ↗ and • bullets, « guillemets », „Anführungszeichen“, 5 € · 10 %.")]
    [InlineData("Lieferung: 27.11.2026 – 14:30 Uhr. N° 12, № 3, ½ kg, 2×3, ±1, ° C.")]
    public void Typography_that_is_text_by_default_is_not_an_emoji(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    [Fact]
    public void A_broken_surrogate_pair_does_not_make_the_check_fail()
    {
        Assert.Empty(MessagingPolicy.Check("Your parcel \uD83D is on its way \uDE00"));
    }
}
