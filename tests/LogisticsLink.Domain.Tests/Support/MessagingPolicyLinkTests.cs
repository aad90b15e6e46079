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
    public void A_web_address_is_a_link_whatever_the_case_of_its_ending(string text, string address)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Link, address), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("Mr.Smith and Ms.Jones signed; St.Louis hub; delivered today.The driver left.")]
    [InlineData("We shipped your parcel.It will arrive soon. Il pacco è partito.Es kommt morgen.De rien. Merci.Au revoir. Grazie.Io resto.")]
    [InlineData("Muster GmbH & Co.KG, U.S.A., z.B. heute, e.V., p.ej. mañana, S.A. de C.V.")]
    [InlineData("Weight 1.5KG, form V1.2, No.1002, ETA.Tomorrow.")]
    [InlineData("Track it on UPS.COM or Ups.Com, or at TRACK.AMAZON.DE.")]
    public void Abbreviations_names_run_on_sentences_and_carrier_sites_are_not_links(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }
}
