using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// DPD's 14-digit parcel number written without spaces has no check character and no prefix of its own: it is found
/// only where the buyer names the carrier right before it or quotes DPD's tracking link, never as any 14 digits.
/// </summary>
public sealed class InquiryDpdNumberTests
{
    [Theory]
    [InlineData("DPD 01505678901234 kommt nicht", "01505678901234")]
    [InlineData("Mon colis dpd : 05308801410058 n'arrive pas", "05308801410058")]
    [InlineData("Paket (DPD: 05308801410058) ist weg", "05308801410058")]
    [InlineData("See https://tracking.dpd.de/status/de_DE/parcel/01505678901234 please", "01505678901234")]
    [InlineData("See https://www.dpd.co.uk/apps/tracking/?reference=05308801410058 please", "05308801410058")]
    public void Fourteen_digits_named_as_dpd_are_a_dpd_parcel_number(string message, string number)
    {
        var found = Assert.Single(InquiryMatcher.Match(message).TrackingNumbers);

        Assert.Equal(number, found.Number);
        Assert.Contains("dpd", found.Carriers);
        Assert.Equal(message.IndexOf(number, StringComparison.Ordinal), found.Start);
        Assert.Equal(14, found.Length);
    }

    [Theory]
    [InlineData("Please call 01505678901234 tomorrow.")]
    [InlineData("My order 05308801410058 went with DPD.")]
    [InlineData("DPD 00491806373200 is their hotline.")]
    [InlineData("DPD 0150567890123 has thirteen digits.")]
    [InlineData("IBAN DE89370400440532013000, sent by DPD.")]
    [InlineData("See https://shop.example/dpd/01505678901234 and https://www.ups.com/track?tracknum=01505678901234")]
    public void Fourteen_digits_not_named_as_dpd_are_no_tracking_number(string message)
    {
        Assert.Empty(InquiryMatcher.Match(message).TrackingNumbers);
    }
}
