using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class InquiryQuoteTests
{
    private const string OrderA = "302-1111111-1111111";
    private const string OrderB = "302-2222222-2222222";

    // A reply about order B that quotes the message about order A is about order B.
    [Theory]
    [InlineData("Thanks, but what about order " + OrderB + "?\n> Your order " + OrderA + " has shipped.")]
    [InlineData("Thanks, but what about order " + OrderB + "?\n\n  > > Your order " + OrderA + " has shipped.")]
    [InlineData("What about order " + OrderB + "?\n\nOn Mon, 3 Mar 2025 at 10:00, Shop <reply@marketplace.amazon.com> wrote:\nYour order " + OrderA + " has shipped.")]
    [InlineData("What about order " + OrderB + "?\n\nOn Mon, 3 Mar 2025 at 10:00, Shop\n<reply@marketplace.amazon.com> wrote:\nYour order " + OrderA + " has shipped.")]
    [InlineData("Et la commande " + OrderB + " ?\n\nLe lun. 3 mars 2025 à 10:00, Boutique <reply@marketplace.amazon.fr> a écrit :\nVotre commande " + OrderA + " est expédiée.")]
    [InlineData("Und Bestellung " + OrderB + "?\n\nAm 03.03.2025 um 10:00 schrieb Shop <reply@marketplace.amazon.de>:\nIhre Bestellung " + OrderA + " ist unterwegs.")]
    [InlineData("¿Y el pedido " + OrderB + "?\n\nEl lun, 3 mar 2025 a las 10:00, Tienda (<reply@marketplace.amazon.es>) escribió:\nSu pedido " + OrderA + " ha sido enviado.")]
    [InlineData("E l'ordine " + OrderB + "?\n\nIl giorno lun 3 mar 2025 alle ore 10:00 Negozio <reply@marketplace.amazon.it> ha scritto:\nIl suo ordine " + OrderA + " è stato spedito.")]
    [InlineData("What about order " + OrderB + "?\n\n-----Original Message-----\nFrom: Shop\nYour order " + OrderA + " has shipped.")]
    [InlineData("Und Bestellung " + OrderB + "?\n\n-----Ursprüngliche Nachricht-----\nIhre Bestellung " + OrderA + " ist unterwegs.")]
    public void The_buyers_own_text_decides_over_a_quoted_message(string message)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(OrderB, order.OrderId);
        Assert.Equal(OrderB, message.Substring(order.Start, order.Length));
    }

    // Outlook quotes the earlier message under a header block (From / Sent / To / Subject), in the language of its
    // interface, with no '>' and no "wrote:" line; what follows it is not the buyer's.
    [Theory]
    [InlineData("What about order " + OrderB + "?\n\n________________________________\nFrom: Shop <reply@marketplace.amazon.com>\nSent: Monday, March 3, 2025 10:00 AM\nTo: buyer@example.com\nSubject: Your order " + OrderA + "\n\nYour order " + OrderA + " has shipped.")]
    [InlineData("What about order " + OrderB + "?\n\n*From:* Shop <reply@marketplace.amazon.com>\n*Sent:* Monday, March 3, 2025 10:00 AM\n*To:* buyer@example.com\n*Subject:* Your order " + OrderA)]
    [InlineData("What about order " + OrderB + "?\n\nFrom: Shop <reply@marketplace.amazon.com>\nDate: Monday, March 3, 2025 at 10:00\nTo: buyer@example.com\nSubject: Your order " + OrderA)]
    [InlineData("Et la commande " + OrderB + " ?\n\nDe : Boutique <reply@marketplace.amazon.fr>\nEnvoyé : lundi 3 mars 2025 10:00\nÀ : acheteur@example.fr\nObjet : Votre commande " + OrderA + "\n\nVotre commande " + OrderA + " est expédiée.")]
    [InlineData("Et la commande " + OrderB + " ?\n\nDe\u00A0: Boutique <reply@marketplace.amazon.fr>\nEnvoyé\u00A0: lundi 3 mars 2025 10:00\nObjet\u00A0: Votre commande " + OrderA)]
    [InlineData("Und Bestellung " + OrderB + "?\n\nVon: Shop <reply@marketplace.amazon.de>\nGesendet: Montag, 3. März 2025 10:00\nAn: kaeufer@example.de\nBetreff: Ihre Bestellung " + OrderA + "\n\nIhre Bestellung " + OrderA + " ist unterwegs.")]
    [InlineData("¿Y el pedido " + OrderB + "?\n\nDe: Tienda <reply@marketplace.amazon.es>\nEnviado el: lunes, 3 de marzo de 2025 10:00\nPara: comprador@example.es\nAsunto: Su pedido " + OrderA + "\n\nSu pedido " + OrderA + " ha sido enviado.")]
    [InlineData("E l'ordine " + OrderB + "?\n\nDa: Negozio <reply@marketplace.amazon.it>\nInviato: lunedì 3 marzo 2025 10:00\nA: acquirente@example.it\nOggetto: Il suo ordine " + OrderA + "\n\nIl suo ordine " + OrderA + " è stato spedito.")]
    public void An_outlook_header_block_starts_a_quote(string message)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(OrderB, order.OrderId);
        Assert.Equal(OrderB, message.Substring(order.Start, order.Length));
    }

    // A buyer's own "From:" or "Sent:" line is no header block: only the two together, one under the other, are.
    [Theory]
    [InlineData("From: Anna Smith\nOrder " + OrderB + " is not here.\n> Your order " + OrderA + " has shipped.")]
    [InlineData("Sent: the wrong size.\nFrom: Anna\nOrder " + OrderB + " please.")]
    [InlineData("De : Paris, le 3 mars.\nLa commande " + OrderB + " n'est pas arrivée.")]
    public void A_from_or_sent_line_alone_is_not_a_quote(string message)
    {
        Assert.Equal(OrderB, Assert.Single(InquiryMatcher.Match(message).OrderIds).OrderId);
    }

    [Fact]
    public void A_tracking_number_in_the_buyers_own_text_decides_over_an_order_id_in_the_quote()
    {
        var matches = InquiryMatcher.Match("My parcel 1Z999AA10123456784 has not moved.\n> Your order " + OrderA + " has shipped.");

        Assert.Empty(matches.OrderIds);
        Assert.Equal("1Z999AA10123456784", Assert.Single(matches.TrackingNumbers).Number);
    }

    [Fact]
    public void A_number_written_as_an_orders_in_the_buyers_own_text_decides_over_the_quote()
    {
        var matches = InquiryMatcher.Match("Where is order 1003?\n> Your order #1001 has shipped.");

        Assert.Empty(matches.OrderIds);
        Assert.Equal(["1003"], matches.OrderNumbers.Select(n => n.OrderId));
    }

    // "Where is it?" above our own message: the quote is all there is to go on.
    [Theory]
    [InlineData("Where is it?\n> Your order " + OrderA + " has shipped.")]
    [InlineData("Still nothing, 2 weeks now. I live at 1003 Main Street.\n\nOn Mon, 3 Mar 2025, Shop wrote:\nYour order " + OrderA + " has shipped.")]
    [InlineData("Toujours rien.\n\n-----Message d'origine-----\nVotre commande " + OrderA + " est expédiée.")]
    [InlineData("Noch nichts.\n\nVon: Shop <reply@marketplace.amazon.de>\nGesendet: Montag, 3. März 2025 10:00\nBetreff: Ihre Bestellung " + OrderA)]
    public void A_quote_is_read_when_the_buyers_own_text_names_no_order(string message)
    {
        Assert.Equal(OrderA, Assert.Single(InquiryMatcher.Match(message).OrderIds).OrderId);
    }

    // Words that only look like an attribution: the buyer's own sentence goes on being read.
    [Theory]
    [InlineData("On Monday you wrote that it shipped, but order " + OrderB + " is not here.")]
    [InlineData("The label said 'a > b' and order " + OrderB + " is missing.")]
    public void A_sentence_that_mentions_writing_or_holds_a_sign_is_not_a_quote(string message)
    {
        Assert.Equal(OrderB, Assert.Single(InquiryMatcher.Match(message).OrderIds).OrderId);
    }
}
