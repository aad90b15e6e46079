using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyReviewTests
{
    // German and Italian words for a review or a rating that Amazon's sites use (Kundenrezension, Produktbewertung,
    // Verkäuferbewertung, Sternebewertung; voto, punteggio, stelline) and the verbs "bewerten", "rezensieren",
    // "recensire", "valutare" asked of the buyer.
    [Theory]
    [InlineData("Hinterlassen Sie eine Kundenrezension", "Hinterlassen Sie eine Kundenrezension")]
    [InlineData("Bitte schreiben Sie eine Produktbewertung", "schreiben Sie eine Produktbewertung")]
    [InlineData("Über eine Sternebewertung freuen wir uns", "Sternebewertung freuen")]
    [InlineData("Könnten Sie Ihre Verkäuferbewertung ändern?", "Verkäuferbewertung ändern")]
    [InlineData("Hinterlassen Sie uns eine Beurteilung", "Hinterlassen Sie uns eine Beurteilung")]
    [InlineData("Wir würden uns freuen, wenn Sie uns bewerten.", "uns bewerten")]
    [InlineData("Bitte rezensieren Sie den Artikel", "rezensieren Sie")]
    [InlineData("Ci lasci un voto su Amazon", "lasci un voto")]
    [InlineData("Ci lasci i suoi giudizi", "lasci i suoi giudizi")]
    [InlineData("Ci lasci 5 stelline", "5 stelline")]
    [InlineData("Potrebbe recensire il prodotto?", "recensire il prodotto")]
    [InlineData("Ci recensisca su Amazon, grazie", "Ci recensisca")]
    [InlineData("Può valutare il prodotto su Amazon?", "valutare il prodotto")]
    [InlineData("Ci dia un punteggio alto", "Ci dia un punteggio")]
    public void German_and_Italian_review_and_rating_requests_are_findings(string text, string offending)
    {
        var findings = MessagingPolicy.Check(text).Where(f => f.Code == PolicyCodes.ReviewRequest).ToList();

        Assert.Contains(offending, findings.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Theory]
    // Asking for a review or feedback at all, in a reply to an inquiry.
    [InlineData("Please leave us a review if you are happy", "leave us a review")]
    [InlineData("Could you leave an honest review on Amazon?", "leave an honest review")]
    [InlineData("Please write a review of the product", "write a review")]
    [InlineData("Please give us your feedback", "give us your feedback")]
    [InlineData("We’d love your reviews!", "We’d love your reviews")]
    [InlineData("Rate us on Amazon", "Rate us")]
    [InlineData("Please share your experience on Amazon", "share your experience")]
    [InlineData("Laissez-nous un avis, merci", "Laissez-nous un avis")]
    [InlineData("N'hésitez pas à laisser un avis positif", "laisser un avis")]
    [InlineData("Donnez-nous votre avis sur Amazon", "Donnez-nous votre avis")]
    [InlineData("Hinterlassen Sie eine Bewertung", "Hinterlassen Sie eine Bewertung")]
    [InlineData("Über eine Bewertung freuen wir uns", "Bewertung freuen")]
    [InlineData("Wir freuen uns über Bewertungen", "freuen uns über Bewertungen")]
    [InlineData("Deje una reseña, por favor", "Deje una reseña")]
    [InlineData("Déjenos su opinión", "Déjenos su opinión")]
    [InlineData("Nos encantaría su valoración del producto", "encantaría su valoración")]
    [InlineData("Ci lasci una recensione, grazie", "lasci una recensione")]
    [InlineData("Lasci una valutazione su Amazon", "Lasci una valutazione")]
    [InlineData("Ci lasci le vostre recensioni", "lasci le vostre recensioni")]
    // Asking for a positive one.
    [InlineData("A 5-star review would mean a lot", "5-star")]
    [InlineData("We hope for positive feedback", "positive feedback")]
    [InlineData("Un avis 5 étoiles nous aiderait", "5 étoiles")]
    [InlineData("Eine positive Bewertung wäre toll", "positive Bewertung")]
    [InlineData("Una reseña de cinco estrellas nos ayuda", "cinco estrellas")]
    [InlineData("Una recensione positiva ci aiuta", "recensione positiva")]
    // Asking to change or remove one.
    [InlineData("Please remove your negative feedback", "remove your negative feedback")]
    [InlineData("Would you update your rating?", "update your rating")]
    [InlineData("Pourriez-vous supprimer votre avis ?", "supprimer votre avis")]
    [InlineData("Könnten Sie Ihre Bewertung löschen?", "Bewertung löschen")]
    [InlineData("¿Podría eliminar su valoración?", "eliminar su valoración")]
    [InlineData("Potrebbe rimuovere la recensione?", "rimuovere la recensione")]
    public void A_request_for_a_review_a_positive_one_or_a_change_is_a_finding(string text, string offending)
    {
        var findings = MessagingPolicy.Check(text).Where(f => f.Code == PolicyCodes.ReviewRequest).ToList();

        Assert.Contains(offending, findings.Select(f => text.Substring(f.Start, f.Length)));
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Theory]
    [InlineData("We will review the carrier's report and get back to you.")]
    [InlineData("Thank you for your feedback about the delay.")]
    [InlineData("In our opinion the carrier is at fault; we will pass your feedback on to UPS and update you.")]
    [InlineData("Merci pour votre avis sur le retard. Le livreur a laissé un avis de passage ; il peut aussi laisser un avis de passage demain.")]
    [InlineData("Vielen Dank für Ihr Feedback zur Verspätung. Die Bewertung des Schadens durch DHL dauert einige Tage.")]
    [InlineData("Gracias por su opinión sobre el retraso. En nuestra opinión, el transportista es responsable; la valoración de los daños tarda unos días.")]
    [InlineData("Grazie per il suo feedback sul ritardo. La valutazione del reclamo da parte del corriere richiede alcuni giorni; a nostro giudizio il pacco arriverà.")]
    [InlineData("Die Beurteilung des Schadens durch DHL dauert einige Tage; Ihre Kundenbewertung von gestern haben wir gelesen.")]
    [InlineData("I giudizi del corriere sul danno arriveranno presto; il punteggio di consegna non dipende da noi.")]
    public void The_words_review_feedback_or_rating_in_an_ordinary_sentence_are_not_findings(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }
}
