using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

public sealed class ValidNumberTests
{
    [Theory]
    [MemberData(nameof(KnownNumbers.Checked), MemberType = typeof(KnownNumbers))]
    public void A_valid_number_is_recognised_with_its_check_digit(string number, string carrier, string format)
    {
        var result = CarrierDetector.Detect(number);

        Assert.True(result.IsWellFormed);
        var best = Assert.IsType<CarrierCandidate>(result.Unambiguous);
        Assert.Equal(carrier, best.Carrier);
        Assert.Equal(format, best.Format);
        Assert.True(best.ChecksumValid);
        Assert.Same(best, result.Candidates[0]);
    }

    [Theory]
    [MemberData(nameof(KnownNumbers.Unchecked), MemberType = typeof(KnownNumbers))]
    public void A_format_without_a_check_digit_is_recognised_by_its_shape(string number, string carrier, string format)
    {
        var result = CarrierDetector.Detect(number);

        var best = Assert.IsType<CarrierCandidate>(result.Unambiguous);
        Assert.Equal(carrier, best.Carrier);
        Assert.Equal(format, best.Format);
        // Nothing verified it, and the wire field must not claim otherwise.
        Assert.False(best.ChecksumValid);
    }

    [Fact]
    public void The_sandbox_prefix_is_certain()
    {
        var best = CarrierDetector.Detect("LLSB1234567890").Candidates.Single();

        Assert.Equal("sandbox", best.Carrier);
        Assert.True(best.Confidence >= 0.95);
    }

    [Theory]
    [InlineData("1Z12345E0205271688")] // UPS sandbox number: documented as failing its check digit
    [InlineData("9400111899223397910390")] // USPS documentation example, not checksum-valid
    [InlineData("111111111111")] // FedEx mock-server number
    public void Documented_sample_numbers_that_fail_their_check_are_not_confident(string number)
    {
        var result = CarrierDetector.Detect(number);

        Assert.NotEmpty(result.Candidates);
        Assert.All(result.Candidates, c => Assert.False(c.ChecksumValid));
        Assert.Null(result.Unambiguous);
    }

    [Fact]
    public void A_well_formed_number_no_format_knows_has_no_candidates()
    {
        var result = CarrierDetector.Detect("12345678");

        Assert.True(result.IsWellFormed);
        Assert.Empty(result.Candidates);
        Assert.Null(result.Unambiguous);
    }

    [Fact]
    public void La_Poste_is_only_a_last_resort_for_unknown_ids_of_its_length()
    {
        var result = CarrierDetector.Detect("1K00012345X67");

        var only = Assert.Single(result.Candidates);
        Assert.Equal("laposte", only.Carrier);
        // "11 to 15 alphanumerics" is what La Poste accepts, not evidence that the number is theirs.
        Assert.True(only.Confidence < DetectionResult.PlausibleConfidence);
        Assert.Null(result.Unambiguous);
    }
}
