using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class InquiryMatcherTests
{
    [Theory]
    [InlineData("Hello, where is my order 302-1234567-7654321? I ordered on 12/03/2025.\nThanks,\nJohn Smith\n+44 20 7946 0958")]
    [InlineData("Bonjour,\nje n'ai pas reçu la commande n° 302-1234567-7654321 passée le 12.03.2025.\nCordialement,\nMarie — 06 12 34 56 78")]
    [InlineData("Guten Tag, meine Bestellung 302-1234567-7654321 ist noch nicht da. PLZ 10115 Berlin.\nMfG Hans\nTel. 030 1234567")]
    [InlineData("Hola, ¿dónde está mi pedido 302-1234567-7654321? Pagué 45,99 €.\n> El 10/03/2025 escribió: su pedido ha sido enviado")]
    [InlineData("Buongiorno, l'ordine 302-1234567-7654321 non è ancora arrivato. CAP 00184 Roma.\n-- \nLuca, cell. 333 123 4567")]
    public void An_amazon_order_id_is_found_in_any_language_among_other_numbers(string message)
    {
        var matches = InquiryMatcher.Match(message);

        var order = Assert.Single(matches.OrderIds);
        Assert.Equal(("amazon", "302-1234567-7654321"), (order.Channel, order.OrderId));
        Assert.Equal("302-1234567-7654321", message.Substring(order.Start, order.Length));
        Assert.Empty(matches.TrackingNumbers);
    }

    [Theory]
    [InlineData("Where is my order 302 1234567 7654321? Thanks", "302 1234567 7654321")]
    [InlineData("Commande n° 302\u00A01234567\u00A07654321, merci", "302\u00A01234567\u00A07654321")]
    [InlineData("Bestellung 302\u20131234567\u20137654321 ist nicht da", "302\u20131234567\u20137654321")]
    [InlineData("Pedido 302\u20111234567\u20117654321", "302\u20111234567\u20117654321")]
    public void An_amazon_order_id_written_with_spaces_or_another_dash_is_found_as_amazon_writes_it(string message, string written)
    {
        // Read off a packing slip or pasted from a word processor: the same three groups, another separator.
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("amazon", "302-1234567-7654321"), (order.Channel, order.OrderId));
        Assert.Equal(written, message.Substring(order.Start, order.Length));
    }

    // Amazon's FBA shipments report lists a Multi-Channel Fulfillment order under an S01-3-7-7 id, and the order is
    // stored under it.
    [Theory]
    [InlineData("Hello, where is my order S01-5550013-0000000? Thanks", "S01-5550013-0000000")]
    [InlineData("Commande s01-5550013-0000000 pas reçue", "s01-5550013-0000000")]
    public void A_multi_channel_fulfillment_order_id_from_amazons_report_is_found_as_amazon_writes_it(string message, string written)
    {
        var matches = InquiryMatcher.Match(message);

        var order = Assert.Single(matches.OrderIds);
        Assert.Equal(("amazon", "S01-5550013-0000000"), (order.Channel, order.OrderId));
        Assert.Equal(written, message.Substring(order.Start, order.Length));
        Assert.Empty(matches.TrackingNumbers);
    }

    [Theory]
    [InlineData("Ref XS01-5550013-0000000")]
    [InlineData("Ref S01-5550013-00000001")]
    [InlineData("Ref S01-5550013-0000000-2")]
    public void A_longer_code_around_the_multi_channel_fulfillment_layout_is_no_order_id(string message)
    {
        Assert.DoesNotContain(InquiryMatcher.Match(message).OrderIds, o => o.Channel == "amazon");
    }

    [Theory]
    [InlineData("eBay order 12\u201334567\u201389012 has not arrived")]
    [InlineData("eBay order 12\u221234567\u221289012 has not arrived")]
    public void An_ebay_order_id_written_with_another_dash_is_found_as_ebay_writes_it(string message)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("ebay", "12-34567-89012"), (order.Channel, order.OrderId));
    }

    [Theory]
    [InlineData("Order 302-1234567 7654321")]
    [InlineData("Call 0044 302 1234567 7654321")]
    [InlineData("Order 302 1234567 76543210")]
    [InlineData("Refs 12 34567 89012")]
    public void Digits_grouped_unevenly_or_inside_a_longer_run_are_no_order_id(string message)
    {
        Assert.Empty(InquiryMatcher.Match(message).OrderIds);
    }

    [Theory]
    [InlineData("Where is my parcel 1Z999AA10123456784? Sent from my iPhone", "1Z999AA10123456784", "ups")]
    [InlineData("Mon colis 1Z 999 AA1 01 2345 6784 n'avance plus.", "1Z999AA10123456784", "ups")]
    [InlineData("Sendungsnummer: LLSB0000000003 – bitte prüfen", "LLSB0000000003", "sandbox")]
    [InlineData("El número de seguimiento es 1Z999AA10123456784, gracias", "1Z999AA10123456784", "ups")]
    [InlineData("Il tracking LLSB0000000004 è fermo da giorni.\n> Il 3 marzo ha scritto: spedito", "LLSB0000000004", "sandbox")]
    // The space after an abbreviation is often left out.
    [InlineData("Tracking no.1Z999AA10123456784 shows nothing", "1Z999AA10123456784", "ups")]
    [InlineData("Sendungsnr.LLSB0000000003 hängt seit Tagen", "LLSB0000000003", "sandbox")]
    [InlineData("Colis n°.LLSB0000000003, merci", "LLSB0000000003", "sandbox")]
    [InlineData("Seguimiento nº.1Z999AA10123456784", "1Z999AA10123456784", "ups")]
    public void A_tracking_number_is_found_in_any_language_even_when_grouped(string message, string number, string carrier)
    {
        var found = Assert.Single(InquiryMatcher.Match(message).TrackingNumbers);

        Assert.Equal(number, found.Number);
        Assert.Contains(carrier, found.Carriers);
    }

    // The links our own replies carry ({{ tracking_url }}), pasted back by the buyer.
    [Theory]
    [InlineData("This link says delivered, nothing here: https://www.royalmail.com/track-your-item#/tracking-results/AB123456785GB", "AB123456785GB")]
    [InlineData("https://track.amazon.com/tracking/TBA123456789000 shows nothing since Monday", "TBA123456789000")]
    [InlineData("Voir https://www.ups.com/track?tracknum=1Z999AA10123456784.", "1Z999AA10123456784")]
    public void A_tracking_number_in_a_carrier_link_is_found(string message, string number)
    {
        Assert.Equal(number, Assert.Single(InquiryMatcher.Match(message).TrackingNumbers).Number);
    }

    [Theory]
    [InlineData("My order https://shop.example/orders/1003 has not arrived")]
    [InlineData("See https://shop.example/tracking/AB123456785GB and https://shop.example/p/TBA123456789000")]
    [InlineData("See shop.example.LLSB0000000003 and logo.1Z999AA10123456784")]
    public void A_number_in_a_link_to_another_site_is_not_a_tracking_number(string message)
    {
        Assert.Empty(InquiryMatcher.Match(message).TrackingNumbers);
    }

    [Fact]
    public void Shopify_and_eBay_references_are_found_and_repeats_are_reported_once()
    {
        var matches = InquiryMatcher.Match(
            "Order #1001 (eBay 12-34567-89012) — again: #1001. Invoice INV-2024-0001, call 0800 123 456, total #1 item.");

        Assert.Equal(
            [("shopify", "1001"), ("ebay", "12-34567-89012")],
            matches.OrderIds.Select(o => (o.Channel, o.OrderId)).OrderByDescending(o => o.Channel).ToArray());
    }

    [Fact]
    public void A_message_without_references_matches_nothing()
    {
        Assert.True(InquiryMatcher.Match("Hi, when will my parcel arrive? I paid 29.99 on 2025-03-04. Phone +33 6 12 34 56 78").IsEmpty);
        Assert.True(InquiryMatcher.Match("").IsEmpty);
    }

    [Theory]
    [InlineData("Bonjour, où est ma commande 1002 ? Merci d'avance.\n--\nMarie Dupont, 06 12 34 56 78", "1002")]
    [InlineData("Hallo, meine Bestellung 1002 vom 03.03.2025 ist noch nicht da.\nMfG Hans\nTel. 030 1234567", "1002")]
    [InlineData("Hola, ¿dónde está mi pedido nº 1002? Pagué 45,99 € y 1200 EUR el 10/03/2025.", "1002")]
    [InlineData("Buongiorno, ordine Nr.1002: non è arrivato. CAP 00184 Roma, ore 14:30.", "1002")]
    [InlineData("Hi, order 5820001002 has not arrived (it's been 10 days, 100% sure). Sent at 9:45", "5820001002")]
    [InlineData("Hi, I ordered on 3 March 2025 and in 1999 I never waited this long. Order 1002.", "1002")]
    [InlineData("Buongiorno, non è arrivato niente. Cordiali saluti, Luca (cell. 333 123 4567)")]
    public void Bare_numbers_are_kept_as_possible_Shopify_order_numbers_but_not_dates_prices_times_or_phone_numbers(string message, params string[] expected)
    {
        var matches = InquiryMatcher.Match(message);

        Assert.Equal(expected, matches.OrderNumbers.Select(n => n.OrderId));
        Assert.All(matches.OrderNumbers, n => Assert.Equal((InquiryMatcher.Shopify, n.OrderId), (n.Channel, message.Substring(n.Start, n.Length))));
        Assert.Empty(matches.OrderIds);
    }

    [Theory]
    [InlineData("Where is order 1003 please?", true)]
    [InlineData("Hallo, wo bleibt meine Bestellung 1003?", true)]
    [InlineData("Où est ma commande n° 1003 ?", true)]
    [InlineData("Mi pedido n.º 1003 no ha llegado", true)]
    [InlineData("Buongiorno, ordine Nr.1003: non è arrivato", true)]
    [InlineData("My parcel to 1003 Main Street has not arrived", false)]
    [InlineData("PLZ 1003, Lausanne", false)]
    [InlineData("I ordered 1003 stickers", false)]
    [InlineData("1003 Main Street, and yes, order 1003", true)]
    public void A_bare_number_is_marked_only_when_written_right_after_the_word_for_an_order(string message, bool marked)
    {
        var number = Assert.Single(InquiryMatcher.Match(message).OrderNumbers);

        Assert.Equal(("1003", marked), (number.OrderId, number.Marked));
    }

    [Fact]
    public void Numbers_inside_order_ids_or_grouped_tracking_numbers_are_not_bare_and_repeats_are_kept_once()
    {
        var matches = InquiryMatcher.Match(
            "Où est ma commande #1002 ? Colis 1Z 999 AA1 01 2345 6784, Amazon 302-1234567-7654321, eBay 12-34567-89012.\n" +
            "Et la commande 1003 ? Commande 1003 !");

        Assert.Equal(["1003"], matches.OrderNumbers.Select(n => n.OrderId));
        Assert.Equal(["1002", "302-1234567-7654321", "12-34567-89012"], matches.OrderIds.Select(o => o.OrderId));
    }

    [Fact]
    public void A_run_of_digits_can_be_both_a_tracking_number_and_an_order_number()
    {
        // A 12-digit FedEx-shaped number is also long enough to be a Shopify order id: the lookups decide.
        var matches = InquiryMatcher.Match("Tracking 123456789012 please");

        Assert.Equal(["123456789012"], matches.OrderNumbers.Select(n => n.OrderId));
        Assert.Contains(matches.TrackingNumbers, t => t.Number == "123456789012");
    }
}
