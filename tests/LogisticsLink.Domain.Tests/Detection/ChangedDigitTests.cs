using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

/// <summary>One mistyped character must not be confidently attributed to the format it was typed from.</summary>
public sealed class ChangedDigitTests
{
    public static TheoryData<string, string, string, int> Mistypes()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in KnownNumbers.Checked)
        {
            var (number, carrier, format) = ((string)row[0], (string)row[1], (string)row[2]);
            data.Add(number, carrier, format, CheckPosition(number)); // the check character itself
            data.Add(number, carrier, format, LastPayloadDigit(number)); // a digit the check covers
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mistypes))]
    public void A_single_changed_character_fails_the_check(string number, string carrier, string format, int position)
    {
        var mistyped = Change(number, position);

        var result = CarrierDetector.Detect(mistyped);

        Assert.True(result.IsWellFormed);
        var same = result.Candidates.SingleOrDefault(c => c.Carrier == carrier && c.Format == format);
        Assert.True(same is null || !same.ChecksumValid, $"{mistyped} still passes as {format}");
        Assert.True(same is null || same.Confidence < DetectionResult.PlausibleConfidence);
        Assert.False(result.Unambiguous is { } u && u.Carrier == carrier && u.Format == format,
            $"{mistyped} is still confidently {format}");
    }

    [Fact]
    public void FedEx_mod_11_then_mod_10_cannot_see_a_change_between_remainders_10_and_0()
    {
        // Documented limitation of the carrier's algorithm, not of the detector: the serial of this GSN sums to a
        // remainder of 10 (check 0); one more in a weight-1 position gives remainder 0 — check 0 again.
        var result = CarrierDetector.Detect("9622001900000000000000776632517520");

        Assert.True(result.Unambiguous is { Format: "FedEx Ground GSN (34)", ChecksumValid: true });
    }

    [Fact]
    public void A_mistyped_UPS_number_is_still_shown_as_UPS_with_a_bad_check_digit()
    {
        var result = CarrierDetector.Detect("1Z5R89390357567128");

        var ups = Assert.Single(result.Candidates);
        Assert.Equal(("ups", "UPS 1Z", false), (ups.Carrier, ups.Format, ups.ChecksumValid));
        Assert.Null(result.Unambiguous);
    }

    // One step down, wrapping 0 → 9 and A → 0. Any change of the check character is caught by construction; a
    // change elsewhere is caught by every algorithm here except in rare blind spots (see the test below).
    private static string Change(string number, int position)
    {
        var chars = number.ToCharArray();
        chars[position] = chars[position] switch
        {
            '0' => '9',
            'A' => '0',
            var c => (char)(c - 1),
        };
        return new string(chars);
    }

    /// <summary>Where the check character sits: last, except in S10 where the country code follows it.</summary>
    private static int CheckPosition(string number) =>
        char.IsAsciiLetter(number[^1]) && char.IsAsciiLetter(number[^2]) ? number.Length - 3 : number.Length - 1;

    /// <summary>The rightmost digit before the check character.</summary>
    private static int LastPayloadDigit(string number)
    {
        for (var i = CheckPosition(number) - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(number[i]))
                return i;
        }

        throw new ArgumentException($"{number} has no payload digit");
    }
}
