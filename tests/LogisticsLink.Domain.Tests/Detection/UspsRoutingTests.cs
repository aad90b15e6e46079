using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

public sealed class UspsRoutingTests
{
    [Theory]
    [InlineData("420221539101026837331000039521", "9101026837331000039521")] // ZIP 5 + IMpb 22
    [InlineData("4201002334249200190132607600833457", "9200190132607600833457")] // ZIP 9 + IMpb 22 (ZIP 5 + 26 fails)
    [InlineData("4202215303071790000523483741", "03071790000523483741")] // ZIP 5 + the old 20-digit number
    [InlineData("42022153123403071790000523483741", "03071790000523483741")] // ZIP 9 + the old 20-digit number
    [InlineData("4202215371969010756003077385", "71969010756003077385")] // ZIP 5 + a 20-digit "91" number printed without its 91
    [InlineData("4202215303071790000523483742", "4202215303071790000523483742")] // neither check verifies: not guessed
    [InlineData("9101026837331000039521", "9101026837331000039521")] // already the printed number
    [InlineData("420221539101026837331000039522", "420221539101026837331000039522")] // check digit fails: not guessed
    [InlineData("1Z5R89390357567127", "1Z5R89390357567127")]
    public void The_routing_is_taken_off_only_a_barcode_around_a_verifying_IMpb_number(string number, string expected) =>
        Assert.Equal(expected, UspsRouting.WithoutRouting(number));

    [Fact]
    public void A_printed_number_has_a_routed_form_of_each_ZIP_length() =>
        Assert.Equal([30, 34], UspsRouting.RoutedLengths("9101026837331000039521"));

    [Fact]
    public void An_old_20_digit_number_has_a_routed_form_of_each_ZIP_length_too() =>
        Assert.Equal([28, 32], UspsRouting.RoutedLengths("03071790000523483741"));
}
