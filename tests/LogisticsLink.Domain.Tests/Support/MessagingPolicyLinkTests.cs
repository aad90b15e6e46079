using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyLinkTests
{
    [Theory]
    [InlineData("Visit MyShop.COM today", "MyShop.COM")]
    [InlineData("Visit Myshop.Com today", "Myshop.Com")]
    [InlineData("New items on SHOP.EXAMPLE.CO.UK/NEW soon", "SHOP.EXAMPLE.CO.UK/NEW")]
    [InlineData("Nouveautés sur MaBoutique.FR", "MaBoutique.FR")]
    [InlineData("Neu bei Mein-Laden.Shop!", "Mein-Laden.Shop")]
    [InlineData("Visite Tienda.Example.Es.Com", "Tienda.Example.Es.Com")]
    [InlineData("Ordina su myshop.com.Grazie", "myshop.com")]
    [InlineData("More at myshop.example next time", "myshop.example")]
    [InlineData("Visit Myshop.De today", "Myshop.De")]
    [InlineData("Jetzt bei Mein-Laden.At bestellen", "Mein-Laden.At")]
    [InlineData("Visita Negozio.It per le novità", "Negozio.It")]
    [InlineData("Visit MyShop.cOm or", "MyShop.cOm")]
    [InlineData("Besuchen Sie myshop.De", "myshop.De")]
    public void A_web_address_is_a_link_whatever_the_case_of_its_ending(string text, string address)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Link, address), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Mr.Smith and Ms.Jones signed; St.Louis hub; delivered today.The driver left.")]
    [InlineData("Muster GmbH & Co.KG, U.S.A., z.B. heute, e.V., p.ej. mañana, S.A. de C.V.")]
    [InlineData("Weight 1.5KG, form V1.2, No.1002, ETA.Tomorrow.")]
    [InlineData("Track it on UPS.COM or Ups.Com, or at TRACK.AMAZON.DE.")]
    public void Abbreviations_names_run_on_sentences_and_carrier_sites_are_not_links(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    // A two-letter ending that is also a word ("It", "Es", "De") is an address in any case: a shop at Myshop.De must not
    // pass as a sentence. A run-on sentence missing its space reads the same and is flagged; the space fixes it.
    [Theory]
    [InlineData("We shipped your parcel.It will arrive soon.", "parcel.It")]
    [InlineData("Es kommt morgen.De rien.", "morgen.De")]
    public void A_run_on_sentence_with_a_word_ending_is_flagged_as_a_shop_would_be(string text, string address)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Link, address), (finding.Code, text.Substring(finding.Start, finding.Length)));
        Assert.Empty(MessagingPolicy.Check(text.Replace(".", ". ", StringComparison.Ordinal)));
    }

    // A carrier's page that carries another site's address (a redirect, a "back to" link) sends the buyer there.
    [Theory]
    [InlineData("Track: https://www.ups.com/track?tracknum=1Z999AA10123456784&loc=https://myshop.example/x")]
    [InlineData("Track: https://www.dhl.com/track?tracking-id=1&next=https%3A%2F%2Fmyshop.example%2Fdeals")]
    [InlineData("Track: https://www.laposte.fr/suivi#http://myshop.example")]
    // The other address written bare, or without its scheme, is followed just the same by a page that redirects.
    [InlineData("Track: https://www.ups.com/track?tracknum=1Z999AA10123456784&redirect=evil.com")]
    [InlineData("Track: https://www.ups.com/track?tracknum=1Z999AA10123456784&next=//evil.com/deals")]
    [InlineData("Track: https://www.dhl.com/track?tracking-id=1&returnTo=www.myshop.example%2Fdeals")]
    [InlineData("Track: https://www.fedex.com/fedextrack/?trknbr=123456789012&back=MyShop.COM")]
    [InlineData("Track: https://www.laposte.fr/suivi#retour=myshop.example")]
    public void A_carrier_link_that_carries_another_address_is_a_link_to_another_site(string text)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal(PolicyCodes.Link, finding.Code);
        Assert.Equal(text["Track: ".Length..], text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Track: https://www.ups.com/track?tracknum=1Z999AA10123456784&loc=en_US")]
    [InlineData("Track: https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=00340434161094015902")]
    [InlineData("Track: https://www.royalmail.com/track-your-item#/tracking-results/AB123456785GB")]
    [InlineData("Track: https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784&requester=ST/trackdetails")]
    [InlineData("Track: https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=05212345678901")]
    [InlineData("Track: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000&tRef=fullpage&tLc=2")]
    [InlineData("Track: https://www.ups.com/track?tracknum=1Z999AA10123456784&return=ups.com")]
    public void A_carrier_tracking_link_is_allowed(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    // Full-width forms, the dots browsers read as one (U+3002, U+FF0E, U+FF61), invisible characters and letters of
    // another script still make an address the buyer can type or follow.
    [Theory]
    [InlineData("Visit \uFF57\uFF57\uFF57\uFF0Eexample\uFF0Ecom today", "\uFF57\uFF57\uFF57\uFF0Eexample\uFF0Ecom")]
    [InlineData("Visit \uFF4D\uFF59\uFF53\uFF48\uFF4F\uFF50\uFF0E\uFF43\uFF4F\uFF4D today", "\uFF4D\uFF59\uFF53\uFF48\uFF4F\uFF50\uFF0E\uFF43\uFF4F\uFF4D")]
    [InlineData("Besuchen Sie myshop\u3002de heute", "myshop\u3002de")]
    [InlineData("Visit myshop\uFF61com now", "myshop\uFF61com")]
    [InlineData("Visit myshop\u2024com now", "myshop\u2024com")]
    [InlineData("Visit myshop\u200B.com now", "myshop\u200B.com")]
    [InlineData("Visit \uFF48\uFF54\uFF54\uFF50\uFF53\uFF1A\uFF0F\uFF0Fmyshop.example now", "\uFF48\uFF54\uFF54\uFF50\uFF53\uFF1A\uFF0F\uFF0Fmyshop.example")]
    [InlineData("Visit m\u0443shop.com now", "m\u0443shop.com")]
    [InlineData("Besuchen Sie bücher-laden.de", "bücher-laden.de")]
    [InlineData("Visit ex\u0430mple.\u0441om today", "ex\u0430mple.\u0441om")]
    public void A_web_address_written_with_look_alike_characters_is_a_link(string text, string address)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Link, address), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Fact]
    public void An_email_address_written_with_look_alike_characters_is_an_email_address()
    {
        var text = "Write to support\uFF20myshop\uFF0Eexample please";

        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Email, "support\uFF20myshop\uFF0Eexample"), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Ihr Paket ist unterwegs. Übermorgen kommt es an; Straße 12, München. Größe L.")]
    [InlineData("Le colis est arrivé à l’agence. Réf. 12, café, déjà vu… À bientôt.")]
    [InlineData("El paquete llegó ayer. Señora Núñez firmó. Gracias.")]
    [InlineData("Delivered at 9\u00A0a.m.; the 2\u00BD kg box (\u2116 1002) is in the hall\u2026 Thanks.")]
    [InlineData("Track it at \uFF55\uFF50\uFF53.com or TRACK.AMAZON.DE.")]
    public void Accented_words_symbols_and_carrier_sites_in_any_form_are_not_links(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }
}
