using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyDiscountCodeTests
{
    // A code handed to the buyer to use is a coupon, whatever word introduces it.
    [Theory]
    [InlineData("Sorry for the delay: use code SAVE10 on your next order.", "use code SAVE10")]
    [InlineData("Enter the code WELCOME-5 at checkout.", "Enter the code WELCOME-5")]
    [InlineData("Avec le code BIENVENUE, tout est moins cher.", "Avec le code BIENVENUE")]
    [InlineData("Mit dem Code SOMMER20 sparen Sie.", "Mit dem Code SOMMER20")]
    [InlineData("Con el código VERANO15 ahorra.", "Con el código VERANO15")]
    [InlineData("Con il codice ESTATE10 risparmia.", "Con il codice ESTATE10")]
    [InlineData("Use code: \"THANKYOU\" next time", "Use code: \"THANKYOU\"")]
    public void A_code_given_to_the_buyer_to_use_is_marketing(string text, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text), f => f.Code == PolicyCodes.Marketing);

        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
    }

    // Named outright, the words are on the marketing lists already.
    [Theory]
    [InlineData("Votre code promo BIENVENUE vous attend.", "code promo")]
    [InlineData("Ihr Gutscheincode SOMMER20 gilt bis Montag.", "Gutscheincode")]
    [InlineData("Su código de descuento VERANO15 está listo.", "código de descuento")]
    [InlineData("Il suo codice sconto ESTATE10 è pronto.", "codice sconto")]
    public void A_discount_code_named_as_such_is_marketing(string text, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text), f => f.Code == PolicyCodes.Marketing);

        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
    }

    // Codes a buyer needs to receive the parcel are no coupon: a locker's pickup code, a tracking number, a postcode.
    [Theory]
    [InlineData("Enter the code 482913 at the locker to open it.")]
    [InlineData("Use the code 1Z999AA10123456784 on the UPS page.")]
    [InlineData("Holen Sie das Paket mit dem Code 482913 an der Packstation ab.")]
    [InlineData("With the code AB123456785GB Royal Mail finds your parcel; post code SW1A 1AA.")]
    [InlineData("Con el código postal 28001 y el código de seguimiento LLSB0000000003.")]
    [InlineData("Use the code on your label to track it.")]
    public void A_code_needed_to_receive_the_parcel_is_not_marketing(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    [Fact]
    public void A_review_asked_for_against_a_code_is_a_review_request_tied_to_an_incentive()
    {
        var findings = MessagingPolicy.Check("Share your experience in a review and use code THANKS5 afterwards.");

        Assert.Contains(findings, f => f.Code == PolicyCodes.ReviewRequest && f.Message.Contains("incentive", StringComparison.Ordinal));
    }
}
