using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Words and codes typed in full-width forms, as a Japanese or Chinese keyboard writes them ("ＳＡＶＥ１０", "ｃｏｕｐｏｎ"),
/// read the same to a buyer as plain ones: every rule of the linter reads them as the ASCII they stand for, and reports
/// them where they were written.
/// </summary>
public sealed class MessagingPolicyFullWidthTests
{
    [Theory]
    [InlineData("Sorry for the delay: use code ＳＡＶＥ１０ on your next order.", "use code ＳＡＶＥ１０")]
    [InlineData("Sorry for the delay: use code SAVE１０ on your next order.", "use code SAVE１０")]
    [InlineData("Sorry for the delay: ｕｓｅ ｃｏｄｅ SAVE10 on your next order.", "ｕｓｅ ｃｏｄｅ SAVE10")]
    [InlineData("Mit dem Code：　ＳＯＭＭＥＲ－２０ sparen Sie.", "Mit dem Code：　ＳＯＭＭＥＲ－２０")]
    [InlineData("Here is a ｃｏｕｐｏｎ for you.", "ｃｏｕｐｏｎ")]
    public void A_code_or_marketing_word_in_full_width_forms_is_marketing_where_it_was_written(string text, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text), f => f.Code == PolicyCodes.Marketing);

        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Please ｌｅａｖｅ ｕｓ ａ ｒｅｖｉｅｗ today.", "ｌｅａｖｅ ｕｓ ａ ｒｅｖｉｅｗ")]
    [InlineData("Every review earns you a ｇｉｆｔ ｃａｒｄ.", "review earns you a ｇｉｆｔ ｃａｒｄ")]
    public void A_review_request_in_full_width_forms_is_found_where_it_was_written(string text, string offending)
    {
        var findings = MessagingPolicy.Check(text).Where(f => f.Code == PolicyCodes.ReviewRequest).ToList();

        Assert.Contains(findings, f => text.Substring(f.Start, f.Length) == offending);
    }

    // Links, e-mail addresses and other sites are read through the look-alike fold already.
    [Theory]
    [InlineData("See ｈｔｔｐｓ：／／ｍｙｓｈｏｐ．ｅｘａｍｐｌｅ／deals now.", PolicyCodes.Link, "ｈｔｔｐｓ：／／ｍｙｓｈｏｐ．ｅｘａｍｐｌｅ／deals")]
    [InlineData("Write to ｉｎｆｏ＠ｍｙｓｈｏｐ．ｃｏｍ please.", PolicyCodes.Email, "ｉｎｆｏ＠ｍｙｓｈｏｐ．ｃｏｍ")]
    [InlineData("Visit ｍｙｓｈｏｐ．ｃｏｍ for more.", PolicyCodes.Link, "ｍｙｓｈｏｐ．ｃｏｍ")]
    public void An_address_in_full_width_forms_is_found_where_it_was_written(string text, string code, string offending)
    {
        Assert.Contains(MessagingPolicy.Check(text), f => f.Code == code && text.Substring(f.Start, f.Length) == offending);
    }

    // The buyer needs the number the carrier knows, however it is typed.
    [Fact]
    public void A_tracking_number_in_full_width_forms_after_code_is_no_coupon()
    {
        Assert.DoesNotContain(MessagingPolicy.Check("Use the code １Ｚ９９９ＡＡ１０１２３４５６７８４ on the UPS page."),
            f => f.Code == PolicyCodes.Marketing);
    }
}
