using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// The language a buyer's message is plainly written in, for a reply when no order says it: sure only when the
/// message's common words are one language's; unsure is null, and the reply stays in English.
/// </summary>
public sealed class MessageLanguageTests
{
    [Theory]
    [InlineData("Bonjour, je n'ai toujours pas reçu mon colis. Pouvez-vous me dire où il en est ? Merci", "fr")]
    [InlineData("Bonjour, j’ai commandé il y a deux semaines et c’est toujours en attente. Cordialement", "fr")]
    [InlineData("Hallo, ich habe mein Paket noch nicht bekommen. Wo ist es? Vielen Dank", "de")]
    [InlineData("Guten Tag, die Bestellung ist seit einer Woche unterwegs und noch nicht da.", "de")]
    [InlineData("Hola, todavía no he recibido mi paquete. ¿Dónde está? Gracias", "es")]
    [InlineData("Buenos días, el pedido aún no ha llegado y el seguimiento no se mueve.", "es")]
    [InlineData("Buongiorno, non ho ancora ricevuto il mio pacco. Dove si trova? Grazie", "it")]
    [InlineData("Salve, l'ordine è in ritardo e il corriere non risponde. Quando arriva? Grazie mille", "it")]
    [InlineData("Hello, I have not received my parcel yet. Where is it? Thanks", "en")]
    [InlineData("HI, WHERE IS MY ORDER? IT HAS BEEN TWO WEEKS", "en")]
    public void A_message_plainly_in_one_of_the_five_languages_is_recognised(string message, string language)
    {
        Assert.Equal(language, MessageLanguage.Detect(message));
    }

    // Too few words to tell, none of ours, or two languages as present as each other: unsure, so the caller's default.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("113-5550008-0000000")]
    [InlineData("LLSB0000000003 ???")]
    [InlineData("Merci")]
    [InlineData("Danke!")]
    [InlineData("Hallo, waar is mijn pakket? Ik heb het nog niet ontvangen. Bedankt")]
    [InlineData("Dzień dobry, gdzie jest moja paczka? Dziękuję")]
    [InlineData("Bonjour, où est mon colis ? Hello, where is my parcel?")]
    public void An_unclear_message_gives_no_language(string? message)
    {
        Assert.Null(MessageLanguage.Detect(message));
    }

    // A word of several of the five languages ("de", "la", "que", "non", "il", "si", "es") counts for none: a Spanish
    // message full of them is not taken for French, nor an Italian one for Spanish.
    [Theory]
    [InlineData("Hola, les escribo porque el paquete que compré la semana pasada no llega. ¿Es posible saber dónde está?", "es")]
    [InlineData("Ciao, il pacco non è arrivato e non so se è stato spedito. Potete verificare? Grazie", "it")]
    [InlineData("Es ist schon eine Woche her und ich habe immer noch nichts bekommen", "de")]
    public void Words_shared_by_several_languages_do_not_decide(string message, string language)
    {
        Assert.Equal(language, MessageLanguage.Detect(message));
    }
}
