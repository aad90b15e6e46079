using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Domain.Tests.Support;

/// <summary>
/// Tracking numbers as labels and carriers' e-mails print them, in groups, and the buyer copies them: UPS
/// ("1Z 999 AA1 01 2345 6784"), USPS in fours, Royal Mail ("AB 1234 5678 5GB"), DHL Paket's NVE in fours or fives,
/// our sandbox ("LLSB 0000 0000 03").
/// </summary>
public sealed class InquiryGroupedNumberTests
{
    [Theory]
    [InlineData("Where is LLSB 0000 0000 03 please?", "LLSB0000000003", "sandbox")]
    [InlineData("Sendung LLSB 0000000003 hängt.", "LLSB0000000003", "sandbox")]
    [InlineData("My parcel 1Z 999 AA1 01 2345 6784 is late", "1Z999AA10123456784", "ups")]
    [InlineData("USPS 9400 1000 0000 0000 0000 06 has not moved", "9400100000000000000006", "usps")]
    [InlineData("USPS 420 90210 9400 1000 0000 0000 0000 06 has not moved", "420902109400100000000000000006", "usps")]
    [InlineData("USPS 420 22153 0307 1790 0005 2348 3741 has not moved", "4202215303071790000523483741", "usps")]
    [InlineData("Royal Mail AB 1234 5678 5GB, nothing since Monday", "AB123456785GB", "royalmail")]
    [InlineData("Royal Mail AB 123 456 785 GB, nothing since Monday", "AB123456785GB", "royalmail")]
    [InlineData("DHL 0034 0434 1610 9401 5902 steht still", "00340434161094015902", "dhl")]
    [InlineData("DHL 00340 43416 10940 15902 steht still", "00340434161094015902", "dhl")]
    [InlineData("Amazon TBA 5028 8727 4000 shows nothing", "TBA502887274000", "amazon")]
    // DPD's 14-digit parcel number has no check digit: it counts in the groups its label prints (4-4-4-2), alone or
    // before its check character.
    [InlineData("DPD 0150 5678 9012 34 kommt nicht", "01505678901234", "dpd")]
    [InlineData("Paket 0530 8801 4100 58 Z ist weg", "05308801410058", "dpd")]
    [InlineData("Colis DPD : 0530 8801 4100 58 4, rien depuis lundi", "053088014100584", "dpd")]
    // A domestic Colissimo number (a digit, a letter, 11 digits) has no check digit either, but its letter is its own.
    [InlineData("Colissimo 6A 123 456 789 01 bloqué", "6A12345678901", "laposte")]
    [InlineData("Colissimo 6A 1560 2676 300 bloqué", "6A15602676300", "laposte")]
    public void A_tracking_number_printed_in_groups_is_found(string message, string number, string carrier)
    {
        var found = Assert.Single(InquiryMatcher.Match(message).TrackingNumbers);

        Assert.Equal(number, found.Number);
        Assert.Contains(carrier, found.Carriers);
        Assert.Equal(message.IndexOf(message.Split(' ').First(w => w.Length > 0 && number.StartsWith(w, StringComparison.Ordinal)), StringComparison.Ordinal), found.Start);
    }

    // Grouped digits that fail the carrier's check are no number; nor are prices, phone numbers, dates or a sandbox
    // prefix followed by too few or too many digits.
    [Theory]
    // Its check digit is 6: no part of it is a number of another carrier's ("9400 1000 0000" a FedEx one).
    [InlineData("USPS 9400 1000 0000 0000 0000 00 has not moved")]
    [InlineData("Royal Mail AB 1234 5678 9GB, nothing since Monday")]
    [InlineData("Sandbox LLSB 0000 0000 0 and LLSB 0000 0000 0003")]
    [InlineData("I paid 12 99 and 45 00 and 19 99 and 7 50, call 0151 1234 5678 or +44 20 7946 0958 or 06 12 34 56 78.")]
    [InlineData("Ordered 03 03 2025, delivered 10 03 2025, postcode SW1A 1AA, 28013 Madrid.")]
    [InlineData("Prices 12 99 45 00 19 99 12 50 99 99, all in one line.")]
    [InlineData("Chiamaci al 347 123 4567 o 02 1234 5678; Llámenos al 612 34 56 78 o 91 123 45 67.")]
    // Fourteen digits grouped otherwise, or the end of a longer code (a UK IBAN ends in 4-4-4-2), are no DPD number.
    [InlineData("Ref 01 5056 7890 1234 and 015 056 789 012 34, nothing else.")]
    [InlineData("Please refund to GB29 NWBK 6016 1331 9268 19, thanks.")]
    public void Grouped_digits_that_do_not_verify_are_not_tracking_numbers(string message)
    {
        Assert.Empty(InquiryMatcher.Match(message).TrackingNumbers);
    }
}
