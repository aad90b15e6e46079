using LogisticsLink.Carriers.Amazon;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>
/// A marketplace that names Amazon Shipping's carrier id beside a package (Amazon's Orders API lists <c>AMZN_US</c>)
/// gives the number to track it under: the bare number is asked about in the default business, AMZN_UK.
/// </summary>
public sealed class AmazonTrackingIdQualifyTests
{
    [Theory]
    [InlineData("AMZN_US", "TBA123456789012", "AMZN_US:TBA123456789012")]
    [InlineData(" amzn_fr ", "TBA123456789012", "AMZN_FR:TBA123456789012")]
    [InlineData("AMZN_UK", "TBA123456789012", "TBA123456789012")]
    [InlineData("AMZN_US", "AMZN_JP:TBA123456789012", "AMZN_JP:TBA123456789012")]
    [InlineData("Amazon Shipping", "TBA123456789012", "TBA123456789012")]
    [InlineData("AMZL_US", "TBA123456789012", "TBA123456789012")]
    [InlineData("AMZN_XX", "TBA123456789012", "TBA123456789012")]
    public void A_package_is_tracked_in_the_business_its_carrier_id_names(string carrierName, string number, string tracked) =>
        Assert.Equal(tracked, AmazonTrackingId.Qualify(carrierName, number));
}
