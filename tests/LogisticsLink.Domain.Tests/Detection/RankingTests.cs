using LogisticsLink.Domain.Detection;

namespace LogisticsLink.Domain.Tests.Detection;

public sealed class RankingTests
{
    [Fact]
    public void Checksum_valid_candidates_come_before_invalid_ones_then_by_confidence()
    {
        // 20 digits: USPS 20 verifies; DHL Paket (prefix 00), FedEx SmartPost and USPS 91 are tried as well.
        var result = CarrierDetector.Detect("00340434161094015903");
        var candidates = result.Candidates;

        for (var i = 1; i < candidates.Count; i++)
        {
            var (before, after) = (candidates[i - 1], candidates[i]);
            Assert.True(before.ChecksumValid || !after.ChecksumValid);
            if (before.ChecksumValid == after.ChecksumValid)
                Assert.True(before.Confidence >= after.Confidence);
        }
    }

    [Fact]
    public void A_checksum_valid_candidate_outranks_a_more_confident_looking_invalid_one()
    {
        // FedEx Ground (15) verifies; DPD (14+check) does not.
        var result = CarrierDetector.Detect("122816215025810");

        Assert.Equal(["fedex", "dpd"], result.Candidates.Select(c => c.Carrier));
    }

    [Fact]
    public void Each_carrier_appears_once_with_its_best_format()
    {
        // USPS 20 verifies, the "91" reading of the same digits does not; only the former is reported.
        var result = CarrierDetector.Detect("03071790000523483741");

        var usps = Assert.Single(result.Candidates, c => c.Carrier == "usps");
        Assert.Equal("USPS 20", usps.Format);
    }

    [Fact]
    public void Unambiguous_needs_exactly_one_plausible_carrier()
    {
        var strong = new CarrierCandidate("ups", "UPS 1Z", true, 0.95);
        var weak = new CarrierCandidate("dpd", "DPD (14)", false, 0.4);
        var rival = new CarrierCandidate("fedex", "FedEx Express (12)", true, 0.85);
        var sameCarrier = new CarrierCandidate("ups", "UPS other", true, 0.9);

        Assert.Same(strong, new DetectionResult("X", true, [strong, weak]).Unambiguous);
        Assert.Same(strong, new DetectionResult("X", true, [strong, sameCarrier]).Unambiguous);
        Assert.Null(new DetectionResult("X", true, [strong, rival]).Unambiguous);
        Assert.Null(new DetectionResult("X", true, [weak]).Unambiguous);
        Assert.Null(new DetectionResult("X", true, []).Unambiguous);
    }
}
