using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyIncentiveTests
{
    [Theory]
    [InlineData("Tell us your honest opinion on Amazon and we will send you a $10 gift card.", "gift card")]
    [InlineData("Donnez-nous votre avis sincère sur Amazon et nous vous enverrons une carte cadeau de 10 €.", "carte cadeau")]
    [InlineData("Sagen Sie uns Ihre ehrliche Meinung auf Amazon und wir schicken Ihnen eine Geschenkkarte über 10 €.", "Geschenkkarte")]
    [InlineData("Cuéntenos su opinión sincera en Amazon y le enviaremos una tarjeta regalo de 10 €.", "tarjeta regalo")]
    [InlineData("Ci dica la sua opinione sincera su Amazon e le invieremo un buono regalo da 10 €.", "buono regalo")]
    public void Asking_for_an_opinion_against_a_gift_card_is_a_review_request_tied_to_an_incentive(string text, string incentive)
    {
        var findings = MessagingPolicy.Check(text);

        Assert.Contains(findings, f => f.Code == PolicyCodes.ReviewRequest && f.Message.Contains("incentive", StringComparison.Ordinal)
            && text.Substring(f.Start, f.Length).Contains(incentive, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Code == PolicyCodes.Marketing && text.Substring(f.Start, f.Length) == incentive);
    }

    [Theory]
    [InlineData("Every review earns you a $10 voucher.", "review earns you a $10 voucher")]
    [InlineData("Your feedback will be rewarded with a free product.", "feedback will be rewarded with a free product")]
    [InlineData("We refund your order in exchange for your review.", "in exchange for your review")]
    [InlineData("Your opinion gets you 20 % off your next order.", "opinion gets you 20 % off your next order")]
    [InlineData("Chaque avis reçoit un bon d’achat de 5 €.", "avis reçoit un bon d’achat")]
    [InlineData("Pour votre évaluation, un produit gratuit vous attend.", "évaluation, un produit gratuit")]
    [InlineData("Für jede Rezension gibt es einen Gutschein.", "Rezension gibt es einen Gutschein")]
    [InlineData("Ihre Bewertung belohnen wir im Gegenzug mit einem Geschenkgutschein.", "Bewertung belohnen wir im Gegenzug mit einem Geschenkgutschein")]
    [InlineData("Por cada opinión le regalamos un cheque regalo.", "opinión le regalamos un cheque regalo")]
    [InlineData("Su reseña tiene premio: un producto gratis a cambio.", "reseña tiene premio: un producto gratis a cambio")]
    [InlineData("Per ogni recensione riceverà un buono acquisto.", "recensione riceverà un buono acquisto")]
    [InlineData("In cambio della sua valutazione, un prodotto in omaggio.", "In cambio della sua valutazione, un prodotto in omaggio")]
    public void A_review_and_an_incentive_in_one_sentence_are_a_review_request(string text, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text), f => f.Code == PolicyCodes.ReviewRequest);

        Assert.Equal(offending, text.Substring(finding.Start, finding.Length));
        Assert.Contains("incentive", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("As an apology we will send you a gift card.", "gift card")]
    [InlineData("Nous vous offrons un chèque-cadeau.", "chèque-cadeau")]
    [InlineData("Wir schenken Ihnen einen Amazon-Geschenkgutschein.", "Geschenkgutschein")]
    [InlineData("Le regalamos una tarjeta de regalo.", "tarjeta de regalo")]
    [InlineData("Le regaliamo una carta regalo.", "carta regalo")]
    public void A_gift_card_or_voucher_is_marketing_on_its_own(string text, string offending)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Marketing, offending), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Thank you for your feedback; we have refunded your order in full.")]
    [InlineData("We will review the carrier's report and refund you if the parcel is lost.")]
    [InlineData("Thank you for your feedback. We will send a free replacement in exchange for the damaged item.")]
    [InlineData("Merci pour votre avis, nous vous avons remboursé la commande.")]
    [InlineData("Danke für Ihr Feedback, wir haben Ihnen den Betrag erstattet.")]
    [InlineData("Gracias por su opinión; le hemos reembolsado el pedido.")]
    [InlineData("Grazie per il suo feedback, le abbiamo rimborsato l'ordine.")]
    public void A_refund_or_a_replacement_next_to_the_word_feedback_is_not_an_incentive(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }
}
