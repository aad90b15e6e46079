using LogisticsLink.Domain.Shipments;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;
using LogisticsLink.Domain.Support.Templates;

namespace LogisticsLink.Domain.Tests.Support;

public sealed class MessagingPolicyPhoneTests
{
    [Theory]
    [InlineData("Call 800-555-0199 today", "800-555-0199")]
    [InlineData("Call 1-800-555-0199 today", "1-800-555-0199")]
    [InlineData("Call 555.123.4567 today", "555.123.4567")]
    [InlineData("Call 555 123 4567 today", "555 123 4567")]
    [InlineData("Call 1 800 555 0199.", "1 800 555 0199")]
    [InlineData("Call 1.800.555.0199 today", "1.800.555.0199")]
    [InlineData("Call 1 (800) 555-0199 today", "1 (800) 555-0199")]
    [InlineData("Ring (555) 123-4567 anytime", "(555) 123-4567")]
    [InlineData("Call +1 800 555 0199 today", "+1 800 555 0199")]
    [InlineData("Appelez le 06.12.34.56.78 merci", "06.12.34.56.78")]
    [InlineData("Rufen Sie 0151 1234 5678 an", "0151 1234 5678")]
    [InlineData("Rufen Sie 030 12345678 an", "030 12345678")]
    [InlineData("Llámenos al 612 34 56 78, gracias", "612 34 56 78")]
    [InlineData("Llámenos al 912 345 678.", "912 345 678")]
    [InlineData("Llámenos al 91 123 45 67 hoy", "91 123 45 67")]
    // Italian mobiles have no leading 0 either: spaced, as written in a signature.
    [InlineData("Chiamaci al 347 1234567, grazie", "347 1234567")]
    [InlineData("Luca, cell. 333 123456", "333 123456")]
    [InlineData("Ci scriva su WhatsApp: 347\u00A01234567.", "347\u00A01234567")]
    // Spanish numbers and Italian mobiles are as often written in one run of digits.
    [InlineData("Llámenos al 612345678, gracias", "612345678")]
    [InlineData("Teléfono: 912345678.", "912345678")]
    [InlineData("WhatsApp 712345678 hoy", "712345678")]
    [InlineData("Chiamaci al 3471234567, grazie", "3471234567")]
    [InlineData("Llámenos al +34612345678", "+34612345678")]
    [InlineData("Chiamaci al +393471234567.", "+393471234567")]
    [InlineData("Llámenos al 0034612345678", "0034612345678")]
    public void A_phone_number_in_a_common_form_is_a_finding(string text, string phone)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Phone, phone), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    // Amazon and eBay order ids.
    [InlineData("Order 302-1234567-7654321 and order 028-1234567-7654321, eBay 12-34567-89012, Shopify #1001.")]
    // UPS, USPS (plain, grouped by four, with a ZIP prefix), FedEx 12 and 15 digits (plain and grouped).
    [InlineData("UPS 1Z999AA10123456784 / 1Z 999 AA1 01 2345 6784; USPS 9400100000000000000000 / 9400 1000 0000 0000 0000 00 / 9205 5000 0000 0000 0000 00 / 420 90210 9400 1000 0000 0000 0000 00.")]
    [InlineData("FedEx 123456789012 / 1234 5678 9012 / 041441760228964 / 0414 4176 0228 964 / 012345678901234.")]
    // DHL (SSCC, JJD, Express 10 digits), Royal Mail, La Poste and Colissimo, DPD 14 digits (plain and grouped).
    [InlineData("DHL 00340434161094015902, JJD0001234567890, 1234567890; Royal Mail AB123456789GB, AB 1234 5678 9GB; La Poste 6A12345678901, CB123456789FR; DPD 05212345678901, 0521 2345 6789 01, 01505012345678.")]
    // Dates and times in the five languages.
    [InlineData("Delivered 27.11.2026, 11/27/2026, 27/11/2026, 2026-11-27, 27-11-2026 at 14:30 or 6:30 PM.")]
    [InlineData("Le colis arrive le 05/11/2026 10 h, entre 9 h et 12 h, de 09h00 à 12h00, du 05/11/2026 au 07/11/2026.")]
    [InlineData("Zustellung am 05.11.2026 10 Uhr, am 05.11.2026 14:30 Uhr, zwischen 09:00 und 12:00 Uhr, am 05.11.26 09.30.")]
    [InlineData("Llegará el 05/11/2026 entre las 09:00 y las 14:00; consegna il 05/11/2026 dalle 09.00 alle 12.00.")]
    // Runs of digits of other kinds: DHL Express waybills (10 digits, mod 7, also from 3), FedEx, eBay item numbers,
    // Shopify order ids, postcodes, quantities and amounts in cents.
    [InlineData("DHL 3471234561, 1234567890 and 61234567890; FedEx 612345678901; item 312345678901; Shopify order 6123456789012.")]
    [InlineData("Postcode 28001, 00184 Roma, qty 612, ref 61234567, invoice 612345678901234, total 61234 cents.")]
    // Prices in the five marketplaces' formats.
    [InlineData("Refunded $1,234.56, 1.234,56 €, 1 234,56 €, 0,99 €, €0.99, £12.50, CHF 1'234.50, 1.234.567 €.")]
    public void Order_ids_tracking_numbers_dates_times_and_prices_are_not_phone_numbers(string text)
    {
        Assert.Empty(MessagingPolicy.Check(text));
    }

    [Theory]
    // An unspaced North American number (area code and exchange starting 2-9) written after +1 or 1…
    [InlineData("Questions? +12125550188 anytime", "+12125550188")]
    [InlineData("Questions? 18005550199 anytime", "18005550199")]
    [InlineData("Questions? 1４１５５５５０１２３ anytime", "1４１５５５５０１２３")]
    // …or after a word for calling in one of the five languages, a few words between at most.
    [InlineData("Call 8005550199 today", "8005550199")]
    [InlineData("Please call us at 8005550199.", "8005550199")]
    [InlineData("Tel. 4155550123", "4155550123")]
    [InlineData("Phone: 7185550155", "7185550155")]
    [InlineData("Text 5145550166 for updates", "5145550166")]
    [InlineData("Appelez-nous au 8005550199, merci", "8005550199")]
    [InlineData("Un appel au 8005550199 suffit", "8005550199")]
    [InlineData("Téléphone : 2125550188", "2125550188")]
    [InlineData("Bitte anrufen unter 4155550123", "4155550123")]
    [InlineData("Telefon: 4155550123", "4155550123")]
    [InlineData("Llame al 7185550155, gracias", "7185550155")]
    [InlineData("Puede llamar al 7185550155", "7185550155")]
    [InlineData("Teléfono 6175550142", "6175550142")]
    [InlineData("Chiama il 6175550142", "6175550142")]
    [InlineData("Può chiamare il numero 6175550142", "6175550142")]
    [InlineData("Telefono: ８００５５５０１９９", "８００５５５０１９９")]
    public void An_unspaced_north_american_number_after_plus_one_one_or_a_word_for_calling_is_a_finding(string text, string phone)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Phone, phone), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Theory]
    // Ten digits alone are as often an order or a tracking number: without +1, 1 or a word for calling, not a phone number.
    [InlineData("Your parcel 8005550199 left the depot.", null)]
    [InlineData("Reference 2125550188, item 4155550123.", null)]
    // Not North American: the area code or the exchange starts with 0 or 1.
    [InlineData("Call 1234567890 today", null)]
    [InlineData("Call 8001550199 today", null)]
    // The word for calling is in another sentence, or too far before the number.
    [InlineData("We will call you. Parcel 8005550199 left the depot.", null)]
    [InlineData("Phone lines are busy; parcel 8005550199 left the depot.", null)]
    [InlineData("Call the depot if your parcel with number 8005550199 is late", null)]
    // Not a word for calling: "tel" inside "hotel", "text" inside "context".
    [InlineData("Hotel 8005550199", null)]
    [InlineData("Context 8005550199", null)]
    // A DHL Express waybill (10 digits, mod 7) as the code already exempts an unspaced run of ten digits.
    [InlineData("Call DHL about waybill 8005550195", null)]
    // The order id, or a tracking number of the message's context, given as allowed.
    [InlineData("Call us about order 8005550199", "8005550199")]
    [InlineData("Call the carrier with number 4155550123", "4155550123")]
    [InlineData("Questions? 18005550199 anytime", "18005550199")]
    public void An_unspaced_ten_digit_run_without_plus_one_or_a_word_for_calling_or_an_allowed_value_is_no_finding(string text, string? allowed)
    {
        Assert.Empty(MessagingPolicy.Check(text, allowed is null ? null : [allowed]));
    }

    public static TheoryData<ReplyScenario, string, string, string, string> EveryTemplateWithEveryCarrier()
    {
        (string Carrier, string Number, string Url)[] parcels =
        [
            ("ups", "1Z 999 AA1 01 2345 6784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"),
            ("usps", "9400 1000 0000 0000 0000 00", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000"),
            ("fedex", "0414 4176 0228 964", "https://www.fedex.com/fedextrack/?trknbr=041441760228964"),
            ("fedex", "1234 5678 9012", "https://www.fedex.com/fedextrack/?trknbr=123456789012"),
            ("dhl", "00340434161094015902", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=00340434161094015902"),
            ("royalmail", "AB 1234 5678 9GB", "https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB"),
            ("laposte", "6A12345678901", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"),
            ("dpd", "0521 2345 6789 01", "https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=05212345678901"),
        ];
        var data = new TheoryData<ReplyScenario, string, string, string, string>();
        foreach (var scenario in ReplyScenarios.All)
        {
            foreach (var language in ReplyLocale.Languages)
            {
                foreach (var (carrier, number, url) in parcels)
                {
                    data.Add(scenario, language, carrier, number, url);
                }
            }
        }
        return data;
    }

    // The lint is also given the values as allowed tokens when a reply is composed; here it is not, so that what our
    // own templates print (grouped tracking numbers, order ids, dates) passes on its own.
    [Theory]
    [MemberData(nameof(EveryTemplateWithEveryCarrier))]
    public void Every_built_in_template_with_every_carriers_tracking_number_passes_without_allowed_tokens(
        ReplyScenario scenario, string language, string carrier, string number, string url)
    {
        var shipment = InquiryDecisionTests.Shipment(ReplyTemplateTests.StatusOf(scenario)) with
        {
            Carrier = carrier, TrackingNumber = number, TrackingUrl = url,
            ProofOfDelivery = new ProofOfDelivery("J. DUPONT", "Front door", true, false),
            PromisedBy = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
        };
        var order = scenario is ReplyScenario.NoOrderFound or ReplyScenario.SeveralOrdersFound ? null : InquiryDecisionTests.Order();
        var locale = ReplyLocale.Resolve(language);
        var body = BuiltInTemplates.Default.Find(scenario.TemplateId(), language)!;
        var values = ReplyValues.From(order, order is null ? null : shipment, locale, "amazon");
        var text = ReplyComposer.Compose(scenario.TemplateId(), 0, body, locale, values, "").Text;

        var findings = MessagingPolicy.Check(text);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Code}: {f.Message}")) + "\n" + text);
    }
}
