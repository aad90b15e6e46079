using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

/// <summary>An S10 item belongs to the postal operator of the country in its last two letters.</summary>
public sealed class S10CountryTests
{
    [Theory]
    [InlineData("EW112720413FR", "laposte")]
    [InlineData("FQ087430672GB", "royalmail")]
    [InlineData("RR123456785GB", "royalmail")]
    [InlineData("CP123456785US", "usps")]
    [InlineData("RR123456785DE", "dhl")]
    public void The_country_code_names_the_carrier(string number, string carrier)
    {
        var result = CarrierDetector.Detect(number);

        Assert.Equal(carrier, result.Unambiguous?.Carrier);
        Assert.Equal($"UPU S10 ({number[^2..]})", result.Unambiguous?.Format);
    }

    [Theory]
    [InlineData("LA123456785ES")]
    [InlineData("EA123456785JP")]
    public void A_country_without_a_connector_is_still_reported_as_a_postal_item(string number)
    {
        var result = CarrierDetector.Detect(number);

        var s10 = Assert.Single(result.Candidates);
        Assert.Equal("upu", s10.Carrier);
        Assert.True(s10.ChecksumValid);
    }

    [Fact]
    public void A_suffix_that_is_no_country_is_not_S10()
    {
        // Passes the S10 check digit; "XX" is not an ISO 3166 country.
        var result = CarrierDetector.Detect("RB123456785XX");

        Assert.DoesNotContain(result.Candidates, c => c.Format.StartsWith("UPU S10", StringComparison.Ordinal));
    }

    [Fact]
    public void The_S10_check_digit_rules_for_remainders_0_and_1_apply()
    {
        // Serial 00000000 weighs 0: remainder 0 gives 5, not 11. Serial 02000000 weighs 6 × 2 = 12: remainder 1
        // gives 0, not 10.
        Assert.True(CarrierDetector.Detect("RR000000005FR").Unambiguous?.ChecksumValid);
        Assert.True(CarrierDetector.Detect("RR020000000FR").Unambiguous?.ChecksumValid);
        Assert.False(CarrierDetector.Detect("RR020000001FR").Candidates.Single().ChecksumValid);
    }
}
