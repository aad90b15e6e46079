using LogisticsLink.Carriers.Amazon;

namespace LogisticsLink.Carriers.Tests.Amazon;

/// <summary>
/// <c>TBA…</c> (AMZN_UK assumed) and <c>AMZN_UK:TBA…</c> are one parcel: stored bare; another business keeps its id.
/// </summary>
public sealed class AmazonTrackingIdCanonicalTests
{
    [Theory]
    [InlineData("AMZN_UK:TBA123456789012", "TBA123456789012")]
    [InlineData("amzn_uk:TBA123456789012", "TBA123456789012")]
    [InlineData("TBA123456789012", "TBA123456789012")]
    [InlineData("AMZN_US:TBA123456789012", "AMZN_US:TBA123456789012")]
    [InlineData("AMZN_UK:", "AMZN_UK:")]
    [InlineData("AMZN_UK:AMZN_US:TBA123456789012", "AMZN_UK:AMZN_US:TBA123456789012")]
    public void The_default_business_is_stored_without_its_carrier_id(string number, string stored) =>
        Assert.Equal(stored, AmazonTrackingId.Canonical(number));

    [Fact]
    public void Only_a_bare_number_had_a_former_form_with_the_default_carrier_id()
    {
        Assert.Equal("AMZN_UK:TBA123456789012", AmazonTrackingId.FormerDefaultForm("TBA123456789012"));
        Assert.Null(AmazonTrackingId.FormerDefaultForm("AMZN_US:TBA123456789012"));
    }
}
