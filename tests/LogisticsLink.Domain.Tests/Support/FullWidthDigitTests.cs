using LogisticsLink.Domain.Support.Inquiries;
using LogisticsLink.Domain.Support.Policy;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Numbers typed in full-width forms, as a Japanese or Chinese keyboard writes them ("０３－１２３４－５６７８"), whole or
/// mixed with plain digits: the reader and the policy linter read them as the digits they are, and report where they
/// were written.
/// </summary>
public sealed class FullWidthDigitTests
{
    [Theory]
    [InlineData("Tel. 030 １２３４ 5678")]
    [InlineData("Tel. ３３３ 123 4567")]
    [InlineData("Tel. 333 １２３ 4567")]
    public void A_phone_number_partly_in_full_width_digits_is_no_order_number(string message)
    {
        Assert.Empty(InquiryMatcher.Match(message).OrderNumbers);
    }

    [Theory]
    [InlineData("電話 ０１５１ １２３４ ５６７８ です")]
    [InlineData("Tel. ０３－１２３４－５６７８")]
    [InlineData("Tel. ＋４４ ２０ ７９４６ ０９５８")]
    public void A_phone_number_in_full_width_digits_is_neither_an_order_nor_a_tracking_number(string message)
    {
        var matches = InquiryMatcher.Match(message);

        Assert.Empty(matches.OrderNumbers);
        Assert.Empty(matches.TrackingNumbers);
    }

    [Fact]
    public void An_order_id_in_full_width_digits_is_read_as_amazon_writes_it_and_found_where_it_was_written()
    {
        const string written = "３０２－１２３４５６７－７６５４３２１";
        var message = $"注文番号 {written} が届きません";

        var order = Assert.Single(InquiryMatcher.Match(message).OrderIds);

        Assert.Equal(("amazon", "302-1234567-7654321"), (order.Channel, order.OrderId));
        Assert.Equal(written, message.Substring(order.Start, order.Length));
    }

    [Theory]
    [InlineData("追跡番号 １Ｚ９９９ＡＡ１０１２３４５６７８４ です", "１Ｚ９９９ＡＡ１０１２３４５６７８４")]
    [InlineData("追跡番号 1Z999AA1０１２３４５６７８４ です", "1Z999AA1０１２３４５６７８４")]
    [InlineData("追跡番号 １Ｚ ９９９ ＡＡ１ ０１ ２３４５ ６７８４ です", "１Ｚ ９９９ ＡＡ１ ０１ ２３４５ ６７８４")]
    public void A_tracking_number_in_full_width_forms_is_found_where_it_was_written(string message, string written)
    {
        var number = Assert.Single(InquiryMatcher.Match(message).TrackingNumbers);

        Assert.Equal("1Z999AA10123456784", number.Number);
        Assert.Equal(written, message.Substring(number.Start, number.Length));
    }

    [Theory]
    [InlineData("お問い合わせは ０３－１２３４－５６７８ まで", "０３－１２３４－５６７８")]
    [InlineData("Call us on ＋４４ ２０ ７９４６ ０９５８ today", "＋４４ ２０ ７９４６ ０９５８")]
    [InlineData("Call us on +44 ２０ ７９４６ 0958 today", "+44 ２０ ７９４６ 0958")]
    [InlineData("Rufen Sie ０１５１ １２３４ ５６７８ an", "０１５１ １２３４ ５６７８")]
    public void The_linter_finds_a_phone_number_in_full_width_digits_where_it_was_written(string text, string phone)
    {
        var finding = Assert.Single(MessagingPolicy.Check(text));

        Assert.Equal((PolicyCodes.Phone, phone), (finding.Code, text.Substring(finding.Start, finding.Length)));
    }

    [Fact]
    public void A_reply_carrying_its_tracking_number_in_full_width_digits_breaks_no_rule()
    {
        Assert.Empty(MessagingPolicy.Check("Your parcel ０３０７ １７９０ ０００５ ２３４８ ３７４１ is on its way.", ["03071790000523483741"]));
    }
}
