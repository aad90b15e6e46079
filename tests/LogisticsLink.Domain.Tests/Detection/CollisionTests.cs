using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

/// <summary>Numbers that more than one carrier's format accepts (the collisions listed in the carrier reference).</summary>
public sealed class CollisionTests
{
    /// <summary>number, carriers that must be among the plausible candidates.</summary>
    public static readonly TheoryData<string, string[]> Collisions = new()
    {
        // DHL Paket NVEs start with "00", which weighs nothing in GS1 mod 10: a valid USPS 20 as well.
        { "00340434161094015902", ["dhl", "usps"] },
        { "00340434292135100124", ["dhl", "usps"] },
        // 22-digit IMpb with identifier 92: FedEx Ground Economy (SmartPost) labels are USPS IMpb barcodes.
        { "9261292700768711948021", ["usps", "fedex"] },
        // 34 digits: USPS "420" routing + IMpb, whose last 13 digits also pass FedEx Express (34)'s check.
        { "4201028200009261290113185417468510", ["usps", "fedex"] },
        // 12 digits passing both FedEx Express's mod 11 and Purolator's Luhn check (computed).
        { "100000123511", ["fedex", "purolator"] },
        // 15 digits passing FedEx Ground's mod 10 and DPD's MOD 37,36 with a digit check character (computed).
        { "123456789012466", ["fedex", "dpd"] },
        // S10 ids whose service letters are also DHL eCommerce prefixes.
        { "LX123456785CN", ["upu", "dhl"] },
        { "RX123456785US", ["usps", "dhl"] },
        { "CN123456785US", ["usps", "dhl"] },
        { "UV123456785CN", ["upu", "dhl"] },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void A_known_collision_returns_several_candidates_and_no_single_answer(string number, string[] carriers)
    {
        var result = CarrierDetector.Detect(number);

        Assert.True(result.Candidates.Count >= 2);
        var plausible = result.Candidates
            .Where(c => c.Confidence >= DetectionResult.PlausibleConfidence)
            .Select(c => c.Carrier)
            .ToHashSet();
        Assert.Superset(carriers.ToHashSet(), plausible);
        Assert.Null(result.Unambiguous);
    }

    [Fact]
    public void Both_sides_of_a_check_digit_collision_verify()
    {
        var result = CarrierDetector.Detect("00340434161094015902");

        Assert.Contains(result.Candidates, c => c is { Carrier: "dhl", Format: "DHL Paket NVE (20)", ChecksumValid: true });
        Assert.Contains(result.Candidates, c => c is { Carrier: "usps", Format: "USPS 20", ChecksumValid: true });
    }

    [Fact]
    public void Fourteen_digits_are_DPD_or_DHL_eCommerce_and_neither_is_an_answer()
    {
        // DPD's test parcel number, printed without its check character.
        var result = CarrierDetector.Detect("05308801410058");

        Assert.Equal(["dpd", "dhl"], result.Candidates.Select(c => c.Carrier));
        Assert.All(result.Candidates, c => Assert.False(c.ChecksumValid));
        Assert.Null(result.Unambiguous);
    }

    [Theory]
    [InlineData("122816215025810")]
    [InlineData("449044304137821")]
    [InlineData("957794015041323")]
    public void The_check_digit_settles_a_shared_length(string fedExGround)
    {
        // 15 digits are also DPD's parcel number + check character, but DPD's check fails on these.
        var result = CarrierDetector.Detect(fedExGround);

        Assert.Contains(result.Candidates, c => c is { Carrier: "dpd", ChecksumValid: false });
        Assert.Equal("fedex", result.Unambiguous?.Carrier);
    }

    [Fact]
    public void A_22_digit_USPS_number_without_the_FedEx_identifier_is_only_USPS()
    {
        var result = CarrierDetector.Detect("9400111206206406260787");

        Assert.Equal("usps", Assert.Single(result.Candidates).Carrier);
    }
}
