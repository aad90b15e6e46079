using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

public sealed class InputHandlingTests
{
    [Theory]
    [InlineData(" 1z5r 8939 0357 5671 27 ")]
    [InlineData("1Z-5R8-939-035-756-7127")]
    [InlineData("1z5r89390357567127")]
    [InlineData("1Z5R8939\t0357567127\n")]
    [InlineData("1Z5R8939\u20130357\u00A0567127")] // en dash and no-break space, as pasted from documents
    public void Whitespace_dashes_and_lower_case_are_tolerated(string raw)
    {
        var result = CarrierDetector.Detect(raw);

        Assert.True(result.IsWellFormed);
        Assert.Equal("1Z5R89390357567127", result.Normalized);
        Assert.Equal("ups", result.Unambiguous?.Carrier);
        Assert.True(result.Unambiguous?.ChecksumValid);
    }

    [Fact]
    public void Grouped_digits_are_joined_before_detection()
    {
        var result = CarrierDetector.Detect("9400 1112 0620 6406 2607 87");

        Assert.Equal("9400111206206406260787", result.Normalized);
        Assert.Equal("USPS IMpb 22", result.Unambiguous?.Format);
    }

    [Theory]
    [InlineData("hello world!")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - ")]
    [InlineData("1Z5")] // too short
    [InlineData("123456789012345678901234567890123456789012345678901234567890")] // 60 digits
    [InlineData("TBA50288727400!")]
    [InlineData("1Z5R89390357567127; DROP TABLE")]
    [InlineData("1Z5R8939035756712É")] // a non-ASCII letter
    [InlineData("helloworld")] // letters only: every real format carries digits
    public void Garbage_is_not_well_formed(string raw)
    {
        var result = CarrierDetector.Detect(raw);

        Assert.False(result.IsWellFormed);
        Assert.Empty(result.Candidates);
        Assert.Null(result.Unambiguous);
    }

    [Fact]
    public void Null_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => CarrierDetector.Detect(null!));
    }
}
