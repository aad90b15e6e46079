using System.Globalization;
using LogisticsLink.Domain.Support;
using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Numbers typed with the digits of another script, as a buyer on Amazon.ae, .sa, .eg or .in may write them: Arabic-Indic
/// (٠١٢…), Extended Arabic-Indic (۰۱۲…, Persian and Urdu keyboards), Devanagari (०१२…), Bengali (০১২…), Thai (๐๑๒…) and
/// every other script's decimal digits, whole or mixed with plain digits and letters. The reader and the policy linter
/// read them as the digits they are, and report where they were written.
/// </summary>
public sealed class OtherScriptDigitTests
{
    [Theory]
    [InlineData("رقم الطلب ٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١ لم يصل", "٣٠٢-١٢٣٤٥٦٧-٧٦٥٤٣٢١")]
    [InlineData("سفارش ۳۰۲-۱۲۳۴۵۶۷-۷۶۵۴۳۲۱ نرسیده", "۳۰۲-۱۲۳۴۵۶۷-۷۶۵۴۳۲۱")]
    [InlineData("ऑर्डर ३०२-१२३४५६७-७६५४३२१ नहीं आया", "३०२-१२३४५६७-७६५४३२१")]
    [InlineData("order 302-١٢٣٤٥٦٧-7654321 please", "302-١٢٣٤٥٦٧-7654321")]
    [InlineData("অর্ডার ৩০২-১২৩৪৫৬৭-৭৬৫৪৩২১ আসেনি", "৩০২-১২৩৪৫৬৭-৭৬৫৪৩২১")]
    [InlineData("คำสั่งซื้อ ๓๐๒-๑๒๓๔๕๖๗-๗๖๕๔๓๒๑ ยังไม่ได้รับ", "๓๐๒-๑๒๓๔๕๖๗-๗๖๕๔๓๒๑")]
    [InlineData("မှာယူမှု ၃၀၂-၁၂၃၄၅၆၇-၇၆၅၄၃၂၁", "၃၀၂-၁၂၃၄၅၆၇-၇၆၅၄၃၂၁")]
    public void An_amazon_order_id_in_another_scripts_digits_is_read_as_amazon_writes_it_where_it_was_written(string message, string written)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("amazon", "302-1234567-7654321"), (order.Channel, order.OrderId));
        Assert.Equal(written, message.Substring(order.Start, order.Length));
    }

    [Theory]
    [InlineData("أين طلبي #١٠٠٣؟")]
    [InlineData("คำสั่งซื้อ #๑๐๐๓ อยู่ที่ไหน")]
    public void A_shopify_order_name_in_another_scripts_digits_is_read_as_its_number(string message)
    {
        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("shopify", "1003"), (order.Channel, order.OrderId));
    }

    [Theory]
    [InlineData("رقم التتبع ١Z٩٩٩AA١٠١٢٣٤٥٦٧٨٤ من فضلك", "١Z٩٩٩AA١٠١٢٣٤٥٦٧٨٤")]
    [InlineData("رقم التتبع 1Z999AA1٠١٢٣٤٥٦٧٨٤ من فضلك", "1Z999AA1٠١٢٣٤٥٦٧٨٤")]
    [InlineData("رقم التتبع 1Z ٩٩٩ AA١ ٠١ ٢٣٤٥ ٦٧٨٤ من فضلك", "1Z ٩٩٩ AA١ ٠١ ٢٣٤٥ ٦٧٨٤")]
    [InlineData("ट्रैकिंग नंबर १Z९९९AA१०१२३४५६७८४ है", "१Z९९९AA१०१२३४५६७८४")]
    [InlineData("หมายเลขพัสดุ ๑Z๙๙๙AA๑๐๑๒๓๔๕๖๗๘๔ ค่ะ", "๑Z๙๙๙AA๑๐๑๒๓๔๕๖๗๘๔")]
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
    [InlineData("আমাদের +৮৮০ ১৭১১ ২৩৪৫৬৭ নম্বরে কল করুন", "+৮৮০ ১৭১১ ২৩৪৫৬৭")]
    [InlineData("โทร ๐๘๑ ๒๓๔ ๕๖๗๘ ได้เลย", "๐๘๑ ๒๓๔ ๕๖๗๘")]
    [InlineData("ಕರೆ ಮಾಡಿ ೦೯೮ ೭೬೫ ೪೩೨೧", "೦೯೮ ೭೬೫ ೪೩೨೧")]
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

    // One character for one: every decimal digit written as a single UTF-16 character (general category Nd, the whole
    // Basic Multilingual Plane) folds to the ASCII digit of its value, so positions in the folded text are positions
    // in what was written.
    [Fact]
    public void Every_decimal_digit_of_the_basic_multilingual_plane_folds_to_its_ascii_digit_in_its_place()
    {
        var digits = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber).ToArray();
        var written = "a" + string.Join("b", digits) + "c";

        var folded = AsciiForms.Fold(written);

        Assert.Equal(written.Length, folded.Length);
        Assert.Equal("a" + string.Join("b", digits.Select(c => (char)('0' + (int)char.GetNumericValue(c)))) + "c", folded);
        Assert.Contains('\u0E53', digits);
    }

    // A digit outside the Basic Multilingual Plane (mathematical bold 𝟑, U+1D7D1) is two UTF-16 characters, and one
    // ASCII digit in its place would move every position after it: it is left as written, and no pattern reads it as a digit.
    [Fact]
    public void A_digit_written_as_a_surrogate_pair_is_left_as_written()
    {
        const string written = "𝟑𝟎𝟐-1234567-7654321";

        Assert.Equal(written, AsciiForms.Fold(written));
        Assert.Empty(InquiryMatcher.Match($"order {written}").OrderIds);
    }
}
