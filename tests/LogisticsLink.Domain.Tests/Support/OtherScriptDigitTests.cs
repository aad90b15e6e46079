using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Numbers typed with the digits of another script, as a buyer on Amazon.ae, .sa, .eg or .in may write them: Arabic-Indic
/// (٠١٢…), Extended Arabic-Indic (۰۱۲…, Persian and Urdu keyboards) and Devanagari (०१२…), whole or mixed with plain
/// digits and letters. The reader and the policy linter read them as the digits they are, and report where they were
/// written.
/// </summary>
public sealed class OtherScriptDigitTests
{
    [Theory]
    [InlineData("رقم الطلب ٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١ لم يصل", "٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١")]
    [InlineData("سفارش ۳۰۲-۱۲۳۴۵۶۷-۷۶۵۴۳۲۱ نرسیده", "۳۰۲-۱۲۳۴۵۶۷-۷۶۵۴۳۲۱")]
    [InlineData("ऑर्डर ३०२-१२३४५६७-७६५४३२१ नहीं आया", "३०२-१२३४५६७-७६५४३२१")]
    [InlineData("order 302-١٢٣٤٥٦٧-7654321 please", "302-١٢٣٤٥٦٧-7654321")]
    public void An_amazon_order_id_in_another_scripts_digits_is_read_as_amazon_writes_it_where_it_was_written(string message, string written)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("amazon", "302-1234567-7654321"), (order.Channel, order.OrderId));
        Assert.Equal(written, message.Substring(order.Start, order.Length));
    }

    [Fact]
    public void A_shopify_order_name_in_arabic_indic_digits_is_read_as_its_number()
    {
        var order = Assert.Single(InquiryMatcher.Match("أين طلبي #١٠٠٣؟").OrderIds);

        Assert.Equal(("shopify", "1003"), (order.Channel, order.OrderId));
    }

    [Theory]
    [InlineData("رقم التتبع ١Z٩٩٩AA١٠١٢٣٤٥٦٧٨٤ من فضلك", "١Z٩٩٩AA١٠١٢٣٤٥٦٧٨٤")]
    [InlineData("رقم التتبع 1Z999AA1٠١٢٣٤٥٦٧٨٤ من فضلك", "1Z999AA1٠١٢٣٤٥٦٧٨٤")]
    [InlineData("رقم التتبع 1Z ٩٩٩ AA١ ٠١ ٢٣٤٥ ٦٧٨٤ من فضلك", "1Z ٩٩٩ AA١ ٠١ ٢٣٤٥ ٦٧٨٤")]
    [InlineData("ट्रैकिंग नंबर १Z९९९AA१०१२३४५६७८४ है", "१Z९९९AA१०१२३४५६७८४")]
    public void A_ups_number_in_another_scripts_digits_verifies_and_is_found_where_it_was_written(string message, string written)
    {
        var number = Assert.Single(InquiryMatcher.Match(message).TrackingNumbers);

        Assert.Equal("1Z999AA10123456784", number.Number);
        Assert.Contains("ups", number.Carriers);
        Assert.Equal(written, message.Substring(number.Start, number.Length));
    }

    [Theory]
    [InlineData("اتصل بنا على +٩٧١ ٥٠ ١٢٣ ٤٥٦٧ اليوم", "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧")]
    [InlineData("اتصل بنا على 050 ١٢٣ ٤٥٦٧ اليوم", "050 ١٢٣ ٤٥٦٧")]
    [InlineData("با ما تماس بگیرید ۰۹۱۲ ۳۴۵ ۶۷۸۹ لطفا", "۰۹۱۲ ۳۴۵ ۶۷۸۹")]
    [InlineData("हमें +९१ ९८७६५ ४३२१० पर कॉल करें", "+९१ ९८७६५ ४३२१०")]
    public void The_linter_finds_a_phone_number_in_another_scripts_digits_as_it_finds_an_ascii_one(string text, string phone)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Phone, phone), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Fact]
    public void A_reply_carrying_its_tracking_number_in_arabic_indic_digits_breaks_no_rule()
    {
        Assert.Empty(MessagingPolicy.Check("طردك ٠٣٠٧ ١٧٩٠ ٠٠٠٥ ٢٣٤٨ ٣٧٤١ في الطريق.", ["03071790000523483741"]));
    }
}
