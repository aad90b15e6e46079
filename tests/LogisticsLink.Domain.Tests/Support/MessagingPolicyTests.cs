using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyTests
{
    [Theory]
    [InlineData("Track it at http://www.ups.com/track?tracknum=1Z", PolicyCodes.Link, "http://www.ups.com/track?tracknum=1Z")]
    [InlineData("See https://myshop.example/sale-page now", PolicyCodes.Link, "https://myshop.example/sale-page")]
    [InlineData("Visit www.myshop.example for more", PolicyCodes.Link, "www.myshop.example")]
    [InlineData("Write to support@myshop.example please", PolicyCodes.Email, "support@myshop.example")]
    [InlineData("Call us on +44 20 7946 0958 today", PolicyCodes.Phone, "+44 20 7946 0958")]
    [InlineData("Appelez le 06 12 34 56 78 merci", PolicyCodes.Phone, "06 12 34 56 78")]
    [InlineData("Ring (555) 123-4567 anytime", PolicyCodes.Phone, "(555) 123-4567")]
    [InlineData("Use the coupon SPRING for your next order", PolicyCodes.Marketing, "coupon")]
    [InlineData("Profitez de notre code promo sur la boutique", PolicyCodes.Marketing, "code promo")]
    [InlineData("Jetzt mit 10 % Rabatt bestellen", PolicyCodes.Marketing, "Rabatt")]
    [InlineData("Enjoy 10% off your next order.", PolicyCodes.Marketing, "% off")]
    [InlineData("As a thank-you, 15 % off everything this week", PolicyCodes.Marketing, "% off")]
    [InlineData("We will take $5 off your next order", PolicyCodes.Marketing, "off your next order")]
    [InlineData("Get 20 percent off with this message", PolicyCodes.Marketing, "percent off")]
    [InlineData("Please leave us a review if you are happy", PolicyCodes.ReviewRequest, "leave us a review")]
    [InlineData("Ask us about our discounts", PolicyCodes.Marketing, "discounts")]
    [InlineData("Collect coupons with every order", PolicyCodes.Marketing, "coupons")]
    [InlineData("Order again at myshop.example next time", PolicyCodes.Link, "myshop.example")]
    [InlineData("Neue Artikel auf shop.example.co.uk/neu ansehen", PolicyCodes.Link, "shop.example.co.uk/neu")]
    [InlineData("Thanks a lot 😀", PolicyCodes.Emoji, "😀")]
    [InlineData("All good ✅ see you", PolicyCodes.Emoji, "✅")]
    [InlineData("Your parcel<br>is on its way", PolicyCodes.Html, "<br>")]
    [InlineData("Fish &amp; chips", PolicyCodes.Html, "&amp;")]
    public void Each_rule_reports_its_code_and_the_offending_span(string text, string code, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text), f => f.Code == code);

        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Theory]
    [InlineData("The parcel (e.g. the 1.5kg box) reached Salerno at 9 a.m., i.e. 2.5 days early; see No.1002 and v1.2 of the U.S.A. form.")]
    [InlineData("Il pacco è a Salerno. Un avis de passage a été déposé. Votre colis est en route.")]
    public void Abbreviations_decimals_and_words_that_contain_a_listed_word_are_not_findings(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    [Fact]
    public void A_long_reply_is_reported_from_the_2000th_character()
    {
        var finding = Assert.Single(MessagingPolicy.Check(new string('a', 2001) + " b"));

        Assert.Equal((PolicyCodes.TooLong, 2000, 3), (finding.Code, finding.Start, finding.Length));
        Assert.Empty(MessagingPolicy.Check(new string('a', 2000)));
    }

    [Fact]
    public void Carrier_tracking_links_order_ids_tracking_numbers_and_dates_are_allowed()
    {
        var text = "Order 302-1234567-7654321, tracking 1Z999AA10123456784, delivered 04.03.2025 at 14:05: " +
            "https://www.ups.com/track?tracknum=1Z999AA10123456784. Un avis de passage a été déposé. We will review nothing.";

        var findings = MessagingPolicy.Check(text.Replace(" We will review nothing.", ""), ["302-1234567-7654321", "1Z999AA10123456784"]);

        Assert.Empty(findings);
    }
}
